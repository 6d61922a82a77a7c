package org.figstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.figstream.connectors.feed.discovery.FeedRun;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.feed.sample.SampleBucket;
import org.figstream.records.Topics;
import org.figstream.runtime.ops.OpsMetrics;
import org.figstream.topology.enrich.EnrichmentStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bucket goes down while articles are being fetched, for much longer than a request's own
 * retries last: the run waits it out and ends with every pair an undisturbed run has, and no dead
 * letter. Before, every article in flight ended in dlq and was never fetched again.
 */
class SourceOutageTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void shouldWaitOutABucketOutageAndPublishEveryPair() throws Exception {
    // a request's own retries give up within a second: the outage outlasts them many times
    try (EmbeddedSampleRun run =
        new EmbeddedSampleRun(
            dir,
            HttpSettings.defaults(Set.of("127.0.0.1"))
                .withRate("127.0.0.1", 500)
                .withRetries(3, Duration.ofMillis(10), Duration.ofMillis(50)))) {
      SampleBucket bucket = run.bucket;
      SimpleMeterRegistry metrics = run.metrics;
      BucketEmulator emulator = run.emulator;
      Pipeline pipeline = run.pipeline;
      Map<String, Object> kafka = run.kafka();
      CompletableFuture<FeedRun> pass =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return run.feedAndSettle(Duration.ofSeconds(15));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      // down from the first announcement: the feed is still reading metadata, the enrichment
      // stage starts fetching articles
      awaitAnnouncement(metrics, pass);
      emulator.outage(true);
      long waitedMax = 0;
      long end = System.nanoTime() + Duration.ofSeconds(25).toNanos();
      while (System.nanoTime() < end) {
        waitedMax = Math.max(waitedMax, pipeline.waitingForSource());
        Thread.sleep(100);
      }
      assertThat(pass).as("the run waits while the source is down").isNotDone();
      emulator.outage(false);
      pass.get(3, TimeUnit.MINUTES);

      // 25 s down, more than the 15 s the settle allows: an outage is waited out, not a timeout
      assertThat(emulator.outageAnswers()).isGreaterThan(0);
      assertThat(waitedMax).isGreaterThan(0);
      assertThat(OpsMetrics.sum(metrics, EnrichmentStage.DEFERRED_METRIC)).isGreaterThan(0);
      assertThat(pipeline.waitingForSource()).isZero();
      // day 1 holds articles 1-8: exactly their pairs, as an undisturbed run publishes them
      Map<String, byte[]> live = TopicCounts.latest(kafka, Topics.FIGURES);
      assertThat(live.keySet())
          .isEqualTo(SampleFeedEndToEnd.extracted(bucket, 1, 2, 3, 4, 5, 6, 7, 8).keySet());
      assertThat(live).hasSize(79);
      assertThat(TopicCounts.latest(kafka, Topics.DLQ)).isEmpty();
    }
  }

  private static void awaitAnnouncement(SimpleMeterRegistry metrics, CompletableFuture<?> pass)
      throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (OpsMetrics.sum(metrics, Pipeline.ANNOUNCEMENTS_METRIC) == 0) {
      assertThat(pass).isNotDone();
      assertThat(System.nanoTime()).as("an announcement within 60 s").isLessThan(end);
      Thread.sleep(20);
    }
  }
}
