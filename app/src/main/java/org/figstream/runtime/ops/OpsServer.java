package org.figstream.runtime.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import reactor.core.publisher.Mono;
import reactor.netty.ChannelBindException;
import reactor.netty.DisposableServer;
import reactor.netty.NettyOutbound;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The operations endpoints a scraper and an orchestrator poll: {@code GET /metrics} (Prometheus
 * text; {@code name[]} parameters narrow it to the meters named, see {@link ScrapeFilter}), {@code
 * GET /health/live} and {@code GET /health/ready}; any other request gets 404. It is separate from
 * the pipeline's own traffic so that a probe or a scrape answers even while the pipeline is busy or
 * stuck, and it only reads what it is given, so it can be started before the Streams app exists.
 */
public final class OpsServer implements AutoCloseable {
  /** The text format that Prometheus negotiates by default, and the one {@code scrape()} writes. */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  /** The paths, public for the Helm chart's tests: its probes and scrape config must name them. */
  public static final String METRICS_PATH = "/metrics";

  public static final String LIVE_PATH = "/health/live";
  public static final String READY_PATH = "/health/ready";

  private static final String JSON = "application/json";
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final DisposableServer server;

  private OpsServer(DisposableServer server) {
    this.server = server;
  }

  /**
   * Binds now, so that a taken port fails here rather than on the first probe.
   *
   * @param port 0 for an ephemeral port; {@link #port()} tells which one was bound
   * @param state the Streams app's current state, read on every probe
   * @param stageHealthy whether the stages outside Kafka Streams can serve; only readiness asks it
   */
  public static OpsServer start(
      String host,
      int port,
      PrometheusMeterRegistry registry,
      Supplier<KafkaStreams.State> state,
      BooleanSupplier stageHealthy) {
    try {
      return new OpsServer(bind(host, port, registry, state, stageHealthy));
    } catch (ChannelBindException e) {
      // two instances on one host always collide on the default port: say which option settles it
      throw new IllegalStateException(
          "cannot serve metrics and health at "
              + host
              + ":"
              + port
              + ", the port is taken (another figstream on this host?): give --http-port another port, 0 for a "
              + "free one, or -1 for none",
          e);
    }
  }

  private static DisposableServer bind(
      String host,
      int port,
      PrometheusMeterRegistry registry,
      Supplier<KafkaStreams.State> state,
      BooleanSupplier stageHealthy) {
    return HttpServer.create()
        .host(host)
        .port(port)
        // Without a group, disposeNow closes only the listening socket and keep-alive connections
        // go on being served after close; with one, it lets them finish and then closes them.
        .channelGroup(new DefaultChannelGroup(GlobalEventExecutor.INSTANCE))
        .route(
            routes ->
                routes
                    .get(
                        METRICS_PATH,
                        (req, res) ->
                            res.header("Content-Type", PROMETHEUS_TEXT)
                                // Deferred so a failing scrape becomes this response's 500, not an
                                // event-loop error.
                                .sendString(
                                    Mono.fromCallable(
                                        () -> {
                                          Set<String> names = ScrapeFilter.names(req.uri());
                                          return names.isEmpty()
                                              ? registry.scrape()
                                              : registry.scrape(PROMETHEUS_TEXT, names);
                                        })))
                    .get(LIVE_PATH, (req, res) -> live(res, state.get()))
                    .get(
                        READY_PATH,
                        (req, res) -> ready(res, state.get(), stageHealthy.getAsBoolean())))
        .bindNow();
  }

  /**
   * Live means "do not restart me". CREATED counts: the app is still starting up, and a restart
   * then would only start it over. REBALANCING counts: it is a normal, passing phase of a running
   * app. Everything else (PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR) is an app that will
   * not process again without a restart.
   */
  static boolean isLive(State state) {
    return state == State.RUNNING || state == State.REBALANCING || state == State.CREATED;
  }

  /** Ready means "send me work": only a running app, and only when the other stages can take it. */
  static boolean isReady(State state, boolean stageHealthy) {
    return state == State.RUNNING && stageHealthy;
  }

  private static NettyOutbound live(HttpServerResponse res, State state) {
    boolean up = isLive(state);
    return json(
        res,
        up,
        "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"state\":\"" + state.name() + "\"}");
  }

  private static NettyOutbound ready(HttpServerResponse res, State state, boolean stage) {
    boolean up = isReady(state, stage);
    return json(
        res,
        up,
        "{\"status\":\""
            + (up ? "UP" : "DOWN")
            + "\",\"state\":\""
            + state.name()
            + "\",\"stage\":"
            + stage
            + "}");
  }

  private static NettyOutbound json(HttpServerResponse res, boolean up, String body) {
    // State names are enum constants, so the body needs no escaping.
    return res.status(up ? 200 : 503).header("Content-Type", JSON).sendString(Mono.just(body));
  }

  /** The bound port: the one asked for, or the ephemeral one chosen for port 0. */
  public int port() {
    return server.port();
  }

  /**
   * Stops listening; the event loops are Reactor Netty's shared ones and stay for the HTTP clients.
   */
  @Override
  public void close() {
    server.disposeNow(CLOSE_TIMEOUT);
  }
}
