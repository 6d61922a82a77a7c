package org.figstream.connectors.feed.pubmed;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A small loopback HTTP server whose answers a test scripts, and which records every request: for
 * the answers the emulator does not give (errors, 429s, bad XML, a wrong MD5).
 */
final class ScriptedServer implements AutoCloseable {

  /** A request as received: form holds the POST body's parameters (and the query's). */
  record Request(
      String method, String path, String rawQuery, Map<String, List<String>> form, long nanos) {
    String param(String name) {
      List<String> v = form.get(name);
      return v == null ? null : v.get(0);
    }

    List<String> ids() {
      String id = param("id");
      return id == null ? List.of() : List.of(id.split(","));
    }
  }

  record Answer(int status, Map<String, String> headers, byte[] body) {
    static Answer ok(String body) {
      return new Answer(200, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    static Answer ok(byte[] body) {
      return new Answer(200, Map.of(), body);
    }

    static Answer status(int status, Map<String, String> headers) {
      return new Answer(status, headers, new byte[0]);
    }
  }

  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final DisposableServer server;

  ScriptedServer(Function<Request, Answer> script) {
    server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(
                (req, res) ->
                    req.receive()
                        .aggregate()
                        .asString()
                        .defaultIfEmpty("")
                        .flatMap(
                            body -> {
                              QueryStringDecoder uri = new QueryStringDecoder(req.uri());
                              Map<String, List<String>> form =
                                  new java.util.HashMap<>(uri.parameters());
                              form.putAll(new QueryStringDecoder(body, false).parameters());
                              Request r =
                                  new Request(
                                      req.method().name(),
                                      uri.path(),
                                      uri.rawQuery(),
                                      form,
                                      System.nanoTime());
                              requests.add(r);
                              Answer a = script.apply(r);
                              res.status(a.status());
                              a.headers().forEach(res::header);
                              res.header(
                                  HttpHeaderNames.CONTENT_LENGTH, String.valueOf(a.body().length));
                              return res.sendByteArray(Mono.just(a.body())).then();
                            }))
            .bindNow();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  @Override
  public void close() {
    server.disposeNow();
  }

  /** A minimal PubmedArticle for each PMID: enough for the parser (built, not NLM data). */
  static String articleSet(List<String> pmids, String pmcid) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" ?>\n<PubmedArticleSet>\n");
    for (String pmid : pmids) {
      xml.append("<PubmedArticle><MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\"><PMID")
          .append(" Version=\"1\">")
          .append(pmid)
          .append("</PMID></MedlineCitation><PubmedData><ArticleIdList>")
          .append(pmcid == null ? "" : "<ArticleId IdType=\"pmc\">" + pmcid + "</ArticleId>")
          .append("</ArticleIdList></PubmedData></PubmedArticle>\n");
    }
    return xml.append("</PubmedArticleSet>\n").toString();
  }
}
