package org.figstream.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.figstream.connectors.sink.DatasetSinkTest.NON_COMMERCIAL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.figstream.connectors.sink.manifest.DatasetLayout;
import org.figstream.connectors.sink.manifest.Manifest;
import org.figstream.connectors.sink.manifest.ManifestStore;
import org.figstream.connectors.sink.manifest.ShardEntry;
import org.figstream.connectors.sink.manifest.WriterLock;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.records.FigureRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Compaction merging the small shards that frequent commits leave, as {@code figstream run} leaves
 * them by committing after every feed pass: fewer files, the same current rows through the card's
 * query, every file's offsets right, and a crash at either step settled.
 */
class CompactionMergeTest {
  private static final long LIMIT = 20;

  /**
   * Records per commit: under a quarter of the row limit, so every shard a commit writes is small.
   */
  private static final int BATCH = 4;

  private static final Map<String, FigureRecord> PAIRS =
      DatasetSinkTest.pairs(SampleTopics.ARTICLES);

  @TempDir Path dir;

  @Test
  void shouldMergeSmallShardsIntoFewerFilesWithTheSameCurrentRowsAndOffsets() throws IOException {
    assertThat(BATCH).isLessThan((int) (LIMIT * Compactor.SMALL_SHARE));
    List<ExtractedArticle> commercial =
        SampleTopics.ARTICLES.stream()
            .filter(
                a -> a.figures().size() >= 2 && !NON_COMMERCIAL.contains(a.article().articleKey()))
            .toList();
    SampleTopics topics = SampleTopics.upsertAll(NON_COMMERCIAL);
    // a new version of one pair, committed shards after the first: only its offset says it is the
    // newer one
    topics.figure(commercial.get(0).figures().get(1), commercial.get(0).article(), "commercial");
    topics.tombstone("figures", commercial.get(1).figures().get(0).pairId(), "removed");
    List<TopicRecord> records = topics.records();

    try (DatasetSink sink =
        DatasetSinkTest.open(
            SinkSettings.defaults(dir).withShardRows(LIMIT), FaultPoint.Hook.NONE)) {
      commitInBatches(sink, records);
      Map<String, Long> before = shardsCommitted(records);
      assertThat(filesPerStream(sink.manifest())).isEqualTo(before);
      List<List<Object>> figures = current(DatasetLayout.FIGURES);
      List<List<Object>> articles = current(DatasetLayout.ARTICLES);
      assertThat(figures).hasSize(82 - 1);
      assertThat(articles).hasSize(9);
      Map<String, Map<String, Long>> positions = sink.manifest().positions();

      CompactionResult result = sink.compact(false);

      Map<String, Long> after = shardsAfterMerging(records);
      assertThat(filesPerStream(result.manifest())).isEqualTo(after);
      List<String> mergedStreams =
          before.keySet().stream()
              .filter(s -> !s.endsWith("/" + DatasetLayout.DELETES) && before.get(s) > 1)
              .toList();
      assertThat((long) result.merged())
          .isEqualTo(mergedStreams.stream().mapToLong(before::get).sum());
      assertThat((long) result.mergedInto())
          .isEqualTo(mergedStreams.stream().mapToLong(after::get).sum());
      assertThat(result.rowsRemoved())
          .isEqualTo(2); // the pair's older version and the removed pair
      assertThat(result.rewritten()).isZero();
      // the same rows, at the same offsets, read the card's way; and now the files alone are the
      // current rows
      assertThat(current(DatasetLayout.FIGURES)).containsExactlyInAnyOrderElementsOf(figures);
      assertThat(current(DatasetLayout.ARTICLES)).containsExactlyInAnyOrderElementsOf(articles);
      assertThat(plain(DatasetLayout.FIGURES)).containsExactlyInAnyOrderElementsOf(figures);
      assertThat(plain(DatasetLayout.ARTICLES)).containsExactlyInAnyOrderElementsOf(articles);
      assertThat(result.manifest().positions()).isEqualTo(positions);
      assertThat(offsetsByFile(result.manifest())).isEqualTo(offsetsReadBack(result.manifest()));
      Map<String, Map<String, List<Long>>> liveRanges = ranges(figures, DatasetLayout.FIGURES);
      liveRanges.putAll(ranges(articles, DatasetLayout.ARTICLES));
      assertThat(rangesByStream(result.manifest())).isEqualTo(liveRanges);
    }
    assertThat(hiddenFiles()).isEmpty();
  }

  @Test
  void shouldRollAMergeAtTheShardRowLimitAndLeaveItsFullShardsAlone() throws IOException {
    List<TopicRecord> records = SampleTopics.upsertAll(List.of()).records();
    try (DatasetSink sink =
        DatasetSinkTest.open(
            SinkSettings.defaults(dir).withShardRows(LIMIT), FaultPoint.Hook.NONE)) {
      commitInBatches(sink, records);
      CompactionResult first = sink.compact(false);

      List<Long> full = new ArrayList<>();
      for (long rows = 82; rows > 0; rows -= LIMIT) {
        full.add(Math.min(rows, LIMIT));
      }
      assertThat(rowsOf(first.manifest(), "figures/commercial"))
          .containsExactlyElementsOf(full); // 20 20 20 20 2
      assertThat(rowsOf(first.manifest(), "articles/commercial")).containsExactly(9L);
      assertThat(first.manifest().files())
          .allSatisfy(f -> assertThat(f.rows()).isLessThanOrEqualTo(LIMIT));

      // the full shards are not small, and the one small shard left has nothing to merge with
      CompactionResult second = sink.compact(false);
      assertThat(second.merged()).isZero();
      assertThat(paths(second.manifest())).isEqualTo(paths(first.manifest()));
    }
    assertThat(Duck.strings("SELECT pair_id FROM read_parquet('" + dir + "/figures/*/*.parquet')"))
        .containsExactlyInAnyOrderElementsOf(PAIRS.keySet());
  }

  @ParameterizedTest
  @EnumSource(
      value = FaultPoint.class,
      names = {"COMPACTION_WRITTEN", "COMPACTION_MANIFEST_WRITTEN"})
  void shouldSettleAMergeThatCrashedAtTheOldOrTheNewFiles(FaultPoint point) throws IOException {
    FigureRecord removed = PAIRS.values().iterator().next();
    SampleTopics topics =
        SampleTopics.upsertAll(NON_COMMERCIAL).tombstone("figures", removed.pairId(), "removed");
    List<TopicRecord> records = topics.records();
    Set<String> live = new HashSet<>(PAIRS.keySet());
    live.remove(removed.pairId());
    SinkSettings settings = SinkSettings.defaults(dir).withShardRows(LIMIT);
    FaultPoint.Hook crash =
        p -> {
          if (p == point) {
            throw new IOException("crash at " + p);
          }
        };
    DatasetSink first = DatasetSinkTest.open(settings, crash);
    commitInBatches(first, records);
    Set<String> old = paths(first.manifest());
    assertThatThrownBy(() -> first.compact(false)).hasMessage("crash at " + point);
    first.close();

    try (DatasetSink again = DatasetSinkTest.open(settings, FaultPoint.Hook.NONE)) {
      assertThat(parquetFilesOnDisk()).isEqualTo(paths(again.manifest()));
      if (point == FaultPoint.COMPACTION_WRITTEN) {
        assertThat(paths(again.manifest())).isEqualTo(old);
      } else {
        assertThat(filesPerStream(again.manifest())).isEqualTo(shardsAfterMerging(records));
      }
      assertThat(
              Duck.strings(
                  "SELECT pair_id FROM ("
                      + LiveRows.currentRowsQuery(dir.toString(), "figures")
                      + ")"))
          .containsExactlyInAnyOrderElementsOf(live);
      again.compact(false);
      assertThat(filesPerStream(again.manifest())).isEqualTo(shardsAfterMerging(records));
    }
    assertThat(Duck.strings("SELECT pair_id FROM read_parquet('" + dir + "/figures/*/*.parquet')"))
        .containsExactlyInAnyOrderElementsOf(live);
    assertThat(hiddenFiles()).isEmpty();
  }

  /** What {@code figstream run} does on a busy feed: a commit after every few records. */
  @Test
  void shouldRollAMergeAtTheShardByteLimit() throws IOException {
    List<TopicRecord> records = SampleTopics.upsertAll(List.of()).records();
    try (DatasetSink sink =
        DatasetSinkTest.open(SinkSettings.defaults(dir), FaultPoint.Hook.NONE)) {
      commitInBatches(sink, records);
    }
    List<ShardEntry> committed = shardsOf(ManifestStore.read(dir), "figures/commercial");
    long largest = committed.stream().mapToLong(ShardEntry::bytes).max().orElseThrow();
    long total = committed.stream().mapToLong(ShardEntry::bytes).sum();
    // A byte limit that makes every committed shard small, and that the merged rows cannot fit in
    // once.
    long limit = 4 * largest + 1;
    assertThat(total).isGreaterThan(limit);
    // A shard is finished at the first row that takes it to the limit: it can exceed it by one row.
    long largestRow =
        records.stream()
            .mapToLong(r -> r.value() == null ? 0 : r.value().length)
            .max()
            .orElseThrow();

    try (DatasetSink sink =
        DatasetSinkTest.open(
            SinkSettings.defaults(dir).withShardBytes(limit), FaultPoint.Hook.NONE)) {
      CompactionResult result = sink.compact(false);

      List<ShardEntry> merged = shardsOf(result.manifest(), "figures/commercial");
      assertThat(result.merged()).isGreaterThanOrEqualTo(committed.size());
      assertThat(merged).hasSizeGreaterThan(1).hasSizeLessThan(committed.size());
      assertThat(merged).allSatisfy(f -> assertThat(f.bytes()).isLessThan(limit + largestRow));
      assertThat(merged.stream().mapToLong(ShardEntry::rows).sum()).isEqualTo(PAIRS.size());
    }
    assertThat(Duck.strings("SELECT pair_id FROM read_parquet('" + dir + "/figures/*/*.parquet')"))
        .containsExactlyInAnyOrderElementsOf(PAIRS.keySet());
  }

  private static List<ShardEntry> shardsOf(Manifest m, String stream) {
    return m.files().stream().filter(f -> f.stream().equals(stream)).toList();
  }

  private static void commitInBatches(DatasetSink sink, List<TopicRecord> records)
      throws IOException {
    for (int i = 0; i < records.size(); i += BATCH) {
      sink.write(records.subList(i, Math.min(i + BATCH, records.size())));
      sink.commitAll();
    }
  }

  /** The stream a record goes to: its table and its article's subset, or its table's deletes. */
  private static String stream(TopicRecord r) {
    if (r.tombstone()) {
      return DatasetLayout.deletes(r.topic());
    }
    String article =
        r.topic().equals(DatasetLayout.FIGURES) ? PAIRS.get(r.key()).articleKey() : r.key();
    return DatasetLayout.rows(
        r.topic(), NON_COMMERCIAL.contains(article) ? "noncommercial" : "commercial");
  }

  /**
   * Files per stream after committing {@code records} {@link #BATCH} at a time: one per commit that
   * has records of the stream (no shard fills up), and the empty delete file each table starts
   * with.
   */
  private static Map<String, Long> shardsCommitted(List<TopicRecord> records) {
    Map<String, Long> files = new TreeMap<>(Map.of("figures/deletes", 1L, "articles/deletes", 1L));
    for (int i = 0; i < records.size(); i += BATCH) {
      records.subList(i, Math.min(i + BATCH, records.size())).stream()
          .map(CompactionMergeTest::stream)
          .distinct()
          .forEach(s -> files.merge(s, 1L, Long::sum));
    }
    return files;
  }

  /**
   * Files per stream once merged: the current rows of each in full shards and a last one; one
   * delete file.
   */
  private static Map<String, Long> shardsAfterMerging(List<TopicRecord> records) {
    Map<String, TopicRecord> latest = new LinkedHashMap<>();
    records.forEach(r -> latest.put(r.topic() + " " + r.key(), r));
    Map<String, Long> files = new TreeMap<>(Map.of("figures/deletes", 1L, "articles/deletes", 1L));
    latest.values().stream()
        .filter(r -> !r.tombstone())
        .collect(Collectors.groupingBy(CompactionMergeTest::stream, Collectors.counting()))
        .forEach((stream, rows) -> files.put(stream, (rows + LIMIT - 1) / LIMIT));
    return files;
  }

  private static Map<String, Long> filesPerStream(Manifest m) {
    return m.files().stream()
        .collect(Collectors.groupingBy(ShardEntry::stream, TreeMap::new, Collectors.counting()));
  }

  private static List<Long> rowsOf(Manifest m, String stream) {
    return m.files().stream().filter(f -> f.stream().equals(stream)).map(ShardEntry::rows).toList();
  }

  private static Set<String> paths(Manifest m) {
    return m.files().stream().map(ShardEntry::path).collect(Collectors.toSet());
  }

  /** Key, partition, offset and subset of the current rows, through the card's query. */
  private List<List<Object>> current(String table) {
    return Duck.rows(
        "SELECT "
            + LiveRows.keyColumn(table)
            + ", kafka_partition, kafka_offset, subset FROM ("
            + LiveRows.currentRowsQuery(dir.toString(), table)
            + ")");
  }

  /** The same columns of every row in the table's files. */
  private List<List<Object>> plain(String table) {
    return Duck.rows(
        "SELECT "
            + LiveRows.keyColumn(table)
            + ", kafka_partition, kafka_offset, subset FROM "
            + "read_parquet('"
            + dir
            + "/"
            + table
            + "/*/*.parquet')");
  }

  /**
   * First and last offset of {@code rows} (as {@link #current} reads them), by stream and
   * partition.
   */
  private static Map<String, Map<String, List<Long>>> ranges(
      List<List<Object>> rows, String table) {
    Map<String, Map<String, List<Long>>> out = new TreeMap<>();
    for (List<Object> r : rows) {
      long offset = ((Number) r.get(2)).longValue();
      out.computeIfAbsent(table + "/" + r.get(3), s -> new TreeMap<>())
          .merge(
              table + "-" + r.get(1),
              List.of(offset, offset),
              (a, b) -> List.of(Math.min(a.get(0), b.get(0)), Math.max(a.get(1), b.get(1))));
    }
    return out;
  }

  /** The offsets the manifest says the row files of each stream cover, by partition. */
  private static Map<String, Map<String, List<Long>>> rangesByStream(Manifest m) {
    Map<String, Map<String, List<Long>>> out = new TreeMap<>();
    for (ShardEntry f : m.files()) {
      if (!f.deletes()) {
        f.offsets()
            .forEach(
                (tp, range) ->
                    out.computeIfAbsent(f.stream(), s -> new TreeMap<>())
                        .merge(
                            tp,
                            List.of(range[0], range[1]),
                            (a, b) ->
                                List.of(
                                    Math.min(a.get(0), b.get(0)), Math.max(a.get(1), b.get(1)))));
      }
    }
    return out;
  }

  private static Map<String, Map<String, List<Long>>> offsetsByFile(Manifest m) {
    Map<String, Map<String, List<Long>>> out = new TreeMap<>();
    for (ShardEntry f : m.files()) {
      Map<String, List<Long>> ranges = new TreeMap<>();
      f.offsets().forEach((tp, range) -> ranges.put(tp, List.of(range[0], range[1])));
      out.put(f.path(), ranges);
    }
    return out;
  }

  /** First and last offset of every file's rows by partition, as DuckDB reads them. */
  private Map<String, Map<String, List<Long>>> offsetsReadBack(Manifest m) {
    Map<String, String> tables =
        m.files().stream().collect(Collectors.toMap(ShardEntry::path, ShardEntry::table));
    Map<String, Map<String, List<Long>>> out = new TreeMap<>();
    tables.keySet().forEach(path -> out.put(path, new TreeMap<>()));
    for (List<Object> r :
        Duck.rows(
            "SELECT filename, kafka_partition, min(kafka_offset), max(kafka_offset) FROM "
                + "read_parquet('"
                + dir
                + "/*/*/*.parquet', filename = true) GROUP BY ALL")) {
      String path = dir.relativize(Path.of((String) r.get(0))).toString();
      out.get(path)
          .put(
              tables.get(path) + "-" + r.get(1),
              List.of(((Number) r.get(2)).longValue(), ((Number) r.get(3)).longValue()));
    }
    return out;
  }

  private Set<String> parquetFilesOnDisk() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> p.toString().endsWith(".parquet"))
          .map(p -> dir.relativize(p).toString())
          .collect(Collectors.toSet());
    }
  }

  private List<Path> hiddenFiles() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> p.getFileName().toString().startsWith("."))
          .filter(p -> !p.getFileName().toString().equals(WriterLock.FILE)) // held while open
          .toList();
    }
  }
}
