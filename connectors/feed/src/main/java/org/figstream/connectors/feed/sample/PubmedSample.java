package org.figstream.connectors.feed.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.figstream.connectors.feed.http.HttpFetcher;

/**
 * The PubMed side of the offline sample, by emulator day, read from {@code samples/pubmed/} (its
 * README says how the files were built): {@code efetch.xml}, what efetch knows before any update
 * file, and {@code updatefiles/dayN/*.xml}, the update files NLM publishes on day N, served gzipped
 * with their md5 files. On day N the emulator's efetch answers the state of day N - 1: {@code
 * efetch.xml} revised by the update files of days 1 to N - 1, without the citations they delete.
 * Real efetch answers the newest state; the emulator's lags a day so that one run over the sample
 * (which finds both days published) looks its article up as a pipeline that announced it the day
 * before would have, before NLM indexed it, and then sees the MeSH arrive in day 2's update file.
 */
public final class PubmedSample {
  private static final Pattern ARTICLE =
      Pattern.compile("<PubmedArticle>.*?</PubmedArticle>", Pattern.DOTALL);
  private static final Pattern DELETE =
      Pattern.compile("<DeleteCitation>(.*?)</DeleteCitation>", Pattern.DOTALL);
  private static final Pattern PMID = Pattern.compile("<PMID[^>]*>(\\d+)</PMID>");

  /** One update file as served: {@code name} ends {@code .xml.gz}. */
  public record UpdateFile(String name, byte[] gz, String md5, int day) {}

  private final Map<String, String> efetch;
  private final List<List<UpdateFile>> days;
  private final List<String> xmlOfDays;

  private PubmedSample(
      Map<String, String> efetch, List<List<UpdateFile>> days, List<String> xmlOfDays) {
    this.efetch = efetch;
    this.days = days;
    this.xmlOfDays = xmlOfDays;
  }

  /** No PubMed data: efetch knows no PMID, the update-file directory is empty. */
  public static PubmedSample none() {
    return new PubmedSample(Map.of(), List.of(), List.of());
  }

  /** The sample in {@code dir}, or {@link #none()} when there is no such folder. */
  public static PubmedSample load(Path dir) {
    if (!Files.isDirectory(dir)) {
      return none();
    }
    try {
      Map<String, String> base = articles(Files.readString(dir.resolve("efetch.xml")));
      List<List<UpdateFile>> days = new ArrayList<>();
      List<String> xml = new ArrayList<>();
      for (int day = 1; Files.isDirectory(dir.resolve("updatefiles/day" + day)); day++) {
        List<UpdateFile> files = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        try (Stream<Path> list = Files.list(dir.resolve("updatefiles/day" + day))) {
          for (Path f : list.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
            byte[] bytes = Files.readAllBytes(f);
            byte[] gz = gzip(bytes);
            files.add(new UpdateFile(f.getFileName() + ".gz", gz, HttpFetcher.md5Hex(gz), day));
            all.append(new String(bytes, StandardCharsets.UTF_8));
          }
        }
        days.add(List.copyOf(files));
        xml.add(all.toString());
      }
      return new PubmedSample(base, days, xml);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the PubMed sample in " + dir, e);
    }
  }

  /** Days with update files. */
  public int days() {
    return days.size();
  }

  /** The update files published once {@code visibleDays} days are, in name order. */
  public List<UpdateFile> updateFiles(int visibleDays) {
    List<UpdateFile> out = new ArrayList<>();
    for (int d = 0; d < Math.min(visibleDays, days.size()); d++) {
      out.addAll(days.get(d));
    }
    return out;
  }

  /**
   * Each PMID's {@code PubmedArticle} once the update files of {@code visibleDays} days applied.
   */
  public Map<String, String> citations(int visibleDays) {
    Map<String, String> now = new LinkedHashMap<>(efetch);
    for (int d = 0; d < Math.min(visibleDays, xmlOfDays.size()); d++) {
      String xml = xmlOfDays.get(d);
      now.putAll(articles(xml));
      Matcher deleted = DELETE.matcher(xml);
      while (deleted.find()) {
        Matcher pmid = PMID.matcher(deleted.group(1));
        while (pmid.find()) {
          now.remove(pmid.group(1));
        }
      }
    }
    return now;
  }

  /** The articles of a PubmedArticleSet by PMID: the first PMID of each is its own. */
  private static Map<String, String> articles(String xml) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = ARTICLE.matcher(xml);
    while (m.find()) {
      Matcher pmid = PMID.matcher(m.group());
      if (pmid.find()) {
        out.put(pmid.group(1), m.group());
      }
    }
    return out;
  }

  /** Gzip with the header's time left at zero (Java's default): the same bytes on every load. */
  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
