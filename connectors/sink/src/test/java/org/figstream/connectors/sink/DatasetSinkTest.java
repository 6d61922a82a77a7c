package org.figstream.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.figstream.connectors.sink.manifest.ManifestStore;
import org.figstream.connectors.sink.manifest.WriterLock;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.records.FigureRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatasetSinkTest {
  /**
   * Two sample articles re-licensed CC BY-NC here (all samples are CC BY), to exercise the subset
   * split.
   */
  static final List<String> NON_COMMERCIAL =
      List.of(
          SampleTopics.ARTICLES.get(1).article().articleKey(),
          SampleTopics.ARTICLES.get(4).article().articleKey());

  @TempDir Path dir;

  @Test
  void shouldWriteEveryPairOnceSplitBySubsetAndReadBackWithDuckDb() throws IOException {
    try (DatasetSink sink = open(SinkSettings.defaults(dir), FaultPoint.Hook.NONE)) {
      sink.write(SampleTopics.upsertAll(NON_COMMERCIAL).records());
      sink.commitAll();
    }
    Map<String, FigureRecord> expected = pairs(SampleTopics.ARTICLES);
    long nonCommercial =
        SampleTopics.ARTICLES.stream()
            .filter(a -> NON_COMMERCIAL.contains(a.article().articleKey()))
            .mapToLong(a -> a.figures().size())
            .sum();
    assertThat(expected).hasSize(82); // counted from the XML in SampleArticleCountsTest
    String figures = "read_parquet('" + dir + "/figures/*/*.parquet')";

    assertThat(Duck.strings("SELECT pair_id FROM " + figures))
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    assertThat(
            Duck.count(
                "SELECT count(*) FROM read_parquet('" + dir + "/figures/noncommercial/*.parquet')"))
        .isEqualTo(nonCommercial)
        .isPositive();
    assertThat(
            Duck.count(
                "SELECT count(*) FROM read_parquet('" + dir + "/figures/commercial/*.parquet')"))
        .isEqualTo(82 - nonCommercial);
    assertThat(Duck.count("SELECT count(*) FROM read_parquet('" + dir + "/articles/*/*.parquet')"))
        .isEqualTo(9);
    // fixed-length embeddings, readable as DuckDB arrays
    assertThat(
            Duck.count(
                "SELECT count(*) FROM "
                    + figures
                    + " WHERE len(image_embedding) = "
                    + SampleTopics.IMAGE_DIMS
                    + " AND len(caption_embedding::FLOAT["
                    + SampleTopics.CAPTION_DIMS
                    + "]) = "
                    + SampleTopics.CAPTION_DIMS))
        .isEqualTo(82);
    for (List<Object> row :
        Duck.rows(
            "SELECT pair_id, caption, len(mentions), label, subset, license FROM " + figures)) {
      FigureRecord f = expected.get((String) row.get(0));
      assertThat(row.get(1)).isEqualTo(f.caption());
      assertThat(((Number) row.get(2)).intValue()).isEqualTo(f.mentions().size());
      assertThat(row.get(3)).isEqualTo(f.label());
      boolean nc = NON_COMMERCIAL.contains(f.articleKey());
      assertThat(row.subList(4, 6))
          .containsExactly(nc ? "noncommercial" : "commercial", nc ? "CC BY-NC" : "CC BY");
    }
    assertThat(Duck.strings("SELECT column_name FROM (DESCRIBE SELECT * FROM " + figures + ")"))
        .containsExactlyElementsOf(
            org.figstream.records.codec.RecordSchemas.FIGURE_ROW.getFields().stream()
                .map(org.apache.avro.Schema.Field::name)
                .toList());
    assertThat(
            Duck.strings(
                "SELECT DISTINCT compression FROM parquet_metadata('"
                    + dir
                    + "/figures/*/*.parquet')"))
        .containsExactly("ZSTD");
    assertThat(hiddenFiles()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = FaultPoint.class,
      names = {"SHARDS_WRITTEN", "MANIFEST_WRITTEN"})
  void shouldEndWithExactlyThePairsAfterACrashMidCommit(FaultPoint point) throws IOException {
    List<TopicRecord> records = SampleTopics.upsertAll(NON_COMMERCIAL).records();
    SinkSettings small = SinkSettings.defaults(dir).withShardRows(10);
    int[] seen = {0};
    FaultPoint.Hook crashAtThird =
        p -> {
          if (p == point && ++seen[0] == 3) {
            throw new IOException("crash at " + p);
          }
        };
    DatasetSink first = open(small, crashAtThird);
    assertThatThrownBy(() -> first.write(records)).hasMessage("crash at " + point);
    first.close();

    replayFromManifest(small, records);

    assertExactlyOnce(pairs(SampleTopics.ARTICLES).keySet());
    assertThat(Duck.count("SELECT count(*) FROM read_parquet('" + dir + "/articles/*/*.parquet')"))
        .isEqualTo(9);
  }

  @Test
  void shouldResumeExactlyAfterStoppingMidShard() throws IOException {
    List<TopicRecord> records = SampleTopics.upsertAll(NON_COMMERCIAL).records();
    SinkSettings small = SinkSettings.defaults(dir).withShardRows(25);
    try (DatasetSink sink = open(small, FaultPoint.Hook.NONE)) {
      sink.write(
          records.subList(
              0, 60)); // some shards committed, others half written and lost with the process
    }
    replayFromManifest(small, records);
    assertExactlyOnce(pairs(SampleTopics.ARTICLES).keySet());
  }

  @Test
  void shouldRebuildTheDatasetFromTheTopicsWhenItsManifestIsLost() throws IOException {
    List<TopicRecord> records = SampleTopics.upsertAll(NON_COMMERCIAL).records();
    SinkSettings small = SinkSettings.defaults(dir).withShardRows(25);
    writeAndCommit(small, records);
    Files.delete(dir.resolve(ManifestStore.FILE));

    // without a manifest nothing is committed: every file goes, and the topics are read again
    replayFromManifest(small, records);

    assertExactlyOnce(pairs(SampleTopics.ARTICLES).keySet());
    assertThat(
            Duck.strings(
                "SELECT article_key FROM read_parquet('" + dir + "/articles/*/*.parquet')"))
        .hasSize(9)
        .doesNotHaveDuplicates();
  }

  @Test
  void shouldRefuseToStartOnATruncatedShardOrManifestAndSayWhatToDo() throws IOException {
    List<TopicRecord> records = SampleTopics.upsertAll(NON_COMMERCIAL).records();
    SinkSettings small = SinkSettings.defaults(dir).withShardRows(25);
    writeAndCommit(small, records);
    Path manifest = dir.resolve(ManifestStore.FILE);
    String shard = ManifestStore.read(dir).files().get(0).path();
    byte[] whole = Files.readAllBytes(dir.resolve(shard));
    Files.write(dir.resolve(shard), java.util.Arrays.copyOf(whole, whole.length / 2));

    assertThatThrownBy(() -> open(small, FaultPoint.Hook.NONE))
        .hasMessageContaining("lists " + shard + " with " + whole.length + " bytes")
        .hasMessageContaining("has " + whole.length / 2)
        .hasMessageContaining("Move the dataset folder aside");

    Files.write(dir.resolve(shard), whole);
    byte[] json = Files.readAllBytes(manifest);
    Files.write(manifest, java.util.Arrays.copyOf(json, json.length / 3));
    assertThatThrownBy(() -> open(small, FaultPoint.Hook.NONE))
        .hasMessageContaining(manifest + " cannot be read")
        .hasMessageContaining("Move the dataset folder aside");

    // what the message says: move it aside, and the sink rebuilds it from the topics
    Files.move(dir, dir.resolveSibling(dir.getFileName() + "-aside"));
    replayFromManifest(small, records);
    assertExactlyOnce(pairs(SampleTopics.ARTICLES).keySet());
  }

  @Test
  void shouldNotWriteARecordTwiceWhenTheConsumerSeeksBack() throws IOException {
    List<TopicRecord> records = SampleTopics.upsertAll(NON_COMMERCIAL).records();
    try (DatasetSink sink =
        open(SinkSettings.defaults(dir).withShardRows(25), FaultPoint.Hook.NONE)) {
      sink.write(records.subList(0, 70));
      // a rebalance: the partitions are read again from where the sink said to resume
      sink.write(
          records.stream()
              .filter(r -> r.offset() >= sink.resumeOffset(r.topic(), r.partition()))
              .toList());
      sink.commitAll();
    }
    assertExactlyOnce(pairs(SampleTopics.ARTICLES).keySet());
    assertThat(Duck.count("SELECT count(*) FROM read_parquet('" + dir + "/articles/*/*.parquet')"))
        .isEqualTo(9);
  }

  @Test
  void shouldApplyTombstonesInTheCardsQueryAndThenByCompaction() throws IOException {
    List<ExtractedArticle> withFigures =
        SampleTopics.ARTICLES.stream().filter(a -> a.figures().size() >= 2).toList();
    ExtractedArticle superseded = withFigures.get(0);
    ExtractedArticle retracted = withFigures.get(1);
    ExtractedArticle revised = withFigures.get(2);
    SampleTopics topics = SampleTopics.upsertAll(NON_COMMERCIAL);
    Set<String> live = new HashSet<>(pairs(SampleTopics.ARTICLES).keySet());
    for (FigureRecord f : superseded.figures().subList(0, 2)) {
      topics.tombstone("figures", f.pairId(), "superseded");
      live.remove(f.pairId());
    }
    for (FigureRecord f : retracted.figures()) {
      topics.tombstone("figures", f.pairId(), "retracted");
      live.remove(f.pairId());
    }
    topics.tombstone("articles", retracted.article().articleKey(), "retracted");
    FigureRecord again = revised.figures().get(0);
    topics.figure(
        again, revised.article(), "commercial"); // a new version upserts the same pair again
    int deletes = 2 + retracted.figures().size();
    assertThat(retracted.figures()).isNotEmpty();

    try (DatasetSink sink = open(SinkSettings.defaults(dir), FaultPoint.Hook.NONE)) {
      sink.write(topics.records());
      sink.commitAll();
      String figures = "read_parquet('" + dir + "/figures/*/*.parquet')";
      assertThat(Duck.count("SELECT count(*) FROM " + figures))
          .isEqualTo(83); // nothing applied yet
      assertThat(
              Duck.strings(
                  "SELECT pair_id FROM ("
                      + LiveRows.currentRowsQuery(dir.toString(), "figures")
                      + ")"))
          .containsExactlyInAnyOrderElementsOf(live);
      assertThat(
              Duck.rows(
                  "SELECT reason, count(*) FROM read_parquet('"
                      + dir
                      + "/deletes/figures/*.parquet') "
                      + "GROUP BY reason ORDER BY reason"))
          .containsExactly(
              List.of("retracted", (long) retracted.figures().size()), List.of("superseded", 2L));

      // below the threshold (dead/rows < 0.1) only the articles shard (1 of 9 dead) is rewritten
      assertThat(deletes + 1.0).isLessThan(0.1 * 83);
      CompactionResult partial = sink.compact(false);
      assertThat(partial.rewritten()).isEqualTo(1);
      assertThat(partial.rowsRemoved()).isEqualTo(1);
      assertThat(Duck.count("SELECT count(*) FROM " + figures)).isEqualTo(83);
      CompactionResult forced = sink.compact(true);
      assertThat(forced.rowsRemoved()).isEqualTo(deletes + 1);
      assertExactlyOnce(live);
      assertThat(
              Duck.count("SELECT count(*) FROM read_parquet('" + dir + "/articles/*/*.parquet')"))
          .isEqualTo(8);
      // delete records stay, as the history of what left
      assertThat(
              Duck.count(
                  "SELECT count(*) FROM read_parquet('" + dir + "/deletes/figures/*.parquet')"))
          .isEqualTo(deletes);
    }
    assertThat(hiddenFiles()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = FaultPoint.class,
      names = {"COMPACTION_WRITTEN", "COMPACTION_MANIFEST_WRITTEN"})
  void shouldSettleACompactionThatCrashed(FaultPoint point) throws IOException {
    ExtractedArticle retracted =
        SampleTopics.ARTICLES.stream()
            .filter(a -> !a.figures().isEmpty())
            .findFirst()
            .orElseThrow();
    SampleTopics topics = SampleTopics.upsertAll(NON_COMMERCIAL);
    Set<String> live = new HashSet<>(pairs(SampleTopics.ARTICLES).keySet());
    for (FigureRecord f : retracted.figures()) {
      topics.tombstone("figures", f.pairId(), "retracted");
      live.remove(f.pairId());
    }
    FaultPoint.Hook crash =
        p -> {
          if (p == point) {
            throw new IOException("crash at " + p);
          }
        };
    DatasetSink first = open(SinkSettings.defaults(dir), crash);
    first.write(topics.records());
    first.commitAll();
    assertThatThrownBy(() -> first.compact(true)).hasMessage("crash at " + point);
    first.close();

    try (DatasetSink again = open(SinkSettings.defaults(dir), FaultPoint.Hook.NONE)) {
      assertThat(
              Duck.strings(
                  "SELECT pair_id FROM ("
                      + LiveRows.currentRowsQuery(dir.toString(), "figures")
                      + ")"))
          .containsExactlyInAnyOrderElementsOf(live);
      again.compact(true);
    }
    assertExactlyOnce(live);
    assertThat(hiddenFiles()).isEmpty();
  }

  @Test
  void shouldCompactWhenTheIntervalHasPassedSinceItLastDid() throws IOException {
    long hour = Duration.ofHours(1).toMillis();
    long compactedAt;
    try (DatasetSink sink = open(SinkSettings.defaults(dir), FaultPoint.Hook.NONE)) {
      // Opening a new dataset commits its empty delete files: the clock starts at that first
      // commit.
      long firstCommit = sink.manifest().committedAt();
      assertThat(sink.manifest().compactedAt()).isEqualTo(firstCommit).isPositive();
      sink.write(SampleTopics.upsertAll(List.of()).records());
      sink.commitAll();
      assertThat(sink.manifest().compactedAt()).isEqualTo(firstCommit);
      assertThat(sink.compactIfDue(firstCommit + hour - 1)).isEmpty();
      assertThat(sink.compactIfDue(firstCommit + hour)).isPresent();
      compactedAt = sink.manifest().compactedAt();
      assertThat(compactedAt).isGreaterThanOrEqualTo(firstCommit);
      assertThat(sink.compactIfDue(compactedAt + hour - 1)).isEmpty();
    }
    // A reopened sink (a Connect rebalance, a restart) keeps the clock: it does not start the hour
    // again.
    try (DatasetSink reopened = open(SinkSettings.defaults(dir), FaultPoint.Hook.NONE)) {
      assertThat(reopened.manifest().compactedAt()).isEqualTo(compactedAt);
      assertThat(reopened.compactIfDue(compactedAt + hour - 1)).isEmpty();
      assertThat(reopened.compactIfDue(compactedAt + hour)).isPresent();
    }
    SinkSettings onlyWhenForced = SinkSettings.defaults(dir).withCompactInterval(Duration.ZERO);
    try (DatasetSink never = open(onlyWhenForced, FaultPoint.Hook.NONE)) {
      assertThat(never.compactIfDue(Long.MAX_VALUE)).isEmpty();
    }
  }

  @Test
  void shouldRejectAnUndecodableRecordAndKeepTheRest() throws IOException {
    List<TopicRecord> records = new ArrayList<>(SampleTopics.upsertAll(List.of()).records());
    records.add(new TopicRecord("figures", 0, 1000, 0L, "PMC1/f/1", new byte[] {1, 2, 3}, null));
    Map<String, String> rejected = new HashMap<>();
    try (DatasetSink sink =
        DatasetSink.open(
            SinkSettings.defaults(dir),
            FaultPoint.Hook.NONE,
            (r, why) -> rejected.put(r.key(), why))) {
      sink.write(records);
      sink.commitAll();
    }
    assertThat(rejected).containsOnlyKeys("PMC1/f/1");
    assertThat(rejected.get("PMC1/f/1")).startsWith("not a figures record: ");
    assertExactlyOnce(pairs(SampleTopics.ARTICLES).keySet());
  }

  @Test
  void shouldRollShardsByRowCountAndByAge() throws IOException {
    try (DatasetSink sink =
        open(SinkSettings.defaults(dir).withShardRows(10), FaultPoint.Hook.NONE)) {
      sink.write(SampleTopics.upsertAll(List.of()).records());
      long committedRows = rows(sink, "figures/commercial");
      assertThat(committedRows)
          .isEqualTo(80); // eight full shards of 10; two rows wait in the open one
      assertThat(sink.rollDue(System.currentTimeMillis())).isZero();
      assertThat(
              sink.rollDue(System.currentTimeMillis() + SinkSettings.DEFAULT_SHARD_AGE.toMillis()))
          .isEqualTo(2);
      assertThat(rows(sink, "figures/commercial")).isEqualTo(82);
      assertThat(
              sink.manifest().files().stream()
                  .filter(f -> f.stream().equals("figures/commercial"))
                  .allMatch(f -> f.rows() <= 10))
          .isTrue();
    }
    assertThat(ManifestStore.read(dir).files()).isNotEmpty();
  }

  @Test
  void shouldRollAShardOnceItReachesTheSizeLimit() throws IOException {
    // captions and mentions of the 82 pairs take well over 64 KB; each shard stops at the first row
    // past it
    long limit = 64 << 10;
    try (DatasetSink sink =
        open(SinkSettings.defaults(dir).withShardBytes(limit), FaultPoint.Hook.NONE)) {
      sink.write(SampleTopics.upsertAll(List.of()).records());
      sink.commitAll();
      List<org.figstream.connectors.sink.manifest.ShardEntry> shards =
          sink.manifest().files().stream()
              .filter(f -> f.stream().equals("figures/commercial"))
              .toList();
      assertThat(shards.size()).isGreaterThan(1);
      assertThat(shards.stream().mapToLong(f -> f.rows()).sum()).isEqualTo(82);
    }
    assertExactlyOnce(pairs(SampleTopics.ARTICLES).keySet());
  }

  @Test
  void shouldKeepTheDatasetCardsConfigsAndCountsEqualToTheFiles() throws IOException {
    try (DatasetSink sink = open(SinkSettings.defaults(dir), FaultPoint.Hook.NONE)) {
      sink.write(SampleTopics.upsertAll(NON_COMMERCIAL).records());
      sink.commitAll();
    }
    String card = Files.readString(dir.resolve("README.md"));
    assertThat(card)
        .startsWith("---\n")
        .contains(
            """
        configs:
        - config_name: commercial
          data_files:
          - split: train
            path: figures/commercial/*.parquet
          default: true
        - config_name: noncommercial
          data_files:
          - split: train
            path: figures/noncommercial/*.parquet
        - config_name: articles
        """)
        .doesNotContain("config_name: other");
    long nonCommercial =
        Duck.count(
            "SELECT count(*) FROM read_parquet('" + dir + "/figures/noncommercial/*.parquet')");
    assertThat(card)
        .contains("| figures/noncommercial | " + nonCommercial + " | 1 |")
        .contains("| figures/commercial | " + (82 - nonCommercial) + " | 1 |")
        .contains("`image_embedding`: 8 floats per row")
        .contains("| `pair_id` | string |")
        .contains("- **Microscopy**");
  }

  private void writeAndCommit(SinkSettings settings, List<TopicRecord> records) throws IOException {
    try (DatasetSink sink = open(settings, FaultPoint.Hook.NONE)) {
      sink.write(records);
      sink.commitAll();
    }
  }

  private void replayFromManifest(SinkSettings settings, List<TopicRecord> records)
      throws IOException {
    try (DatasetSink again = open(settings, FaultPoint.Hook.NONE)) {
      // what a consumer seeked to the sink's resume offsets would read
      List<TopicRecord> rest =
          records.stream()
              .filter(r -> r.offset() >= again.resumeOffset(r.topic(), r.partition()))
              .toList();
      again.write(rest);
      again.commitAll();
    }
  }

  private void assertExactlyOnce(Set<String> pairs) {
    String figures = "read_parquet('" + dir + "/figures/*/*.parquet')";
    assertThat(Duck.strings("SELECT pair_id FROM " + figures))
        .containsExactlyInAnyOrderElementsOf(pairs);
  }

  private static long rows(DatasetSink sink, String stream) {
    return sink.manifest().files().stream()
        .filter(f -> f.stream().equals(stream))
        .mapToLong(f -> f.rows())
        .sum();
  }

  private List<Path> hiddenFiles() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> p.getFileName().toString().startsWith("."))
          .filter(p -> !p.getFileName().toString().equals(WriterLock.FILE)) // held while open
          .toList();
    }
  }

  static DatasetSink open(SinkSettings settings, FaultPoint.Hook faults) throws IOException {
    return DatasetSink.open(
        settings,
        faults,
        (r, why) -> {
          throw new AssertionError("rejected " + r.key() + ": " + why);
        });
  }

  static Map<String, FigureRecord> pairs(List<ExtractedArticle> articles) {
    Map<String, FigureRecord> out = new HashMap<>();
    articles.forEach(a -> a.figures().forEach(f -> out.put(f.pairId(), f)));
    return out;
  }
}
