package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.processors.api.StageTimes;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code run} as an operator sees it: progress lines, the metrics and health endpoint while it
 * follows the feed, a clean stop (what Ctrl-C triggers), and an external cluster where it may not
 * create topics.
 */
class RunCommandOperationsTest {
  private static final Pattern ENDPOINT =
      Pattern.compile("metrics at http://127\\.0\\.0\\.1:(\\d+)/metrics");
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldReportProgressServeMetricsAndHealthAndStopCleanly(@TempDir Path data)
      throws Exception {
    try (BackgroundRun run =
        BackgroundRun.start(
            "--sample",
            "--sample-dir",
            SampleArticles.root().toString(),
            "--data-dir",
            data.toString(),
            "--http-port",
            "0",
            "--progress-interval",
            "PT1S",
            "--no-pubmed")) {
      StringWriter err = run.err;

      String base = "http://127.0.0.1:" + Stderr.await(err, ENDPOINT).group(1);
      // before a single event, every documented counter is there at zero, with its help text
      String atStart = get(base + "/metrics");
      assertThat(atStart)
          .contains("figstream_dead_letters_total{stage=\"fetch\"} 0.0")
          .contains("figstream_dead_letters_total{stage=\"sink\"} 0.0")
          .contains("figstream_http_retries_total{host=\"127.0.0.1\",reason=\"http-503\"} 0.0")
          .contains("# HELP figstream_dead_letters_total Dead letters this process wrote to dlq")
          .contains("# HELP figstream_lag Records committed on an input topic")
          .contains("# HELP figstream_stage_duration_seconds Time in each stage's own work");
      for (String stage : StageTimes.ALL) {
        assertThat(atStart)
            .contains("figstream_stage_duration_seconds_count{stage=\"" + stage + "\"} ");
      }
      // once caught up, a later progress line shows lag 0: transaction markers are not records
      Matcher feedLine =
          Stderr.await(
              err,
              Pattern.compile("feed: inventory \\S+: \\d+ rows, (\\d+) announced, (\\d+) removed"));
      Stderr.await(
          err,
          Pattern.compile("run: caught up[\\s\\S]*dataset: .* \\(manifest generation (\\d+)\\)"));
      String generation = Stderr.await(err, Pattern.compile("manifest generation (\\d+)")).group(1);
      String caughtUp =
          Stderr.await(
                  err,
                  Pattern.compile(
                      "run: caught up[\\s\\S]*\\n(progress: \\d+ announced, \\d+\\.\\d articles/s, \\d+ articles, \\d+ figures, "
                          + "0 dead letters, lag 0, RUNNING)"))
              .group(1);
      assertThat(caughtUp)
          .startsWith("progress: " + feedLine.group(1) + " announced, ")
          .contains("8 articles, 75 figures");
      assertThat(get(base + "/health/live"))
          .isEqualTo("200 {\"status\":\"UP\",\"state\":\"RUNNING\"}");
      assertThat(get(base + "/health/ready"))
          .isEqualTo("200 {\"status\":\"UP\",\"state\":\"RUNNING\",\"stage\":true}");
      // the day-2 inventory backfilled: versions of articles 1, 2 (v1 and v2), 5-9 are enriched;
      // article 3 is
      // retracted (withdrawn at the gate), 4 is gone, the manuscript skipped. Their pairs, counted
      // from the
      // XML: all 82 but article 3's 3 and article 4's 8, plus article 2's 4 pairs a second time
      // (v2)
      String metrics = get(base + "/metrics");
      long modelCalls =
          (long)
              (value(
                      metrics,
                      "figstream_embedding_batch_duration_seconds_count{batcher=\"embed-image\"}")
                  + value(
                      metrics,
                      "figstream_embedding_batch_duration_seconds_count{batcher=\"embed-text\"}"));
      assertThat(metrics)
          .contains("figstream_enrichment_articles_total{outcome=\"enriched\"} 8.0")
          .contains("figstream_enrichment_figures_total 75.0")
          .contains("kafka_stream_alive_stream_threads")
          .contains("figstream_lag{group=\"figstream\",topic=\"article-versions\"} 0.0")
          .contains(
              "figstream_lag{group=\"figstream-enrichment\",topic=\"figstream-enrich-requests\"} 0.0")
          .contains("figstream_lag{group=\"figstream\",topic=\"figstream-enriched\"} 0.0")
          .contains("figstream_enrichment_duration_seconds_count 8")
          .contains("figstream_enrichment_duration_seconds_bucket{le=\"+Inf\"} 8")
          .contains(
              "figstream_feed_announcements_total{change=\"version\"} " + feedLine.group(1) + ".0")
          .contains(
              "figstream_feed_announcements_total{change=\"removal\"} " + feedLine.group(2) + ".0")
          .contains("figstream_feed_passes_total 1.0")
          .contains("figstream_pipeline_latency_seconds_count 8")
          .contains("figstream_rocksdb_memory_limit_bytes 6.7108864E7") // --state-memory-mb 64
          .containsPattern("figstream_rocksdb_memory_used_bytes [1-9]")
          .containsPattern("figstream_embedding_batch_size_count\\{batcher=\"embed-image\"} [1-9]")
          .containsPattern(
              "figstream_embedding_batch_duration_seconds_count\\{batcher=\"embed-text\"} [1-9]")
          .contains("figstream_dataset_generation " + generation + ".0")
          .containsPattern(
              "figstream_http_requests_total\\{host=\"127\\.0\\.0\\.1\",outcome=\"ok\"} [1-9]\\d*\\.0")
          .containsPattern("figstream_feed_last_pass_timestamp_seconds 1\\.\\d+E9")
          .containsPattern("figstream_sink_records_total\\{topic=\"figures\"} [1-9]\\d*\\.0")
          // time by stage: each of the 8 enriched versions fetched and extracted once; 54 of their
          // 75
          // figures have an image file (article 6, pone.0038869, has 2 of its 23); each of the 8
          // results and article 3's withdrawal passes dedup and ledger once; each figure labelled
          // once
          .contains("figstream_stage_duration_seconds_count{stage=\"fetch\"} 8\n")
          .contains("figstream_stage_duration_seconds_count{stage=\"extract\"} 8\n")
          .contains("figstream_stage_duration_seconds_count{stage=\"image\"} 54\n")
          .contains("figstream_stage_duration_seconds_count{stage=\"label\"} 75\n")
          .contains("figstream_stage_duration_seconds_count{stage=\"dedup\"} 9\n")
          .contains("figstream_stage_duration_seconds_count{stage=\"ledger\"} 9\n")
          // every model call of either encoder, however the batches fell
          .contains("figstream_stage_duration_seconds_count{stage=\"embed\"} " + modelCalls + "\n")
          // every commit of the dataset, each of which bumped the manifest's generation (no
          // compaction yet: its interval is an hour, and only a last publish forces one)
          .contains("figstream_stage_duration_seconds_count{stage=\"sink\"} " + generation + "\n");
      for (String stage : StageTimes.ALL) {
        assertThat(value(metrics, "figstream_stage_duration_seconds_sum{stage=\"" + stage + "\"}"))
            .as(stage)
            .isPositive();
      }
      // the Helm chart's dashboard queries only series a running instance exports
      assertThat(DashboardQueries.seriesNamed()).hasSizeGreaterThan(15);
      assertThat(DashboardQueries.missingFrom(metrics)).isEmpty();

      // the mirror example of docs/records.md, as a user runs it, against the running pipeline's
      // broker
      String broker =
          Stderr.await(err, Pattern.compile("embedded Kafka broker at (127\\.0\\.0\\.1:\\d+)"))
              .group(1);
      Path out = data.resolve("mirror");
      Process mirror =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  "examples/FiguresMirror.java",
                  broker,
                  out.toString(),
                  "3")
              .directory(Path.of("..").toFile())
              .redirectErrorStream(true)
              .start();
      String printed =
          new String(
              mirror.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(mirror.waitFor()).as(printed).isZero();
      // as in PipelineOnEmbeddedBrokerTest: 70 live pairs after day 2, 49 of them with an image
      assertThat(printed).contains("70 live pairs, images in " + out);
      try (var images = java.nio.file.Files.list(out)) {
        assertThat(images.count()).isEqualTo(49);
      }
      assertThat(out.resolve("PMC99000001_fig1_1.jpg"))
          .as("the file name docs/records.md gives")
          .isNotEmptyFile();

      assertThat(run.stop()).isZero();
      assertThat(err.toString())
          .contains("run: stopping: closing the enrichment stage, the Streams app and the broker");
      assertThat(Path.of(data.toString(), "kafka/logs/.kafka_cleanshutdown")).exists();
    }
  }

  @Test
  void shouldCreateNothingOnAnExternalClusterUnlessTold(@TempDir Path data) throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(data.resolve("external"))) {
      StringWriter err = new StringWriter();
      CommandLine cli = Main.commandLine(Map.of());
      cli.setErr(new PrintWriter(err, true));
      int exit =
          cli.execute(
              "run",
              // not about labels: the smaller caption model starts and runs in half the time
              "--text-model",
              "all-minilm-l6-v2",
              "--sample",
              "--sample-dir",
              SampleArticles.root().toString(),
              "--until-caught-up",
              "--data-dir",
              data.resolve("app").toString(),
              "--http-port",
              "-1",
              "--bootstrap-servers",
              broker.bootstrapServers(),
              "--no-pubmed");

      assertThat(exit).isNotZero();
      assertThat(err.toString()).contains("does not exist").contains("--create-topics");
      try (Admin admin = Admin.create(broker.clientConfig())) {
        Set<String> topics = admin.listTopics().names().get();
        assertThat(topics)
            .doesNotContain(Topics.ARTICLE_VERSIONS, Topics.FIGURES, "figstream-feed-cursor");
      }
    }
  }

  private String get(String url) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    return r.uri().getPath().equals("/metrics") ? r.body() : r.statusCode() + " " + r.body();
  }

  /** The value of the series {@code series} (name and labels as scraped) in {@code metrics}. */
  private static double value(String metrics, String series) {
    return metrics
        .lines()
        .filter(l -> l.startsWith(series + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no series " + series));
  }
}
