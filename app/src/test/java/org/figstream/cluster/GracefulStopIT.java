package org.figstream.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.Topics;
import org.figstream.runtime.TopicCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while figures are being embedded: the JVM used to crash in ONNX Runtime (its shutdown
 * hook released the native environment under a running batch, exit 134 and an hs_err file). Now the
 * run stops cleanly, and a restart on the same data directory finishes the sample.
 */
class GracefulStopIT {

  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  @Test
  void shouldStopCleanlyOnSigtermMidEnrichmentAndFinishOnRestart(@TempDir Path dir)
      throws Exception {
    String classpath = LocalCluster.appClasspath();
    FigstreamProcess first =
        FigstreamProcess.startEmbedded("a", dir, classpath, SampleArticles.root());
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (first.articles() < 1 && first.alive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(first.alive()).as("still running after its first article").isTrue();
    int exit = first.stop();
    String output = first.output();
    assertThat(output)
        .contains("run: stopping: closing the enrichment stage")
        .doesNotContain("A fatal error has been detected");
    assertThat(exit).as(output).isEqualTo(128 + 15);

    FigstreamProcess second =
        FigstreamProcess.startEmbedded("a", dir, classpath, SampleArticles.root());
    assertThat(second.await(Duration.ofMinutes(5))).as(second.tail()).isZero();
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("a/kafka"))) {
      Map<String, Object> kafka = broker.clientConfig();
      // the sample's day 2 (RunCommandTest): 70 live pairs of 7 articles, nothing dead-lettered
      assertThat(TopicCounts.latest(kafka, Topics.FIGURES)).hasSize(70);
      assertThat(TopicCounts.liveKeys(kafka, Topics.ARTICLES)).hasSize(7);
      assertThat(TopicCounts.records(kafka, Topics.DLQ)).isZero();
    }
  }
}
