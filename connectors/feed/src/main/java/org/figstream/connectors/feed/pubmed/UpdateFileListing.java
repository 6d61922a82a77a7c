package org.figstream.connectors.feed.pubmed;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what NLM's update-file directory publishes. The directory is an Apache-style HTML index:
 * one line a file, {@code <a href="pubmed26n1335.xml.gz">pubmed26n1335.xml.gz</a> 2026-01-29 14:48
 * 31M}, beside {@code .xml.gz.md5}, {@code _stats.html} and {@code README.txt}; each md5 file holds
 * one line, {@code MD5(pubmed26n1335.xml.gz)= <32 hex>}.
 */
public final class UpdateFileListing {
  /**
   * An update file's name: year (two digits), {@code n}, four-digit sequence. Only such names are
   * ever fetched or written to disk, so nothing in a listing can name a path.
   */
  static final Pattern NAME = Pattern.compile("pubmed\\d{2}n\\d{4,5}\\.xml\\.gz");

  private static final Pattern HREF =
      Pattern.compile("href\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern MD5 =
      Pattern.compile("MD5\\((" + NAME.pattern() + ")\\)\\s*=\\s*([0-9a-fA-F]{32})\\s*");

  private UpdateFileListing() {}

  /**
   * The update files ({@code .xml.gz}) a listing links to, in name order (which is NLM's order: the
   * year, then the sequence number).
   */
  public static List<String> files(byte[] html) {
    TreeSet<String> names = new TreeSet<>();
    Matcher m = HREF.matcher(new String(html, StandardCharsets.UTF_8));
    while (m.find()) {
      String href = m.group(1);
      String name = href.substring(href.lastIndexOf('/') + 1);
      if (NAME.matcher(name).matches()) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  /**
   * The MD5 an md5 file states for {@code name}, lower case.
   *
   * @throws UpdateFileException {@value PubmedDeadLetters#BAD_MD5_FILE} when the file is not one
   *     line {@code MD5(name)= hex} naming {@code name}
   */
  public static String md5(byte[] md5File, String name) {
    String text = new String(md5File, StandardCharsets.US_ASCII).strip();
    Matcher m = MD5.matcher(text);
    if (!m.matches() || !m.group(1).equals(name)) {
      throw new UpdateFileException(
          PubmedDeadLetters.BAD_MD5_FILE,
          "the md5 file of "
              + name
              + " does not read \"MD5("
              + name
              + ")= <32 hex digits>\": "
              + (text.length() > 120 ? text.substring(0, 120) + "..." : text),
          null);
    }
    return m.group(2).toLowerCase(Locale.ROOT);
  }
}
