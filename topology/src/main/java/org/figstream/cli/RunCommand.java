package org.figstream.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.figstream.connectors.bucket.BucketClient;
import org.figstream.connectors.bucket.BucketLayout;
import org.figstream.connectors.discovery.FeedIndex;
import org.figstream.connectors.discovery.InventoryFeed;
import org.figstream.connectors.discovery.KafkaCursorStore;
import org.figstream.connectors.fetch.ArticleFetcher;
import org.figstream.connectors.http.HttpFetcher;
import org.figstream.connectors.http.HttpSettings;
import org.figstream.runtime.EmbeddedBroker;
import org.figstream.runtime.Pipeline;
import org.figstream.runtime.TopicCounts;
import org.figstream.topology.Topics;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.topology.enrich.Enrichment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code figstream run}: the whole pipeline on Kafka (an embedded broker unless one is given). */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Runs the pipeline: the feed puts announcements on article-versions, the version gate and "
        + "the pair ledger (Kafka Streams, RocksDB) and the enrichment stage turn them into upserts "
        + "and tombstones on figures. Without --bootstrap-servers a single-node KRaft broker runs "
        + "inside this JVM, its data under --data-dir. --sample follows the bundled sample bucket "
        + "instead of PMC's.")
final class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SampleOptions sample;

  @Mixin SourceOptions source;

  @Mixin KafkaOptions kafkaOptions;

  @Option(names = "--until-caught-up",
      description = "Exit once the feed has nothing new and every output is committed.")
  boolean untilCaughtUp;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    long started = System.nanoTime();
    try (SampleOptions.Running emulator = sample.startIfAsked(err);
         EmbeddedBroker broker = kafkaOptions.bootstrapServers == null
             ? EmbeddedBroker.start(source.dataDir.resolve("kafka")) : null) {
      Map<String, Object> kafka = broker != null ? broker.clientConfig() : kafkaOptions.clientConfig();
      if (broker != null) {
        err.println("figstream: embedded Kafka broker at " + broker.bootstrapServers() + ", data in "
            + source.dataDir.resolve("kafka"));
      }
      BucketLayout layout = new BucketLayout(emulator != null ? emulator.baseUrl() : source.bucketUrl);
      String feedId = emulator != null ? "sample" : source.bucketUrl;
      SimpleMeterRegistry metrics = new SimpleMeterRegistry();
      try (HttpFetcher http = new HttpFetcher(HttpSettings.defaults(Set.of(layout.host()))
          .withRate(layout.host(), source.bucketRate), metrics);
           FeedIndex index = new FeedIndex(source.dataDir.resolve("feed/index"));
           KafkaCursorStore cursors = new KafkaCursorStore(kafka, feedId, kafkaOptions.replicationFactor);
           Pipeline pipeline = new Pipeline(kafka, source.dataDir.resolve("streams"),
               new Enrichment(new ArticleFetcher(layout, http, 4), new ImageNormalizer()), kafkaOptions.replicationFactor)) {
        InventoryFeed feed = new InventoryFeed(new BucketClient(layout, http), index, cursors,
            source.feedSettings(emulator != null), source.dataDir.resolve("feed/work"));
        do {
          long pass = System.nanoTime();
          err.println(FeedOutput.summary(pipeline.feedAndSettle(feed, Duration.ofMinutes(30)), metrics,
              (System.nanoTime() - pass) / 1_000_000));
          int pairs = TopicCounts.liveKeys(kafka, Topics.FIGURES).size();
          int articles = TopicCounts.liveKeys(kafka, Topics.ARTICLES).size();
          int deadLetters = TopicCounts.liveKeys(kafka, Topics.DLQ).size();
          err.printf("run: caught up: %d live pairs on %s, %d articles on %s, %d dead letters on %s, after %d s%n",
              pairs, Topics.FIGURES, articles, Topics.ARTICLES, deadLetters, Topics.DLQ,
              (System.nanoTime() - started) / 1_000_000_000);
          err.flush();
          if (!untilCaughtUp) {
            Thread.sleep(source.pollInterval.toMillis());
          }
        } while (!untilCaughtUp);
      }
    }
    return 0;
  }
}
