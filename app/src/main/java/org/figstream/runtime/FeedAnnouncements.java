package org.figstream.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.figstream.connectors.feed.discovery.FeedFencedException;
import org.figstream.connectors.feed.discovery.FeedRun;
import org.figstream.connectors.feed.discovery.FeedSinks;
import org.figstream.connectors.feed.discovery.InventoryFeed;
import org.figstream.connectors.feed.discovery.KafkaCursorStore;
import org.figstream.records.DeadLetter;
import org.figstream.records.Topics;
import org.figstream.topology.enrich.EnrichmentStage;
import org.figstream.topology.schema.TopicSerdes;
import reactor.core.publisher.Mono;

/**
 * The feed's way into the pipeline: its passes, and the sinks through which they put announcements
 * and dead letters on their topics, counted once acknowledged. A pass gives up once the pipeline is
 * stopped ({@code stopped}).
 */
final class FeedAnnouncements {
  private final MeterRegistry metrics;
  private final CountDownLatch stopped;

  FeedAnnouncements(MeterRegistry metrics, CountDownLatch stopped) {
    this.metrics = metrics;
    this.stopped = stopped;
  }

  /**
   * Sinks that put announcements on article-versions and feed dead letters on dlq through {@code
   * out}: acknowledged, and with a fenced store committed with the feed's cursor (read_committed
   * consumers, the Streams app among them, see them at the feed's checkpoints).
   */
  FeedSinks sinks(KafkaCursorStore out) {
    var announcements = TopicSerdes.announcements().serializer();
    return new FeedSinks(
        a ->
            out.send(
                    new ProducerRecord<>(
                        Topics.ARTICLE_VERSIONS,
                        a.pmcid(),
                        announcements.serialize(Topics.ARTICLE_VERSIONS, a)))
                .doOnSuccess(
                    done ->
                        metrics
                            .counter(
                                Pipeline.ANNOUNCEMENTS_METRIC,
                                "change",
                                a.change().name().toLowerCase(Locale.ROOT))
                            .increment()),
        deadLetters(out, metrics));
  }

  /** Dead letters to dlq through {@code out}, each counted by stage once acknowledged. */
  static Function<DeadLetter, Mono<Void>> deadLetters(KafkaCursorStore out, MeterRegistry metrics) {
    var deadLetters = TopicSerdes.deadLetters().serializer();
    return d ->
        out.send(new ProducerRecord<>(Topics.DLQ, d.pmcid(), deadLetters.serialize(Topics.DLQ, d)))
            .doOnSuccess(
                done ->
                    metrics
                        .counter(EnrichmentStage.DEAD_LETTERS_METRIC, "stage", d.stage())
                        .increment());
  }

  /** One feed pass, as {@link Pipeline#feedPass} says; cancelled where it is on a stop. */
  FeedRun pass(InventoryFeed feed, KafkaCursorStore out) throws Exception {
    CompletableFuture<FeedRun> pass = feed.runOnce(sinks(out)).toFuture();
    while (!pass.isDone()) {
      if (stopped.await(200, TimeUnit.MILLISECONDS)) {
        pass.cancel(true);
        throw new Pipeline.StoppedException("stopped during a feed pass");
      }
    }
    FeedRun run;
    try {
      run = pass.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof FeedFencedException fenced) {
        throw fenced;
      }
      throw new FeedPassFailedException(e.getCause());
    }
    return run;
  }
}
