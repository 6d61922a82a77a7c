package org.figstream.processors.jats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.figstream.processors.api.ArticleHint;
import org.figstream.processors.api.ExtractionException;
import org.figstream.processors.api.ExtractionException.Kind;
import org.figstream.records.Article;
import org.figstream.records.Article.Abstract;
import org.figstream.records.Article.Issn;
import org.figstream.records.Article.Journal;
import org.figstream.records.Article.PubDate;
import org.figstream.records.Article.RelatedArticle;
import org.figstream.records.License;

/** Reads the article-level record from the main article's captured {@code front}. */
final class ArticleMetaReader {
  private static final Node EMPTY = new Node("empty", null);

  private ArticleMetaReader() {}

  static Article read(Node front, String articleType, ArticleHint hint) {
    Node journalMeta = orEmpty(front == null ? null : front.child("journal-meta"));
    Node meta = orEmpty(front == null ? null : front.child("article-meta"));
    Map<String, String> ids = new LinkedHashMap<>();
    for (Node id : meta.children("article-id")) {
      String type = id.attr("pub-id-type");
      String value = TextFlattener.text(id);
      if (value != null) {
        ids.putIfAbsent(type == null ? "unknown" : type, value);
      }
    }
    String pmcid =
        pmcid(
            PubDateReader.first(
                ids.get("pmc"), PubDateReader.first(ids.get("pmcid"), ids.get("pmc-uid"))));
    Integer version = version(ids.get("pmcid-ver"));
    if (pmcid == null) {
      pmcid = pmcid(hint.pmcid());
    }
    if (version == null) {
      version = hint.version();
    }
    String doi = ids.get("doi");
    String key =
        pmcid != null
            ? pmcid
            : doi != null
                ? "doi:" + doi
                : ids.containsKey("publisher-id")
                    ? "publisher-id:" + ids.get("publisher-id")
                    : null;
    if (key == null) {
      throw new ExtractionException(
          Kind.NOT_AN_ARTICLE,
          "the article has no PMCID, DOI or publisher id to key its figures by, and none was given");
    }
    License license = license(meta);
    return new Article(
        key,
        pmcid,
        version,
        ids.getOrDefault("pmid", blankToNull(hint.pmid())),
        doi,
        ids,
        articleType,
        TextFlattener.text(meta.first("article-title")),
        journal(journalMeta),
        pubDates(meta),
        license,
        license.subset(),
        keywords(meta),
        SubjectReader.read(meta.child("article-categories")),
        mainAbstract(meta),
        abstracts(meta),
        related(meta),
        null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Journal journal(Node jm) {
    Map<String, String> ids = new LinkedHashMap<>();
    for (Node id : jm.children("journal-id")) {
      ids.putIfAbsent(String.valueOf(id.attr("journal-id-type")), TextFlattener.text(id));
    }
    List<Issn> issns = new ArrayList<>();
    for (Node issn : jm.children("issn")) {
      issns.add(
          new Issn(
              PubDateReader.first(issn.attr("pub-type"), issn.attr("publication-format")),
              TextFlattener.text(issn)));
    }
    return new Journal(
        TextFlattener.text(jm.first("journal-title")),
        ids,
        issns,
        TextFlattener.text(jm.first("publisher-name")));
  }

  private static List<PubDate> pubDates(Node meta) {
    List<PubDate> dates = new ArrayList<>();
    for (Node date : meta.children("pub-date")) {
      dates.add(PubDateReader.read(date));
    }
    return dates;
  }

  private static License license(Node meta) {
    Node permissions = meta.child("permissions");
    Node scope = permissions != null ? permissions : meta;
    Node license = scope.first("license");
    String url = null;
    String text;
    if (license != null) {
      Node ref = license.first("license_ref");
      url = ref != null ? TextFlattener.text(ref) : license.attr("href");
      Node link = license.first("ext-link");
      if (url == null && link != null) {
        url = link.attr("href");
      }
      NormalizedText statement = new NormalizedText();
      for (Node p : license.children("license-p")) {
        statement.boundary();
        TextFlattener.append(p, statement, null);
      }
      text = statement.isEmpty() ? null : statement.toString();
    } else {
      text = TextFlattener.text(scope.first("copyright-statement"));
    }
    return new License(url, text, LicenseClassifier.classify(url, text));
  }

  private static List<String> keywords(Node meta) {
    List<String> out = new ArrayList<>();
    for (Node group : meta.children("kwd-group")) {
      for (Node kwd : group.find("kwd")) {
        String k = TextFlattener.text(kwd);
        if (k != null) {
          out.add(k);
        }
      }
    }
    return out;
  }

  private static List<Abstract> abstracts(Node meta) {
    List<Abstract> out = new ArrayList<>();
    for (Node a : meta.children("abstract")) {
      NormalizedText text = new NormalizedText();
      for (Object c : a.children) {
        // The abstract's own heading ("Abstract", "eLife digest") is not part of its text.
        if (c instanceof Node n && !n.is("title") && !n.is("object-id")) {
          Node wrapper = new Node("abstract", null);
          wrapper.children.add(n);
          text.boundary();
          TextFlattener.append(wrapper, text, null);
        }
      }
      out.add(new Abstract(a.attr("abstract-type"), text.isEmpty() ? null : text.toString()));
    }
    return out;
  }

  private static String mainAbstract(Node meta) {
    List<Abstract> all = abstracts(meta);
    return all.stream()
        .filter(a -> a.type() == null)
        .map(Abstract::text)
        .findFirst()
        .orElse(all.isEmpty() ? null : all.get(0).text());
  }

  private static List<RelatedArticle> related(Node meta) {
    List<RelatedArticle> out = new ArrayList<>();
    for (Node r : meta.find("related-article")) {
      out.add(
          new RelatedArticle(
              r.attr("related-article-type"),
              r.attr("ext-link-type"),
              r.attr("href"),
              TextFlattener.text(r)));
    }
    return out;
  }

  private static String pmcid(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String t = raw.trim().toUpperCase(java.util.Locale.ROOT);
    int dot = t.indexOf('.');
    if (dot > 0) {
      t = t.substring(0, dot);
    }
    return t.startsWith("PMC") ? t : "PMC" + t;
  }

  private static Integer version(String pmcidVer) {
    if (pmcidVer == null) {
      return null;
    }
    int dot = pmcidVer.lastIndexOf('.');
    try {
      return dot < 0 ? null : Integer.valueOf(pmcidVer.substring(dot + 1).trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Node orEmpty(Node n) {
    return n == null ? EMPTY : n;
  }
}
