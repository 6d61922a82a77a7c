package org.figstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.figstream.cli.Main;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.feed.sample.SampleBucket;
import org.figstream.records.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A version whose files were missing (404) ends in dlq; once they are back, {@code figstream dlq
 * --replay} announces it again and the running pipeline publishes its pairs: exactly the pairs an
 * undisturbed run has.
 */
class DeadLetterReplayTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void shouldPublishADeadLetteredVersionOnceItIsReplayed() throws Exception {
    try (EmbeddedSampleRun run =
        new EmbeddedSampleRun(
            dir, HttpSettings.defaults(Set.of("127.0.0.1")).withRate("127.0.0.1", 500))) {
      SampleBucket bucket = run.bucket;
      String missing = SampleBucket.pmcid(1);
      Map<String, Object> kafka = run.kafka();
      BucketEmulator emulator = run.emulator;
      Pipeline pipeline = run.pipeline;
      // article 1's files are not there yet when its version is fetched: 404, a dead letter
      emulator.withhold(missing + ".1/");
      run.feedAndSettle(Duration.ofSeconds(60));
      Set<String> all = SampleFeedEndToEnd.extracted(bucket, 1, 2, 3, 4, 5, 6, 7, 8).keySet();
      Set<String> withoutArticle1 =
          SampleFeedEndToEnd.extracted(bucket, 2, 3, 4, 5, 6, 7, 8).keySet();
      assertThat(TopicCounts.latest(kafka, Topics.FIGURES).keySet()).isEqualTo(withoutArticle1);
      assertThat(TopicCounts.latest(kafka, Topics.DLQ)).containsOnlyKeys(missing);

      String bootstrap = (String) kafka.get("bootstrap.servers");
      String listed = dlq("--bootstrap-servers", bootstrap);
      assertThat(listed)
          .contains("dlq: 1 dead letter matches", "fetch/http-404: 1")
          .contains("1 article, 1 with an announcement to replay")
          .doesNotContain("replayed");
      assertThat(dlq("--bootstrap-servers", bootstrap, "--reason", "md5-mismatch", "--replay"))
          .contains("dlq: 0 dead letters match", "dlq: replayed 0 versions");

      // the files are back; the feed has nothing new, so only a replay brings the pairs
      emulator.withhold(null);
      run.feedAndSettle(Duration.ofSeconds(60));
      assertThat(TopicCounts.latest(kafka, Topics.FIGURES).keySet()).isEqualTo(withoutArticle1);
      assertThat(dlq("--bootstrap-servers", bootstrap, "--reason", "http-404", "--replay"))
          .contains("dlq: replayed 1 version");
      pipeline.awaitCaughtUp(Duration.ofSeconds(60));

      Map<String, byte[]> live = TopicCounts.latest(kafka, Topics.FIGURES);
      assertThat(live.keySet()).isEqualTo(all);
      assertThat(live).hasSize(79);
    }
  }

  private static SimpleMeterRegistry metrics() {
    return new SimpleMeterRegistry();
  }

  private static String dlq(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine(Map.of());
    cli.setOut(new PrintWriter(out));
    String[] all = new String[args.length + 1];
    all[0] = "dlq";
    System.arraycopy(args, 0, all, 1, args.length);
    assertThat(cli.execute(all)).as(out.toString()).isZero();
    return out.toString();
  }
}
