package org.figstream.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.figstream.connectors.feed.bucket.BucketClient;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.discovery.FeedSettings;
import org.figstream.connectors.feed.discovery.InventoryFeed;
import org.figstream.connectors.feed.discovery.KafkaCursorStore;
import org.figstream.connectors.feed.discovery.StartPolicy;
import org.figstream.connectors.feed.fetch.ArticleFetcher;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.state.FeedIndex;
import org.figstream.topology.enrich.Enrichment;
import org.figstream.topology.enrich.FigureStep;

/** The feed and the pipeline as the in-process end-to-end tests assemble them over an emulator. */
final class SampleRuns {
  private SampleRuns() {}

  /** A feed that backfills everything the emulator's inventory lists. */
  static InventoryFeed backfillFeed(
      BucketLayout layout, HttpFetcher http, FeedIndex index, KafkaCursorStore cursors, Path work) {
    return new InventoryFeed(
        new BucketClient(layout, http),
        index,
        cursors,
        FeedSettings.defaults().withStartPolicy(StartPolicy.BACKFILL),
        work);
  }

  /** The pipeline with the default settings, fetching from {@code layout} (4 media at once). */
  static Pipeline pipeline(
      Map<String, Object> kafka,
      Path streams,
      BucketLayout layout,
      HttpFetcher http,
      FigureStep embed,
      MeterRegistry metrics)
      throws Exception {
    return new Pipeline(
        kafka,
        streams,
        new Enrichment(new ArticleFetcher(layout, http, 4), new ImageNormalizer(), embed),
        PipelineSettings.defaults(),
        metrics);
  }
}
