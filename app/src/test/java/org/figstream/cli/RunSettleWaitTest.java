package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.feed.sample.Faults;
import org.figstream.connectors.feed.sample.SampleBucket;
import org.figstream.processors.testdata.SampleArticles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} following with a {@code --settle-wait} shorter than the sample day takes to process:
 * the first pass ends with work left and says so, the dataset commits what is there, the next
 * passes come while the pipeline works, and the run still settles on exactly what day 1 holds.
 */
class RunSettleWaitTest {

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void shouldStartTheNextPassWhileThePipelineWorksAndStillSettle(@TempDir Path data)
      throws Exception {
    SampleBucket bucket = SampleBucket.load(SampleArticles.root());
    try (BucketEmulator emulator = BucketEmulator.start(bucket, 1, Faults.none());
        BackgroundRun run =
            BackgroundRun.following(emulator.baseUrl(), data, "--settle-wait", "PT0.2S")) {
      StringWriter err = run.err;

      // 8 articles take seconds to enrich: the first pass cannot have settled in 0.2 s
      Matcher unsettled =
          Stderr.await(
              err,
              Pattern.compile(
                  "run: still processing after the --settle-wait of PT0\\.2S: \\d+ live pairs"));
      // ...and the dataset commits what is there before the next pass
      Matcher committed = Stderr.await(err, Pattern.compile("dataset: .*: \\d+ figure rows"));
      Matcher secondPass =
          Stderr.await(
              err, Pattern.compile("(?s)feed: reading the newest inventory.*?(feed: reading)"));
      assertThat(committed.start()).isGreaterThan(unsettled.start());
      assertThat(committed.start()).isLessThan(secondPass.start(1));
      // day 1: articles 1-8 and their 79 pairs (as SampleFeedEndToEnd counts them)
      Matcher caughtUp =
          Stderr.await(
              err, Pattern.compile("run: caught up: 79 live pairs on figures, 8 articles"));
      assertThat(caughtUp.start()).isGreaterThan(unsettled.start());
      String passes = err.toString().substring(0, caughtUp.start());
      assertThat(Pattern.compile("feed: reading the newest inventory").matcher(passes).results())
          .as("passes while the first one's articles were processed")
          .hasSizeGreaterThan(1);
      assertThat(err.toString()).doesNotContain("Exception");

      assertThat(run.stop()).isZero();
    }
  }
}
