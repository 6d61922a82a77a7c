package org.figstream.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.Topics;
import org.figstream.runtime.TopicCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole {@code figstream run --sample} (embedded broker, feed, enrichment, ledger, dataset
 * sink) stopped again and again on one data directory: SIGKILL at each kill point in turn, found
 * from the run's own output plus a seeded random delay, and one SIGTERM mid-enrichment (which must
 * exit 143 without the ONNX Runtime crash it once had). Then it is let finish, and {@code figures}
 * and the Parquet dataset (the card's query) must hold exactly what an undisturbed run holds. The
 * suite runs {@value #DEFAULT_KILLS} stops; {@code -Dfigstream.soak.kills=N} runs more (see
 * docs/reliability.md).
 */
class KillSoakIT {
  static final int DEFAULT_KILLS = 11;

  /** What a start prints when it aborted transactions a hard stop had left open. */
  private static final String ORPHANS_ABORTED = "figstream: the last stop left";

  /** The bar: at least this many stops must land in the default run. */
  private static final int AT_LEAST = 10;

  /** Where a stop lands: a line the run prints just before that point, or a count reached. */
  private record KillPoint(
      String name, Predicate<FigstreamProcess> reached, int afterMillis, boolean graceful) {}

  private static final List<KillPoint> POINTS =
      List.of(
          new KillPoint(
              "broker start", p -> p.output().contains("figstream: image encoder"), 0, false),
          new KillPoint("feed", p -> p.output().contains("feed: reading the newest"), 0, false),
          // figures embedded, the batch not yet committed: it is redone after the restart
          new KillPoint("enrichment mid-batch", p -> p.stageCount("embed") >= 3, 0, false),
          // a graceful stop lets the running batch finish and commit, then exits 143
          new KillPoint("enrichment (SIGTERM)", p -> p.stageCount("image") >= 2, 0, true),
          // the pair ledger (Kafka Streams) has written the pairs of an enriched article: its
          // transaction commits every 200 ms, so the delay lands on either side of a commit
          new KillPoint("ledger", p -> p.stageCount("ledger") >= 1, 0, false),
          // once caught up, the run commits the dataset, then compacts it, then exits
          new KillPoint("sink commit", KillSoakIT::caughtUp, 0, false),
          new KillPoint("compaction", KillSoakIT::caughtUp, 700, false));

  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  @Test
  void shouldHoldExactlyTheUndisturbedPairsAfterRepeatedKills(@TempDir Path dir) throws Exception {
    long began = System.nanoTime();
    String classpath = PackagedApp.classpath();
    Path samples = SampleArticles.root();
    FigstreamProcess reference =
        FigstreamProcess.startEmbeddedWithDataset("reference", dir, classpath, samples);
    assertThat(reference.await(Duration.ofMinutes(5))).as(reference.tail()).isZero();
    Outcome expected = Outcome.read(dir.resolve("reference"));
    assertThat(expected.figures()).hasSize(70);

    System.out.printf(
        "KillSoakIT: reference done at %d s%n", (System.nanoTime() - began) / 1_000_000_000L);
    int kills = Integer.getInteger("figstream.soak.kills", DEFAULT_KILLS);
    Random random = new Random(Long.getLong("figstream.soak.seed", 18));
    Map<String, Integer> hit = new TreeMap<>();
    int repaired = 0; // starts that aborted transactions the stop before left open (see docs)
    boolean nativeChecked = false;
    for (int k = 0; k < kills; k++) {
      KillPoint point = pointFor(k);
      FigstreamProcess run =
          FigstreamProcess.startEmbeddedWithDataset("soak", dir, classpath, samples);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (run.alive() && !point.reached().test(run) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Thread.sleep(point.afterMillis() + random.nextInt(400));
      if (!run.alive()) {
        hit.merge("(finished before " + point.name() + ")", 1, Integer::sum);
        continue;
      }
      if (point.name().equals("enrichment mid-batch")) {
        nativeChecked |= checkNativeLibrariesUnder(dir.resolve("soak"), run);
      }
      if (point.graceful()) {
        int exit = run.stop();
        assertThat(run.output()).doesNotContain("A fatal error has been detected");
        assertThat(exit).as(run.tail()).isEqualTo(128 + 15);
      } else {
        run.kill();
      }
      hit.merge(point.name(), 1, Integer::sum);
      repaired += run.output().contains(ORPHANS_ABORTED) ? 1 : 0;
      System.out.printf(
          "KillSoakIT: stop %d (%s) at %d s%n",
          k, point.name(), (System.nanoTime() - began) / 1_000_000_000L);
    }
    FigstreamProcess last =
        FigstreamProcess.startEmbeddedWithDataset("soak", dir, classpath, samples);
    assertThat(last.await(Duration.ofMinutes(5))).as(last.tail()).isZero();
    repaired += last.output().contains(ORPHANS_ABORTED) ? 1 : 0;
    System.out.println(
        "KillSoakIT: "
            + kills
            + " stops, by kill point: "
            + hit
            + "; starts that aborted orphaned transactions: "
            + repaired);
    assertThat(nativeChecked || !Files.isDirectory(Path.of("/proc/self"))).isTrue();

    Outcome after = Outcome.read(dir.resolve("soak"));
    assertThat(after.figures().keySet()).isEqualTo(expected.figures().keySet());
    after
        .figures()
        .forEach(
            (id, value) -> {
              try {
                assertThat(ScaleOutScenario.differences(expected.figures().get(id), value))
                    .as(id)
                    .isSubsetOf(ScaleOutScenario.VARYING_FIELDS);
              } catch (java.io.IOException e) {
                throw new AssertionError(e);
              }
            });
    assertThat(after.articles()).isEqualTo(expected.articles());
    assertThat(after.dlq()).isZero();
    // every row once, with the same caption and image as the undisturbed run's
    assertThat(after.rows()).hasSize(70).doesNotHaveDuplicates().isEqualTo(expected.rows());
    assertThat(hit.keySet())
        .contains("broker start", "feed", "enrichment (SIGTERM)", "enrichment mid-batch");
    int landed =
        hit.entrySet().stream()
            .filter(e -> !e.getKey().startsWith("("))
            .mapToInt(Map.Entry::getValue)
            .sum();
    assertThat(landed).as("stops that landed").isGreaterThanOrEqualTo(Math.min(kills, AT_LEAST));
    // each start cleared the scratch folders of the killed runs: only the last run's is left
    assertThat(entries(dir.resolve("soak/tmp"))).containsExactly(Long.toString(last.pid()));
    // no telemetry database, no JNA or DJL cache in the user's home
    assertThat(entries(FigstreamProcess.home(dir))).isEmpty();
  }

  /**
   * RocksDB's and ONNX Runtime's native libraries, unpacked from their jars, lie under the data
   * directory's scratch folder, and nothing the process maps lies outside the data directory apart
   * from the system's and the JDK's files.
   */
  private static boolean checkNativeLibrariesUnder(Path dataDir, FigstreamProcess run)
      throws java.io.IOException {
    if (!MappedFiles.readable(run.pid())) {
      return false; // not Linux: no /proc to read
    }
    Path scratch = dataDir.resolve("tmp").resolve(Long.toString(run.pid()));
    assertThat(MappedFiles.under(run.pid(), scratch))
        .as("native libraries unpacked under " + scratch)
        .anyMatch(f -> f.contains("librocksdbjni"))
        .anyMatch(f -> f.endsWith("libonnxruntime.so"));
    assertThat(MappedFiles.outside(run.pid(), dataDir)).isEmpty();
    return true;
  }

  /**
   * The first stops take every point in turn while work is still pending; the later ones land where
   * every start passes (broker start, feed), since by then enrichment may have nothing left.
   */
  private static KillPoint pointFor(int k) {
    return k < POINTS.size() ? POINTS.get(k) : POINTS.get((k - POINTS.size()) % 2);
  }

  private static List<String> entries(Path folder) throws java.io.IOException {
    try (var list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static boolean caughtUp(FigstreamProcess p) {
    return p.output().contains("run: caught up");
  }

  /** What a run left: figures (latest per key), live article keys, dead letters, dataset rows. */
  private record Outcome(
      Map<String, byte[]> figures, Set<String> articles, long dlq, List<String> rows) {
    static Outcome read(Path dataDir) throws Exception {
      Map<String, byte[]> figures;
      Set<String> articles;
      long dlq;
      try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir.resolve("kafka"))) {
        Map<String, Object> kafka = broker.clientConfig();
        figures = TopicCounts.latest(kafka, Topics.FIGURES);
        articles = TopicCounts.liveKeys(kafka, Topics.ARTICLES);
        dlq = TopicCounts.records(kafka, Topics.DLQ);
      }
      Path dataset = dataDir.resolve("dataset");
      assertThat(Files.exists(dataset.resolve("_manifest.json"))).isTrue();
      List<String> rows = DatasetRows.read(dataset);
      return new Outcome(figures, articles, dlq, rows);
    }
  }
}
