package org.figstream.processors.jats;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.figstream.processors.hostile.CorpusCase;

/**
 * Writes the JATS files of {@code src/test/resources/hostile/jats}; run again after changing a
 * case, the output is byte for byte the same. {@code @PORT@} stands for the loopback listener the
 * corpus test opens, so no fixed port can clash with another process.
 */
public final class HostileJatsCorpus {
  static final String PORT = "@PORT@";
  private static final String LOOPBACK = "http://127.0.0.1:" + PORT;

  private HostileJatsCorpus() {}

  public static void main(String[] args) throws IOException {
    CorpusCase.write(files(), args, "src/test/resources/hostile/jats");
  }

  static Map<String, byte[]> files() {
    Map<String, byte[]> f = new LinkedHashMap<>();
    f.put("plain-article.xml", utf8("", "A plain caption."));
    f.put("xxe-file.xml", utf8(entity("x SYSTEM \"file:///etc/passwd\""), "Leak &x;."));
    f.put("xxe-loopback.xml", utf8(entity("x SYSTEM \"" + LOOPBACK + "/x\""), "Leak &x;."));
    f.put(
        "xxe-parameter-loopback.xml",
        utf8("<!DOCTYPE article [<!ENTITY % p SYSTEM \"" + LOOPBACK + "/p\"> %p;]>", "Quiet."));
    f.put(
        "external-dtd-loopback.xml",
        utf8("<!DOCTYPE article SYSTEM \"" + LOOPBACK + "/jats.dtd\">", "Quiet."));
    f.put(
        "external-dtd-public.xml",
        utf8(
            "<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3"
                + " 20210610//EN\" \""
                + LOOPBACK
                + "/JATS-journalpublishing1-3.dtd\">",
            "Quiet &alpha; &nbsp;."));
    f.put(
        "xinclude-loopback.xml",
        utf8(
            "",
            "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\""
                + LOOPBACK
                + "/i\"/>Included."));
    f.put("billion-laughs.xml", utf8(TestDocuments.billionLaughs(), "&lol9;"));
    f.put(
        "quadratic-blowup.xml",
        utf8(entity("big \"" + "a".repeat(20_000) + "\""), "&big;".repeat(2_000)));
    f.put("undeclared-entity.xml", utf8("", "An &unknown; entity."));
    f.put("deep-nesting.xml", utf8("", "<sec>".repeat(1_000) + "deep" + "</sec>".repeat(1_000)));
    byte[] whole = utf8("", "Caf\u00e9 caption, cut.");
    f.put("truncated-mid-tag.xml", Arrays.copyOf(whole, whole.length - 40));
    int e = indexOf(whole, (byte) 0xC3);
    f.put("truncated-mid-utf8-char.xml", Arrays.copyOf(whole, e + 1));
    f.put(
        "declared-utf8-holds-latin1.xml",
        TestDocuments.article("", "Caf\u00e9.").getBytes(ISO_8859_1));
    f.put(
        "declared-latin1-holds-utf8.xml",
        TestDocuments.article("", "Caf\u00e9.").replace("UTF-8", "ISO-8859-1").getBytes(UTF_8));
    f.put(
        "mixed-utf8-and-latin1.xml",
        concat(head("Caf\u00e9 ", UTF_8), "na\u00efve.".getBytes(ISO_8859_1), tail(UTF_8)));
    f.put(
        "declared-ebcdic.xml",
        TestDocuments.article("", "Text.").replace("UTF-8", "EBCDIC-CP-US").getBytes(UTF_8));
    f.put("bom-utf8.xml", concat(bom("EFBBBF"), utf8("", "Caf\u00e9.")));
    f.put("bom-utf8-declared-utf16.xml", concat(bom("EFBBBF"), declared("UTF-16", UTF_8)));
    f.put("bom-utf16le.xml", concat(bom("FFFE"), declared("UTF-16", UTF_16LE)));
    f.put("bom-utf16be.xml", concat(bom("FEFF"), declared("UTF-16", UTF_16BE)));
    f.put("bom-utf16be-declared-utf8.xml", concat(bom("FEFF"), declared("UTF-8", UTF_16BE)));
    f.put("bom-utf16le-body-utf8.xml", concat(bom("FFFE"), utf8("", "Caf\u00e9.")));
    f.put("utf16le-without-bom.xml", declared("UTF-16", UTF_16LE));
    f.put("empty.xml", new byte[0]);
    f.put("not-xml.xml", "%PDF-1.4 this is a PDF named .xml\n".getBytes(UTF_8));
    return f;
  }

  private static byte[] utf8(String doctype, String caption) {
    return TestDocuments.article(doctype, caption).getBytes(UTF_8);
  }

  private static String entity(String declaration) {
    return "<!DOCTYPE article [<!ENTITY " + declaration + ">]>";
  }

  private static byte[] declared(String encoding, java.nio.charset.Charset charset) {
    return TestDocuments.article("", "Caf\u00e9 \u4e2d.")
        .replace("UTF-8", encoding)
        .getBytes(charset);
  }

  private static byte[] head(String caption, java.nio.charset.Charset charset) {
    String doc = TestDocuments.article("", caption + "\u0000");
    return doc.substring(0, doc.indexOf('\u0000')).getBytes(charset);
  }

  private static byte[] tail(java.nio.charset.Charset charset) {
    String doc = TestDocuments.article("", "\u0000");
    return doc.substring(doc.indexOf('\u0000') + 1).getBytes(charset);
  }

  private static byte[] bom(String hex) {
    byte[] b = new byte[hex.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return b;
  }

  private static int indexOf(byte[] b, byte value) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == value) {
        return i;
      }
    }
    throw new IllegalArgumentException("no byte " + value);
  }

  private static byte[] concat(byte[]... parts) {
    return Arrays.stream(parts)
        .reduce(
            new byte[0],
            (a, b) -> {
              byte[] out = Arrays.copyOf(a, a.length + b.length);
              System.arraycopy(b, 0, out, a.length, b.length);
              return out;
            });
  }
}
