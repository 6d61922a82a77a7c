package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.feed.sample.Faults;
import org.figstream.connectors.feed.sample.SampleBucket;
import org.figstream.processors.testdata.SampleArticles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} following a bucket (the emulator, by {@code --bucket-url}) that is down when the run
 * starts, then whose newest inventory lists a part that answers 404: the run waits out the outage,
 * the pass fails on the part, the run says so and keeps following, and once the part is there the
 * next pass publishes what an undisturbed day 1 has.
 */
class RunFollowsPastAFailedPassTest {

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void shouldWaitOutAnOutageAndKeepFollowingAfterAPassFails(@TempDir Path data) throws Exception {
    SampleBucket bucket = SampleBucket.load(SampleArticles.root());
    String part2 =
        BucketLayout.INVENTORY_PREFIX + "data/" + SampleBucket.DAYS.get(0) + "-part-2.csv.gz";
    try (BucketEmulator emulator = BucketEmulator.start(bucket, 1, Faults.none())) {
      emulator.withhold(part2);
      // and the bucket is down from the run's first request, for 10 s (it once ended the run)
      emulator.outage(true);
      try (BackgroundRun run = BackgroundRun.following(emulator.baseUrl(), data, "--no-dataset")) {
        StringWriter err = run.err;
        CompletableFuture<Integer> exit = run.exit;

        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (emulator.outageAnswers() == 0) {
          assertThat(System.nanoTime()).as("the run's first request within 120 s").isLessThan(end);
          Thread.sleep(50);
        }
        Thread.sleep(10_000);
        assertThat(exit)
            .as("a following run waits out an outage at the start of a pass")
            .isNotDone();
        assertThat(err.toString())
            .doesNotContain("Exception")
            .doesNotContain("feed: the feed pass");
        emulator.outage(false);
        Stderr.await(
            err,
            Pattern.compile(
                "feed: the feed pass failed: HTTP 404 Not Found from "
                    + Pattern.quote(emulator.baseUrl() + "/" + part2)
                    + ".*; the cursor stays at its last checkpoint, the next pass in 1 s"));
        assertThat(exit).as("a following run outlives a failed pass").isNotDone();
        emulator.withhold(null);
        // day 1: articles 1-8 and their 79 pairs (as SampleFeedEndToEnd counts them)
        Stderr.await(err, Pattern.compile("run: caught up: 79 live pairs on figures, 8 articles"));
        String port =
            Stderr.await(err, Pattern.compile("metrics at http://127\\.0\\.0\\.1:(\\d+)/metrics"))
                .group(1);
        String metrics = get("http://127.0.0.1:" + port + "/metrics");
        assertThat(metrics)
            .containsPattern("figstream_feed_failed_passes_total [1-9]\\d*\\.0")
            .containsPattern("figstream_feed_passes_total [1-9]\\d*\\.0")
            .contains("figstream_dead_letters_total{stage=\"fetch\"} 0.0");

        assertThat(run.stop()).isZero();
      }
    }
  }

  private static String get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
