package org.figstream.loadtest.stores;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.PublishedFigure;
import org.figstream.records.Topics;
import org.figstream.state.BoundedRocksDbMemory;
import org.figstream.state.StoreNames;
import org.figstream.topology.FigstreamTopology;
import org.figstream.topology.dedup.DedupSettings;
import org.figstream.topology.schema.TopicSerdes;

/**
 * The dedup stores at a node's share of the OA backfill (about 1.75 million figures on 16 nodes):
 * the real topology in a TopologyTestDriver with real RocksDB stores under the app's memory bound,
 * fed {@link ScaleFigures}, measuring by tenth of the figures the process's CPU a figure and the
 * bytes each figure writes to the stores' changelogs, and checking every figure's verdict against
 * what it was made to be.
 *
 * <p>{@code java -cp ... org.figstream.loadtest.stores.DedupScale <figures> <dir> [seed]}
 */
public final class DedupScale {
  static final String APPLICATION_ID = "figstream-scale";
  private static final int DRAIN_EVERY = 256;

  private DedupScale() {}

  public static void main(String[] args) throws IOException {
    int figures = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 17;
    Files.createDirectories(dir);
    ScaleReport report = run(new ScaleFigures(figures, seed), dir.resolve("state"));
    String markdown = report.markdown(figures, seed);
    Files.writeString(dir.resolve("dedup-scale.md"), markdown);
    System.out.print(markdown);
    if (!report.verdicts().wrong().isEmpty()) {
      System.exit(1);
    }
  }

  static ScaleReport run(ScaleFigures corpus, Path stateDir) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    // the app's RocksDB memory: one 64 MB cache for every store, which a node's share outgrows
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
    Verdicts verdicts = new Verdicts(corpus);
    List<ScaleReport.Tenth> tenths = new ArrayList<>();
    try (TopologyTestDriver driver =
        new TopologyTestDriver(FigstreamTopology.buildTopology(DedupSettings.DEFAULTS), props)) {
      TestInputTopic<String, EnrichedArticle> in =
          driver.createInputTopic(
              Topics.ENRICHED, Serdes.String().serializer(), TopicSerdes.enriched().serializer());
      TestOutputTopic<String, PublishedFigure> out =
          driver.createOutputTopic(
              Topics.FIGURES, Serdes.String().deserializer(), TopicSerdes.figures().deserializer());
      ChangelogBytes near = new ChangelogBytes(driver, StoreNames.DEDUP_NEAR);
      ChangelogBytes exact = new ChangelogBytes(driver, StoreNames.DEDUP_EXACT);
      int articles = corpus.articles();
      int nextTenth = 1;
      long cpu = processCpuNanos();
      long wall = System.nanoTime();
      int figuresAtLast = 0;
      long nearAtLast = 0;
      long exactAtLast = 0;
      for (int a = 0; a < articles; a++) {
        in.pipeInput(ScaleFigures.pmcid(a), corpus.article(a));
        boolean tenthDone = (long) (a + 1) * 10 >= (long) nextTenth * articles;
        if ((a + 1) % DRAIN_EVERY == 0 || tenthDone) {
          for (TestRecord<String, PublishedFigure> r : out.readRecordsToList()) {
            verdicts.check(r.value());
          }
          near.drain();
          exact.drain();
        }
        if (tenthDone) {
          long cpuNow = processCpuNanos();
          long wallNow = System.nanoTime();
          int done = Math.min(corpus.size(), (a + 1) * ScaleFigures.PER_ARTICLE);
          ScaleReport.Tenth t =
              new ScaleReport.Tenth(
                  nextTenth,
                  done,
                  done - figuresAtLast,
                  (cpuNow - cpu) / 1e9,
                  (wallNow - wall) / 1e9,
                  near.bytes() - nearAtLast,
                  exact.bytes() - exactAtLast);
          tenths.add(t);
          System.err.print(ScaleReport.row(t));
          cpu = cpuNow;
          wall = wallNow;
          figuresAtLast = done;
          nearAtLast = near.bytes();
          exactAtLast = exact.bytes();
          nextTenth++;
        }
      }
      KeyValueStore<String, String> index = driver.getKeyValueStore(StoreNames.DEDUP_NEAR);
      return new ScaleReport(tenths, verdicts, indexShape(index), directoryBytes(stateDir));
    }
  }

  /** Keys of the near index and its largest value, in characters. */
  private static long[] indexShape(KeyValueStore<String, String> index) {
    long keys = 0;
    long largest = 0;
    try (KeyValueIterator<String, String> all = index.all()) {
      while (all.hasNext()) {
        KeyValue<String, String> kv = all.next();
        keys++;
        largest = Math.max(largest, kv.value.length());
      }
    }
    return new long[] {keys, largest};
  }

  /** This JVM's CPU so far (DedupTaskRate's too). */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long directoryBytes(Path dir) {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      return -1;
    }
  }

  /** Key and value bytes a store wrote to its changelog topic, drained as they come. */
  private static final class ChangelogBytes {
    private final TestOutputTopic<byte[], byte[]> topic;
    private long bytes;

    ChangelogBytes(TopologyTestDriver driver, String store) {
      topic =
          driver.createOutputTopic(
              APPLICATION_ID + "-" + store + "-changelog",
              new ByteArrayDeserializer(),
              new ByteArrayDeserializer());
    }

    void drain() {
      for (TestRecord<byte[], byte[]> r : topic.readRecordsToList()) {
        bytes +=
            (r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length);
      }
    }

    long bytes() {
      return bytes;
    }
  }
}
