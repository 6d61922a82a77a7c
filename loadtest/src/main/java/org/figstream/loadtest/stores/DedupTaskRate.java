package org.figstream.loadtest.stores;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.fetch.ArticleFetcher;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.PublishedFigure;
import org.figstream.records.Topics;
import org.figstream.runtime.Pipeline;
import org.figstream.runtime.PipelineSettings;
import org.figstream.runtime.TopicReader;
import org.figstream.topology.TopicSetup;
import org.figstream.topology.enrich.Enrichment;
import org.figstream.topology.enrich.FigureStep;
import org.figstream.topology.schema.TopicSerdes;

/**
 * How fast one dedup and ledger task goes, the whole of dedup at {@code --dedup-partitions 1}:
 * {@link ScaleFigures}' articles, each figure carrying {@code imageKb} of incompressible image
 * bytes (a normalised JPEG is about 150 KB), are put on figstream-enriched of an embedded broker,
 * then the app's own {@link Pipeline} (its Streams settings, exactly-once) is started and timed
 * until it has caught up; then every verdict on {@code figures} is checked. Reports figures/s, the
 * process's CPU a figure (the broker's included) and the Streams thread's, which bounds the task:
 * one thread runs it.
 *
 * <p>Usage: {@code DedupTaskRate <figures> <dir> [imageKb] [dedupPartitions]}: with more than one
 * dedup partition, the copies whose first showing is on another partition are missed, and counted
 * wrong.
 */
public final class DedupTaskRate {
  private static final Deserializer<PublishedFigure> FIGURES = TopicSerdes.figures().deserializer();

  private DedupTaskRate() {}

  /** A run's figures: wall seconds to caught up, CPU seconds, and the checked verdicts. */
  record Result(
      int figures,
      int imageKb,
      int dedupPartitions,
      double seconds,
      double cpuSeconds,
      double streamThreadSeconds,
      Verdicts verdicts) {
    String markdown() {
      return String.format(
          "| figures | image KB | dedup partitions | caught up after | figures/s | process CPU-ms a figure"
              + " | Streams thread CPU-ms a figure | verdicts wrong |%n"
              + "|---|---|---|---|---|---|---|---|%n"
              + "| %d | %d | %d | %.1f s | %.0f | %.2f | %.2f | %d of %d |%n",
          figures,
          imageKb,
          dedupPartitions,
          seconds,
          figures / seconds,
          cpuSeconds * 1000 / figures,
          streamThreadSeconds * 1000 / figures,
          verdicts.wrongCount(),
          verdicts.checked());
    }
  }

  public static void main(String[] args) throws Exception {
    int figures = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    int imageKb = args.length > 2 ? Integer.parseInt(args[2]) : 150;
    int dedupPartitions = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    Files.createDirectories(dir);
    Result r = run(new ScaleFigures(figures, 17), imageKb, dedupPartitions, dir);
    Files.writeString(dir.resolve("dedup-task-rate.md"), r.markdown());
    System.out.print(r.markdown());
    r.verdicts().wrong().forEach(System.out::println);
    System.exit(r.verdicts().wrongCount() == 0 ? 0 : 1);
  }

  static Result run(ScaleFigures corpus, int imageKb, int dedupPartitions, Path dir)
      throws Exception {
    byte[] jpeg = new byte[imageKb * 1024];
    new SplittableRandom(1).nextBytes(jpeg);
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("kafka"))) {
      Map<String, Object> kafka = broker.clientConfig();
      PipelineSettings settings = PipelineSettings.defaults().withDedupPartitions(dedupPartitions);
      TopicSetup.ensure(
          kafka, settings.partitions(), settings.dedupPartitions(), settings.replication());
      produce(kafka, corpus, jpeg);
      long cpu = DedupScale.processCpuNanos();
      long wall = System.nanoTime();
      try (HttpFetcher http =
              new HttpFetcher(
                  HttpSettings.defaults(Set.of("127.0.0.1")), new SimpleMeterRegistry());
          Pipeline pipeline =
              new Pipeline(
                  kafka,
                  dir.resolve("streams"),
                  // never asked: nothing is on figstream-enrich-requests
                  new Enrichment(
                      new ArticleFetcher(new BucketLayout("http://127.0.0.1:9"), http, 1),
                      new ImageNormalizer(),
                      FigureStep.IDENTITY),
                  settings,
                  new SimpleMeterRegistry())) {
        pipeline.awaitCaughtUp(Duration.ofHours(2));
        double seconds = (System.nanoTime() - wall) / 1e9;
        double cpuSeconds = (DedupScale.processCpuNanos() - cpu) / 1e9;
        double streamThread = streamThreadCpuSeconds();
        // figures is spread by pair id: checked in the corpus's order, the order dedup saw them
        List<PublishedFigure> published = new ArrayList<>();
        // kept without their image bytes: a hundred thousand figures' would not fit in a heap
        TopicReader.readAll(
            kafka,
            Topics.FIGURES,
            Duration.ofMinutes(10),
            r -> {
              PublishedFigure f = FIGURES.deserialize(r.topic(), r.value());
              if (f != null) {
                published.add(
                    new PublishedFigure(
                        f.figure(),
                        null,
                        null,
                        f.duplicateOf(),
                        f.duplicateKind(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
              }
            });
        published.sort(Comparator.comparingInt(f -> ScaleFigures.figureOf(f.pairId())));
        Verdicts verdicts = new Verdicts(corpus);
        published.forEach(verdicts::check);
        return new Result(
            corpus.size(), imageKb, dedupPartitions, seconds, cpuSeconds, streamThread, verdicts);
      }
    }
  }

  private static void produce(Map<String, Object> kafka, ScaleFigures corpus, byte[] jpeg) {
    Map<String, Object> config = new HashMap<>(kafka);
    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicSetup.MAX_MESSAGE_BYTES);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // one producer, idempotent: the articles land in the order the corpus's verdicts assume
    try (KafkaProducer<String, EnrichedArticle> producer =
        new KafkaProducer<>(config, new StringSerializer(), TopicSerdes.enriched().serializer())) {
      for (int a = 0; a < corpus.articles(); a++) {
        producer.send(
            new ProducerRecord<>(Topics.ENRICHED, ScaleFigures.pmcid(a), corpus.article(a, jpeg)));
      }
      producer.flush();
    }
  }

  /** CPU of the Streams threads, whose names Kafka Streams ends with StreamThread-n. */
  private static double streamThreadCpuSeconds() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long nanos = 0;
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t != null && t.getThreadName().contains("StreamThread-")) {
        nanos += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
      }
    }
    return nanos / 1e9;
  }
}
