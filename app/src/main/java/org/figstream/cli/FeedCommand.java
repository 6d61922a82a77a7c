package org.figstream.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.figstream.connectors.feed.bucket.BucketClient;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.discovery.CursorStore;
import org.figstream.connectors.feed.discovery.EsearchDiscovery;
import org.figstream.connectors.feed.discovery.FeedRun;
import org.figstream.connectors.feed.discovery.FeedSettings;
import org.figstream.connectors.feed.discovery.FeedSinks;
import org.figstream.connectors.feed.discovery.FileCursorStore;
import org.figstream.connectors.feed.discovery.InventoryFeed;
import org.figstream.connectors.feed.discovery.KafkaCursorStore;
import org.figstream.connectors.feed.fetch.ArticleFetcher;
import org.figstream.connectors.feed.fetch.FetchOutcome;
import org.figstream.connectors.feed.fetch.FetchedArticle;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.http.UrlCheck;
import org.figstream.connectors.feed.local.ArchiveLimits;
import org.figstream.connectors.feed.local.LocalFolderSource;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.records.Announcement;
import org.figstream.records.Change;
import org.figstream.runtime.FeedOutput;
import org.figstream.runtime.KafkaTarget;
import org.figstream.state.FeedIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code figstream feed}: follows the bucket's inventories and prints announcements, without Kafka.
 */
@Command(
    name = "feed",
    mixinStandardHelpOptions = true,
    description =
        "Compares the newest daily inventory of the PMC bucket with what this data directory has "
            + "seen and prints one JSON line per new, changed, retracted or removed article version, "
            + "with progress on stderr. --sample serves the bundled sample articles from a local bucket "
            + "emulator instead.")
final class FeedCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SampleOptions sample;

  @Mixin EsearchOptions esearch;

  @Mixin SourceOptions source;

  @Mixin KafkaOptions kafka;

  @Option(
      names = "--mirror",
      paramLabel = "DIR",
      description =
          "Read a mirror on disk instead of the bucket: article folders (XML plus media) and legacy "
              + "PMCn.tar.gz packages below DIR.")
  Path mirror;

  @Option(
      names = "--fetch",
      description = "Also download each announced version (XML and images, MD5-checked).")
  boolean fetch;

  @Option(
      names = "--extract",
      description =
          "Download each announced version and print its figure-caption "
              + "pairs (as `figstream extract` does) instead of the announcement.")
  boolean extract;

  @Option(
      names = "--follow",
      description = "Keep polling for new inventories instead of exiting after one pass.")
  boolean follow;

  private final AtomicLong announced = new AtomicLong();

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    OutcomePrinter printer = new OutcomePrinter(spec.commandLine().getOut(), err, extract);
    if (mirror != null) {
      return readMirror(printer, err);
    }
    try (BucketEmulator emulator = sample.startIfAsked(err)) {
      String emulatorUrl = emulator != null ? emulator.baseUrl() : null;
      String url = emulatorUrl != null ? emulatorUrl : source.bucketUrl;
      BucketLayout layout = new BucketLayout(url);
      // host:port entries: a URL in bucket or esearch data that names another port is refused
      Set<String> hosts = new HashSet<>(List.of(UrlCheck.origin(layout.baseUrl())));
      if (esearch.enabled) {
        hosts.add(esearch.origin(emulatorUrl));
      }
      SimpleMeterRegistry metrics = new SimpleMeterRegistry();
      FeedSettings settings = source.feedSettings(emulator != null);
      Path feedDir = source.dataDir.resolve("feed");
      try (HttpFetcher http =
              new HttpFetcher(
                  HttpSettings.defaults(hosts).withRate(layout.host(), source.bucketRate),
                  metrics);
          FeedIndex index = new FeedIndex(feedDir.resolve("index"))) {
        BucketClient bucket = new BucketClient(layout, http);
        ArticleFetcher fetcher = new ArticleFetcher(layout, http, 4);
        KafkaTarget target = kafka.target();
        CursorStore cursors =
            !target.external()
                ? new FileCursorStore(feedDir.resolve("cursor.json"))
                : new KafkaCursorStore(
                    target.clientConfig(), url, kafka.replicationFactor, kafka.createTopics());
        InventoryFeed feed =
            new InventoryFeed(bucket, index, cursors, settings, feedDir.resolve("work"));
        EsearchDiscovery today =
            new EsearchDiscovery(esearch.settings(emulatorUrl), http, bucket, index);
        FeedSinks sinks =
            new FeedSinks(
                a -> deliver(printer, a, fetcher),
                d -> Mono.fromRunnable(() -> printer.deadLetter(d)));
        do {
          long started = System.nanoTime();
          Disposable progress =
              Flux.interval(Duration.ofSeconds(2))
                  .subscribe(
                      t ->
                          err.printf(
                              "feed: %d announced, %d dead letters so far%n",
                              announced.get(), printer.deadLetters()));
          FeedRun run;
          long released;
          try {
            run = feed.runOnce(sinks).block();
            released = today.discover(esearch.day(), sinks).block();
          } finally {
            progress.dispose();
          }
          err.println(FeedOutput.summary(run, metrics, (System.nanoTime() - started) / 1_000_000));
          if (esearch.enabled) {
            err.println(
                "feed: esearch "
                    + esearch.day()
                    + ": "
                    + released
                    + " released versions no inventory lists yet");
          }
          printer.finish();
          err.flush();
          if (follow) {
            Thread.sleep(source.pollInterval.toMillis());
          }
        } while (follow);
      }
    }
    return printer.deadLetters() == 0 ? 0 : 1;
  }

  private int readMirror(OutcomePrinter printer, PrintWriter err) {
    long started = System.nanoTime();
    new LocalFolderSource(ArchiveLimits.defaults(), 2)
        .read(mirror)
        .doOnNext(
            outcome -> {
              announced.incrementAndGet();
              if (outcome instanceof FetchedArticle f) {
                printer.outcome(f.announcement(), f);
              } else if (outcome instanceof FetchOutcome.Failed failed) {
                printer.deadLetter(failed.deadLetter());
              } else if (outcome instanceof FetchOutcome.Gone gone) {
                printer.outcome(gone.announcement(), gone);
              }
            })
        .blockLast();
    err.printf(
        "feed: mirror %s: %d articles read, %d dead letters, in %d ms%n",
        mirror, announced.get(), printer.deadLetters(), (System.nanoTime() - started) / 1_000_000);
    printer.finish();
    err.flush();
    return printer.deadLetters() == 0 ? 0 : 1;
  }

  /** One announcement to the printer, fetched first when --fetch or --extract asks for it. */
  private Mono<Void> deliver(OutcomePrinter printer, Announcement a, ArticleFetcher fetcher) {
    announced.incrementAndGet();
    if ((!fetch && !extract) || a.change() == Change.REMOVAL) {
      return Mono.fromRunnable(() -> printer.announcement(a));
    }
    return fetcher.fetch(a).doOnNext(outcome -> printer.outcome(a, outcome)).then();
  }
}
