package org.figstream.connectors.feed.sample;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A local HTTP server, on loopback only, that answers like the {@code pmc-oa-opendata} bucket
 * (object GETs and ListObjectsV2) over {@link BucketContents} (the bundled samples, or a generated
 * corpus), plus E-utilities esearch on release dates, and PubMed as of the same day (efetch {@code
 * db=pubmed} and the daily update files, {@link PubmedEndpoints}, over {@link
 * BucketContents#pubmed()}); it can publish the next inventory day and misbehave on purpose ({@link
 * Faults}) or go down altogether ({@link #outage}).
 */
public final class BucketEmulator implements AutoCloseable {
  private static final Set<Faults.Kind> LISTING_FAULTS =
      EnumSet.complementOf(EnumSet.of(Faults.Kind.WRONG_BODY));

  private final BucketContents bucket;
  private final FaultInjector faults;
  private final Faults config;
  private final AtomicInteger visibleDays;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong outageAnswers = new AtomicLong();
  private final List<String> esearches = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile boolean down;
  private volatile String outageAt;
  private volatile boolean listTwice;
  private volatile String withheld;
  private volatile Map<String, StoredObject> objects;
  private final PubmedSample pubmed;
  private final DisposableServer server;

  private BucketEmulator(BucketContents bucket, int visibleDays, Faults faults) {
    this.bucket = bucket;
    this.faults = new FaultInjector(faults);
    this.config = faults;
    this.visibleDays = new AtomicInteger(visibleDays);
    this.objects = bucket.objects(visibleDays);
    this.pubmed = bucket.pubmed();
    this.server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(
                (req, res) -> {
                  requests.incrementAndGet();
                  String armed = outageAt;
                  if (armed != null && req.uri().startsWith("/" + armed)) {
                    outageAt = null;
                    down = true;
                  }
                  if (down) {
                    outageAnswers.incrementAndGet();
                    return res.status(503).header(HttpHeaderNames.CONTENT_LENGTH, "0").send();
                  }
                  QueryStringDecoder uri = new QueryStringDecoder(req.uri());
                  if (PubmedEndpoints.handles(uri.path())) {
                    return PubmedEndpoints.serve(req, res, uri, pubmed, this.visibleDays.get());
                  }
                  if (uri.path().endsWith("/esearch.fcgi")) {
                    // GET, or POST with the query as a form body (as figstream sends an API key)
                    Mono<String> query =
                        req.method().equals(HttpMethod.POST)
                            ? req.receive().aggregate().asString().defaultIfEmpty("")
                            : Mono.just(uri.rawQuery());
                    return res.header(HttpHeaderNames.CONTENT_TYPE, "text/xml")
                        .sendString(
                            query.map(
                                q -> {
                                  esearches.add(req.method() + " " + req.uri() + " body: " + q);
                                  return Esearch.answer(
                                      objects, param(new QueryStringDecoder(q, false), "term"));
                                }));
                  }
                  if (uri.path().equals("/") && "2".equals(param(uri, "list-type"))) {
                    // a listing has no checksum to catch a changed byte (TLS does, in S3)
                    Faults.Kind fault = this.faults.next(req.uri(), LISTING_FAULTS);
                    if (fault != null) {
                      return FaultResponses.send(fault, config, res, () -> listing(uri));
                    }
                    return res.header(HttpHeaderNames.CONTENT_TYPE, "application/xml")
                        .sendByteArray(Mono.just(listing(uri)));
                  }
                  return object(uri.path().substring(1), res);
                })
            .bindNow();
  }

  private byte[] listing(QueryStringDecoder uri) {
    String max = param(uri, "max-keys");
    return ListingXml.answer(
            objects,
            orEmpty(param(uri, "prefix")),
            param(uri, "delimiter"),
            param(uri, "continuation-token"),
            max == null ? 1000 : Integer.parseInt(max))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Starts serving with the first {@code visibleDays} inventory days published. */
  public static BucketEmulator start(BucketContents bucket, int visibleDays, Faults faults) {
    if (visibleDays < 1 || visibleDays > bucket.days()) {
      throw new IllegalArgumentException("visible days must be 1.." + bucket.days());
    }
    return new BucketEmulator(bucket, visibleDays, faults);
  }

  private Publisher<Void> object(String key, HttpServerResponse res) {
    StoredObject o = objects.get(key);
    String hidden = withheld;
    if (o == null || (hidden != null && key.startsWith(hidden))) {
      return res.status(404)
          .header(HttpHeaderNames.CONTENT_TYPE, "application/xml")
          .sendString(
              Mono.just(
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
                      + "<Message>The specified key does not exist.</Message><Key>"
                      + ListingXml.escape(key)
                      + "</Key></Error>"));
    }
    Faults.Kind fault = faults.next(key);
    res.header(HttpHeaderNames.ETAG, "\"" + o.etag() + "\"")
        .header(HttpHeaderNames.LAST_MODIFIED, o.lastModified())
        .header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(o.size()))
        .header(HttpHeaderNames.CONTENT_TYPE, contentType(key));
    if (fault == null) {
      // a generated object is made on request: off the event loop
      return res.sendByteArray(
          Mono.fromCallable(o::bytes).subscribeOn(Schedulers.boundedElastic()));
    }
    return FaultResponses.send(fault, config, res, o::bytes);
  }

  /** Publishes the next inventory day: its objects appear, removed ones disappear. */
  public void publishNextDay() {
    int day = visibleDays.incrementAndGet();
    if (day > bucket.days()) {
      visibleDays.decrementAndGet();
      throw new IllegalStateException("the bucket has only " + bucket.days() + " days");
    }
    objects = visible(day);
  }

  /**
   * Starts or ends an outage: while it lasts, every request (objects, listings, inventories,
   * esearch) is answered 503, as a bucket or E-utilities that is down answers.
   */
  public void outage(boolean on) {
    down = on;
  }

  /**
   * Answers 404 for every object whose key starts with {@code prefix} (null: none), though the
   * inventory still lists it: files that are missing for a while, as a version's files can be when
   * the inventory was written before they were.
   */
  public void withhold(String prefix) {
    withheld = prefix;
  }

  /**
   * Starts an outage with the first request for an object whose key starts with {@code prefix}
   * (that request is answered 503 already): an outage in the middle of something, such as the
   * download of an inventory's second part. {@link #outage(boolean) outage(false)} ends it.
   */
  public void outageFrom(String prefix) {
    outageAt = prefix;
  }

  /**
   * From now on, each inventory lists some keys twice (see {@link InventoryRowsTwice}), as a
   * listing written while objects were being uploaded can.
   */
  public void listKeysTwice(boolean on) {
    listTwice = on;
    objects = visible(visibleDays.get());
  }

  private Map<String, StoredObject> visible(int days) {
    Map<String, StoredObject> all = bucket.objects(days);
    return listTwice ? InventoryRowsTwice.apply(all) : all;
  }

  /** Requests answered 503 because of an outage. */
  /**
   * Every esearch request answered: method, URI and the query it was read from (the form body of a
   * POST), so that a test can tell where a parameter travelled.
   */
  public List<String> esearches() {
    return List.copyOf(esearches);
  }

  public long outageAnswers() {
    return outageAnswers.get();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  public int port() {
    return server.port();
  }

  public long requests() {
    return requests.get();
  }

  public Map<Faults.Kind, Long> faultsInjected() {
    return faults.injected();
  }

  private static String param(QueryStringDecoder uri, String name) {
    List<String> values = uri.parameters().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String contentType(String key) {
    return key.endsWith(".json")
        ? "application/json"
        : key.endsWith(".xml")
            ? "application/xml"
            : key.endsWith(".gz") ? "application/gzip" : "application/octet-stream";
  }

  @Override
  public void close() {
    server.disposeNow();
  }
}
