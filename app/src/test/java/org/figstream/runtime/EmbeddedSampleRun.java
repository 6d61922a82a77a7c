package org.figstream.runtime;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.discovery.FeedRun;
import org.figstream.connectors.feed.discovery.InventoryFeed;
import org.figstream.connectors.feed.discovery.KafkaCursorStore;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.feed.sample.Faults;
import org.figstream.connectors.feed.sample.SampleBucket;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.state.FeedIndex;
import org.figstream.topology.enrich.FigureStep;

/**
 * The sample bucket through the whole pipeline in this JVM, on an embedded broker: emulator (its
 * first day published), feed and pipeline (no embedding, no sink), closed in reverse order.
 */
final class EmbeddedSampleRun implements AutoCloseable {
  final SampleBucket bucket = SampleBucket.load(SampleArticles.root());
  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  final EmbeddedBroker broker;
  final BucketEmulator emulator;
  Pipeline pipeline;
  private final Path dir;
  private final BucketLayout layout;
  private final HttpFetcher http;
  final FeedIndex index;
  final KafkaCursorStore cursors;
  private final InventoryFeed feed;

  EmbeddedSampleRun(Path dir, HttpSettings settings) throws Exception {
    this(dir, settings, Faults.none());
  }

  /** With the emulator misbehaving as {@code faults} says. */
  EmbeddedSampleRun(Path dir, HttpSettings settings, Faults faults) throws Exception {
    broker = EmbeddedBroker.start(dir.resolve("kafka"));
    emulator = BucketEmulator.start(bucket, 1, faults);
    http = new HttpFetcher(settings, new SimpleMeterRegistry());
    index = new FeedIndex(dir.resolve("feed/index"));
    cursors = KafkaCursorStore.fenced(kafka(), emulator.baseUrl(), (short) 1, true);
    this.dir = dir;
    layout = new BucketLayout(emulator.baseUrl());
    feed = SampleRuns.backfillFeed(layout, http, index, cursors, dir.resolve("feed/work"));
    pipeline = newPipeline();
  }

  private Pipeline newPipeline() throws Exception {
    return SampleRuns.pipeline(
        kafka(), dir.resolve("streams"), layout, http, FigureStep.IDENTITY, metrics);
  }

  /**
   * Closes the pipeline, lets {@code damage} do what it will to its Streams state directory
   * (RocksDB), and starts it again.
   */
  void restartAfter(StateDamage damage) throws Exception {
    pipeline.close();
    damage.apply(dir.resolve("streams"));
    pipeline = newPipeline();
  }

  /** What happens to a state directory between two runs. */
  interface StateDamage {
    void apply(Path stateDir) throws Exception;
  }

  Map<String, Object> kafka() {
    return broker.clientConfig();
  }

  /** One feed pass, then until every stage has committed what it read. */
  FeedRun feedAndSettle(java.time.Duration timeout) throws Exception {
    return pipeline.feedAndSettle(feed, cursors, timeout);
  }

  @Override
  public void close() throws Exception {
    try (broker;
        emulator;
        http;
        index;
        cursors;
        Pipeline p = pipeline) {
      // closed by the try, the last opened first
    }
  }
}
