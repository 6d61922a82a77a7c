package org.figstream.connectors.feed.sample;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The emulator's PubMed endpoints over a {@link PubmedSample}, as of the emulator's day:
 * E-utilities {@code /entrez/eutils/efetch.fcgi?db=pubmed&id=...} (GET, or POST with a form body,
 * as NCBI accepts) and NLM's update-file directory {@code /pubmed/updatefiles/} (an Apache-style
 * HTML index, the {@code .xml.gz} files and their {@code .md5} files).
 */
final class PubmedEndpoints {
  static final String EFETCH = "/entrez/eutils/efetch.fcgi";
  static final String UPDATE_FILES = "/pubmed/updatefiles/";
  private static final String HEADER =
      "<?xml version=\"1.0\" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle,"
          + " 1st January 2025//EN\" \"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd\">\n";

  private PubmedEndpoints() {}

  static boolean handles(String path) {
    return path.equals(EFETCH) || path.startsWith(UPDATE_FILES);
  }

  static Publisher<Void> serve(
      HttpServerRequest req,
      HttpServerResponse res,
      QueryStringDecoder uri,
      PubmedSample sample,
      int day) {
    if (uri.path().equals(EFETCH)) {
      Mono<String> form =
          req.method().equals(HttpMethod.POST)
              ? req.receive().aggregate().asString().defaultIfEmpty("")
              : Mono.just("");
      return res.header(HttpHeaderNames.CONTENT_TYPE, "text/xml; charset=UTF-8")
          .sendString(form.map(body -> efetch(uri, body, sample.citations(day - 1))));
    }
    String name = uri.path().substring(UPDATE_FILES.length());
    if (name.isEmpty()) {
      return res.header(HttpHeaderNames.CONTENT_TYPE, "text/html;charset=UTF-8")
          .sendString(Mono.just(listing(sample.updateFiles(day))));
    }
    for (PubmedSample.UpdateFile f : sample.updateFiles(day)) {
      if (name.equals(f.name())) {
        return res.header(HttpHeaderNames.CONTENT_TYPE, "application/x-gzip")
            .header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(f.gz().length))
            .sendByteArray(Mono.just(f.gz()));
      }
      if (name.equals(f.name() + ".md5")) {
        return res.header(HttpHeaderNames.CONTENT_TYPE, "text/plain")
            .sendString(Mono.just("MD5(" + f.name() + ")= " + f.md5() + "\n"));
      }
    }
    return res.status(404).header(HttpHeaderNames.CONTENT_LENGTH, "0").send();
  }

  /** An efetch answer: the known citations in the order asked; an {@code <ERROR>} as NCBI's. */
  static String efetch(QueryStringDecoder uri, String body, Map<String, String> citations) {
    List<String> db = new ArrayList<>(values(uri, "db"));
    List<String> ids = new ArrayList<>(values(uri, "id"));
    if (!body.isEmpty()) {
      QueryStringDecoder form = new QueryStringDecoder(body, false);
      db.addAll(values(form, "db"));
      ids.addAll(values(form, "id"));
    }
    if (db.isEmpty() || !db.get(0).equals("pubmed")) {
      return error("Database not supported: " + ListingXml.escape(String.valueOf(db)));
    }
    List<String> pmids =
        ids.stream()
            .flatMap(s -> java.util.Arrays.stream(s.split(",")))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    if (pmids.isEmpty()) {
      return error("Empty id list - nothing todo");
    }
    StringBuilder xml = new StringBuilder(HEADER).append("<PubmedArticleSet>\n");
    pmids.stream()
        .distinct()
        .map(citations::get)
        .filter(a -> a != null)
        .forEach(a -> xml.append(a).append('\n'));
    return xml.append("</PubmedArticleSet>\n").toString();
  }

  private static String error(String message) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<eFetchResult>\n\t<ERROR>"
        + message
        + "</ERROR>\n</eFetchResult>\n";
  }

  /** The directory index, in the layout of NLM's (Apache) listing. */
  static String listing(List<PubmedSample.UpdateFile> files) {
    StringBuilder html =
        new StringBuilder(
            "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\">\n<html>\n <head>\n"
                + "  <title>Index of /pubmed/updatefiles</title>\n </head>\n <body>\n"
                + "<h1>Index of /pubmed/updatefiles</h1>\n<pre>Name                     Last"
                + " modified      Size  <hr><a href=\"/pubmed/\">Parent Directory</a>        "
                + "                      -   \n"
                + "<a href=\"README.txt\">README.txt</a>               2026-11-18 14:25  4.5K  \n");
    for (PubmedSample.UpdateFile f : files) {
      String date = "2026-11-" + (18 + f.day()) + " 14:00";
      html.append(line(f.name(), date, f.gz().length + ""))
          .append(line(f.name() + ".md5", date, "60"));
    }
    return html.append("<hr></pre>\n</body></html>\n").toString();
  }

  private static String line(String name, String date, String size) {
    return "<a href=\"" + name + "\">" + name + "</a> " + date + "  " + size + "  \n";
  }

  private static List<String> values(QueryStringDecoder uri, String name) {
    List<String> v = uri.parameters().get(name);
    return v == null ? List.of() : v;
  }
}
