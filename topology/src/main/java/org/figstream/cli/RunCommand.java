package org.figstream.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.figstream.connectors.bucket.BucketClient;
import org.figstream.connectors.bucket.BucketLayout;
import org.figstream.connectors.discovery.FeedIndex;
import org.figstream.connectors.discovery.FeedSettings;
import org.figstream.connectors.discovery.InventoryFeed;
import org.figstream.connectors.discovery.KafkaCursorStore;
import org.figstream.connectors.discovery.StartPolicy;
import org.figstream.connectors.fetch.ArticleFetcher;
import org.figstream.connectors.http.HttpFetcher;
import org.figstream.connectors.http.HttpSettings;
import org.figstream.runtime.EmbeddedBroker;
import org.figstream.runtime.Pipeline;
import org.figstream.runtime.TopicCounts;
import org.figstream.topology.Topics;
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
    description = {
      "Runs the pipeline: the feed puts announcements on article-versions, the version gate and the pair",
      "ledger (Kafka Streams, RocksDB) and the enrichment stage turn them into upserts and tombstones on",
      "figures. Without --bootstrap-servers a single-node KRaft broker runs inside this JVM, its data",
      "under --data-dir. --sample follows the bundled sample bucket instead of PMC's."
    })
final class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SampleOptions sample;

  @Option(names = "--bucket-url", defaultValue = "https://pmc-oa-opendata.s3.amazonaws.com",
      description = "HTTPS endpoint of the pmc-oa-opendata bucket (default: ${DEFAULT-VALUE}).")
  String bucketUrl;

  @Option(names = "--data-dir", defaultValue = "data",
      description = "Everything the run keeps: broker logs, state stores, feed index (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--bootstrap-servers", description = "Use this Kafka cluster instead of the embedded broker.")
  String bootstrapServers;

  @Option(names = "--replication-factor", defaultValue = "1",
      description = "Replication factor of the topics figstream creates (default: ${DEFAULT-VALUE}).")
  short replicationFactor;

  @Option(names = "--until-caught-up",
      description = "Exit once the feed has nothing new and every output is committed.")
  boolean untilCaughtUp;

  @Option(names = "--poll-interval", defaultValue = "PT1H",
      description = "How often to look for a new inventory when following (default: ${DEFAULT-VALUE}).")
  Duration pollInterval;

  @Option(names = "--start-policy", description = "First start: FROM_NOW or BACKFILL (default: FROM_NOW; "
      + "BACKFILL with --sample).")
  StartPolicy startPolicy;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    long started = System.nanoTime();
    try (SampleOptions.Running emulator = sample.startIfAsked(err);
         EmbeddedBroker broker = bootstrapServers == null ? EmbeddedBroker.start(dataDir.resolve("kafka")) : null) {
      Map<String, Object> kafka = broker != null ? broker.clientConfig()
          : Map.of("bootstrap.servers", bootstrapServers);
      if (broker != null) {
        err.println("figstream: embedded Kafka broker at " + broker.bootstrapServers() + ", data in "
            + dataDir.resolve("kafka"));
      }
      BucketLayout layout = new BucketLayout(emulator != null ? emulator.baseUrl() : bucketUrl);
      StartPolicy policy = startPolicy != null ? startPolicy : emulator != null ? StartPolicy.BACKFILL : StartPolicy.FROM_NOW;
      String feedId = emulator != null ? "sample" : bucketUrl;
      SimpleMeterRegistry metrics = new SimpleMeterRegistry();
      try (HttpFetcher http = new HttpFetcher(HttpSettings.defaults(Set.of(layout.host())), metrics);
           FeedIndex index = new FeedIndex(dataDir.resolve("feed/index"));
           KafkaCursorStore cursors = new KafkaCursorStore(kafka, feedId, replicationFactor);
           Pipeline pipeline = new Pipeline(kafka, dataDir.resolve("streams"),
               new Enrichment(new ArticleFetcher(layout, http, 4)), replicationFactor)) {
        InventoryFeed feed = new InventoryFeed(new BucketClient(layout, http), index, cursors,
            FeedSettings.defaults().withStartPolicy(policy), dataDir.resolve("feed/work"));
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
            Thread.sleep(pollInterval.toMillis());
          }
        } while (!untilCaughtUp);
      }
    }
    return 0;
  }
}
