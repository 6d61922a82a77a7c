package org.figstream.runtime.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.figstream.processors.api.StageTimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ops server over real loopback HTTP, with the Streams state driven by hand between requests.
 */
class OpsServerTest {
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final AtomicReference<State> state = new AtomicReference<>(State.CREATED);
  private final AtomicBoolean stage = new AtomicBoolean(true);
  private PrometheusMeterRegistry registry;
  private OpsServer server;

  @TempDir Path dir;

  @BeforeEach
  void start() {
    registry = OpsMetrics.newRegistry();
    server = OpsServer.start("127.0.0.1", 0, registry, state::get, stage::get);
  }

  @AfterEach
  void stop() {
    server.close();
    registry.close();
  }

  @Test
  void shouldScrapeOwnCountersAndJvmMetricsAsPrometheusText() throws Exception {
    registry.counter("figstream.test.items").increment(3);

    HttpResponse<String> res = get("/metrics");

    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("Content-Type"))
        .contains("text/plain; version=0.0.4; charset=utf-8");
    assertThat(res.body().lines()).contains("figstream_test_items_total 3.0");
    assertThat(res.body()).contains("# TYPE jvm_memory_used_bytes gauge");
    assertThat(res.body())
        .contains("jvm_gc_", "jvm_threads_live_threads", "process_uptime_seconds");
  }

  @Test
  void shouldScrapeOnlyTheMetersNamedByNameParameters() throws Exception {
    registry.counter("figstream.test.items").increment(3);
    registry.counter("figstream.test.other").increment(5);

    // as a client writes it, and as a browser or curl -g sends it encoded
    for (String query :
        List.of(
            "?name[]=figstream_test_items_total&name[]=jvm_threads_live_threads",
            "?name%5B%5D=figstream_test_items_total&name%5B%5D=jvm_threads_live_threads")) {
      List<String> samples =
          get("/metrics" + query).body().lines().filter(l -> !l.startsWith("#")).toList();

      assertThat(samples).contains("figstream_test_items_total 3.0");
      assertThat(samples).anyMatch(l -> l.startsWith("jvm_threads_live_threads "));
      assertThat(samples).hasSize(2);
    }
    // without a name[] (or with an empty one) everything, as before
    assertThat(get("/metrics?name[]=").body().lines())
        .contains("figstream_test_other_total 5.0", "figstream_test_items_total 3.0");
  }

  @Test
  void shouldServeEveryStageTimerAtZeroWithItsHelpAndNoHistogramBeforeAnyWork() throws Exception {
    String body = get("/metrics").body();

    assertThat(body)
        .contains("# HELP figstream_stage_duration_seconds Time in each stage's own work, by stage")
        .contains("# TYPE figstream_stage_duration_seconds summary")
        .doesNotContain("figstream_stage_duration_seconds_bucket");
    for (String stage : StageTimes.ALL) {
      assertThat(body.lines())
          .contains(
              "figstream_stage_duration_seconds_count{stage=\"" + stage + "\"} 0",
              "figstream_stage_duration_seconds_sum{stage=\"" + stage + "\"} 0.0");
    }
  }

  @Test
  void shouldReportRunningAsLiveAndReadyWhileTheStageIsHealthy() throws Exception {
    state.set(State.RUNNING);

    assertResponse(get("/health/live"), 200, "{\"status\":\"UP\",\"state\":\"RUNNING\"}");
    assertResponse(
        get("/health/ready"), 200, "{\"status\":\"UP\",\"state\":\"RUNNING\",\"stage\":true}");

    stage.set(false);
    assertResponse(get("/health/live"), 200, "{\"status\":\"UP\",\"state\":\"RUNNING\"}");
    assertResponse(
        get("/health/ready"), 503, "{\"status\":\"DOWN\",\"state\":\"RUNNING\",\"stage\":false}");
  }

  @Test
  void shouldReportRebalancingAsLiveButNotReady() throws Exception {
    state.set(State.REBALANCING);

    assertResponse(get("/health/live"), 200, "{\"status\":\"UP\",\"state\":\"REBALANCING\"}");
    assertResponse(
        get("/health/ready"),
        503,
        "{\"status\":\"DOWN\",\"state\":\"REBALANCING\",\"stage\":true}");
  }

  @Test
  void shouldReportCreatedAsLiveButNotReady() throws Exception {
    assertResponse(get("/health/live"), 200, "{\"status\":\"UP\",\"state\":\"CREATED\"}");
    assertResponse(
        get("/health/ready"), 503, "{\"status\":\"DOWN\",\"state\":\"CREATED\",\"stage\":true}");
  }

  @Test
  void shouldReportErrorAndShutdownAsNeitherLiveNorReady() throws Exception {
    state.set(State.ERROR);
    assertResponse(get("/health/live"), 503, "{\"status\":\"DOWN\",\"state\":\"ERROR\"}");
    assertResponse(
        get("/health/ready"), 503, "{\"status\":\"DOWN\",\"state\":\"ERROR\",\"stage\":true}");

    state.set(State.PENDING_SHUTDOWN);
    assertResponse(
        get("/health/live"), 503, "{\"status\":\"DOWN\",\"state\":\"PENDING_SHUTDOWN\"}");
    assertResponse(
        get("/health/ready"),
        503,
        "{\"status\":\"DOWN\",\"state\":\"PENDING_SHUTDOWN\",\"stage\":true}");
  }

  @Test
  void shouldFollowTheStateFromOneRequestToTheNext() throws Exception {
    state.set(State.RUNNING);
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    state.set(State.REBALANCING);
    assertThat(get("/health/ready").statusCode()).isEqualTo(503);
    state.set(State.RUNNING);
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldAnswerUnknownPathsAndOtherMethodsWith404() throws Exception {
    assertThat(get("/nope").statusCode()).isEqualTo(404);
    assertThat(get("/health").statusCode()).isEqualTo(404);
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(uri("/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(404);
  }

  @Test
  void shouldRefuseATakenPortNamingTheOptionThatSettlesIt() {
    int taken = server.port();

    assertThatThrownBy(() -> OpsServer.start("127.0.0.1", taken, registry, state::get, stage::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "cannot serve metrics and health at 127.0.0.1:"
                + taken
                + ", the port is taken (another "
                + "figstream on this host?): give --http-port another port, 0 for a free one, or -1 for none");
  }

  @Test
  void shouldBindAnEphemeralLoopbackPortAndReleaseItOnClose() throws Exception {
    int port = server.port();
    assertThat(port).isPositive();
    assertThat(get("/health/live").statusCode()).isEqualTo(200);

    server.close();

    assertThatThrownBy(
            () -> {
              try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
              }
            })
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void shouldExposeKafkaStreamsClientMetricsOnceBound() throws Exception {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in").to("out");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "ops-test");
    // Never started, so nothing connects: the client's metrics exist from construction.
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
    try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
      AutoCloseable bound = OpsMetrics.bindStreams(registry, streams);
      try {
        HttpResponse<String> res = get("/metrics");

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body().lines().map(l -> l.replaceAll("[{ ].*", "")))
            .contains("kafka_stream_alive_stream_threads", "kafka_stream_thread_commit_total");
      } finally {
        bound.close();
      }
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static void assertResponse(HttpResponse<String> res, int status, String body) {
    assertThat(res.statusCode()).isEqualTo(status);
    assertThat(res.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(res.body()).isEqualTo(body);
  }
}
