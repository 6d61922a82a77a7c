package org.figstream.connectors.feed.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.records.Article;

/**
 * Turns a sample article folder into the objects of one version in the bucket's layout: the XML as
 * {@code PMCn.v/PMCn.v.xml}, the other files beside it, and the metadata JSON (in {@code metadata/}
 * and in the version folder) in the bucket's schema, filled from what the XML itself says.
 */
public final class SampleVersions {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * PMIDs of sample articles, by sample folder: synthetic, like the sample PMCIDs ({@link
   * SampleBucket}), in a range no real PMID reaches for decades (PubMed is near 42 million), so the
   * built PubMed data in {@code samples/pubmed/} can never be mistaken for NLM's. {@code
   * elife-46793-v1} (article 5) stays unchanged over both sample days, so its MeSH arriving on day
   * 2 reaches a live article.
   */
  static final Map<String, String> PMIDS = Map.of("elife-46793-v1", "99000005");

  /**
   * The files of one sample folder: the XML and everything else by name, and the article's PMID
   * where it is known ({@link #PMIDS}), else null.
   */
  record Folder(byte[] xml, Map<String, byte[]> others, String pmid) {

    static Folder read(Path dir) {
      try (Stream<Path> files = Files.list(dir)) {
        byte[] xml = null;
        Map<String, byte[]> others = new LinkedHashMap<>();
        for (Path f : files.sorted().toList()) {
          if (f.toString().endsWith(".xml")) {
            xml = Files.readAllBytes(f);
          } else {
            others.put(f.getFileName().toString(), Files.readAllBytes(f));
          }
        }
        if (xml == null) {
          throw new IllegalStateException("no XML in sample folder " + dir);
        }
        return new Folder(xml, others, PMIDS.get(dir.getFileName().toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Folder withXml(byte[] newXml) {
      return new Folder(newXml, others, pmid);
    }
  }

  /** How a version is flagged in its metadata. */
  public record Flags(
      boolean openAccess, boolean manuscript, boolean retracted, String licenseOverride) {
    public static final Flags OPEN = new Flags(true, false, false, null);
  }

  private SampleVersions() {}

  static Map<String, StoredObject> objects(
      String pmcid, int version, Folder folder, Flags flags, String lastModified) {
    Map<String, StoredObject> media = new LinkedHashMap<>();
    folder.others().forEach((name, bytes) -> media.put(name, StoredObject.of(bytes, lastModified)));
    return objects(pmcid, version, folder.xml(), folder.pmid(), media, flags, lastModified);
  }

  /**
   * The objects of one version: {@code xml} as {@code PMCn.v/PMCn.v.xml}, each of {@code media} (by
   * file name) beside it, and the metadata JSON naming them with their MD5s.
   */
  public static Map<String, StoredObject> objects(
      String pmcid,
      int version,
      byte[] xml,
      Map<String, StoredObject> media,
      Flags flags,
      String lastModified) {
    return objects(pmcid, version, xml, null, media, flags, lastModified);
  }

  /** As above, with the article's PMID in the metadata ({@code pmid}: null when it has none). */
  public static Map<String, StoredObject> objects(
      String pmcid,
      int version,
      byte[] xml,
      String pmid,
      Map<String, StoredObject> media,
      Flags flags,
      String lastModified) {
    String id = pmcid + "." + version;
    Map<String, StoredObject> out = new LinkedHashMap<>();
    StoredObject xmlObject = StoredObject.of(xml, lastModified);
    out.put(id + "/" + id + ".xml", xmlObject);
    ArrayNode urls = JSON.createArrayNode();
    media.forEach(
        (name, object) -> {
          out.put(id + "/" + name, object);
          urls.add("s3://pmc-oa-opendata/" + id + "/" + name + "?md5=" + object.etag());
        });
    byte[] metadata = metadata(pmcid, version, xml, pmid, xmlObject.etag(), urls, flags);
    out.put("metadata/" + id + ".json", StoredObject.of(metadata, lastModified));
    out.put(id + "/" + id + ".json", StoredObject.of(metadata, lastModified));
    return out;
  }

  private static byte[] metadata(
      String pmcid,
      int version,
      byte[] xml,
      String pmid,
      String xmlMd5,
      ArrayNode media,
      Flags flags) {
    Article article = new JatsExtractor().extract(xml, List.of()).get(0).article();
    String id = pmcid + "." + version;
    ObjectNode m = JSON.createObjectNode();
    m.put("pmcid", pmcid);
    m.put("version", version);
    if (pmid == null) {
      m.putNull("pmid");
    } else {
      m.put("pmid", pmid);
    }
    m.put("doi", article.doi());
    m.put("title", article.title());
    m.put("citation", citation(article));
    m.put(
        "license_code",
        flags.licenseOverride() != null
            ? flags.licenseOverride()
            : article.license() == null ? null : article.license().code().toString());
    m.put("is_pmc_openaccess", flags.openAccess());
    m.put("is_manuscript", flags.manuscript());
    m.put("is_historical_ocr", false);
    m.put("is_retracted", flags.retracted());
    m.put("xml_url", "s3://pmc-oa-opendata/" + id + "/" + id + ".xml?md5=" + xmlMd5);
    m.putNull("pdf_url");
    m.putNull("text_url");
    m.set("media_urls", media);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String citation(Article article) {
    String journal = article.journal() == null ? "" : article.journal().title();
    String year =
        article.pubDates().stream()
            .map(Article.PubDate::iso)
            .filter(java.util.Objects::nonNull)
            .map(iso -> iso.substring(0, 4))
            .findFirst()
            .orElse("");
    return (journal + ". " + year).trim();
  }

  /**
   * The XML with its last {@code fig} outside any {@code fig-group} cut out: the sample's "revised
   * version", which has one figure less than the first.
   */
  static byte[] withoutLastFigure(byte[] xml) {
    String s = new String(xml, java.nio.charset.StandardCharsets.UTF_8);
    int at = s.length();
    while ((at = Math.max(s.lastIndexOf("<fig ", at - 1), s.lastIndexOf("<fig>", at - 1))) >= 0) {
      String before = s.substring(0, at);
      int opens = count(before, "<fig-group");
      int closes = count(before, "</fig-group>");
      if (opens == closes) {
        int end = s.indexOf("</fig>", at) + "</fig>".length();
        return (s.substring(0, at) + s.substring(end))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    throw new IllegalStateException("no figure outside a fig-group to remove");
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
