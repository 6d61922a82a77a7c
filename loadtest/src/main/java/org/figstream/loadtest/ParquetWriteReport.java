package org.figstream.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;
import org.figstream.connectors.sink.DatasetSink;
import org.figstream.connectors.sink.FaultPoint;
import org.figstream.connectors.sink.SinkSettings;
import org.figstream.connectors.sink.TopicRecord;
import org.figstream.connectors.sink.manifest.ShardEntry;
import org.figstream.connectors.sink.shard.ParquetFiles;
import org.figstream.records.codec.RecordSchemas;

/**
 * Rows/s and MB/s of figstream's Parquet writer ({@link ParquetFiles#writer}: parquet-avro, zstd,
 * 64 MB row groups) against DuckDB's own {@code COPY ... TO (FORMAT parquet)} of the same rows, in
 * alternating rounds of one run, with the ratio figstream/DuckDB per round and as a median (target
 * 1.0 or better). DuckDB is an independent writer (C++, columnar input), measured twice: with its
 * default thread count and with {@code SET threads = 1}, since figstream's writer is
 * single-threaded.
 *
 * <p>The rows are {@link SampleFigureRows}: the sample articles' real figure-caption pairs with
 * their real normalised JPEGs, repeated (each copy its own image bytes) to the row count, with
 * random 1280-d image and 384-d caption embeddings and taxonomy labels. Each round times:
 *
 * <ul>
 *   <li>figstream: the rows as {@code GenericRecord}s (dataset-figure.v3) into {@code
 *       ParquetFiles.writer}, writer closed;
 *   <li>DuckDB: {@code COPY t TO ... (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE_BYTES
 *       '64MB')} of an in-memory table loaded, before the rounds, from figstream's file (the load
 *       is not timed), with {@code preserve_insertion_order = false}, without which DuckDB ignores
 *       the byte size of row groups; then once more with one thread and {@code COMPRESSION_LEVEL
 *       1}, the level figstream writes images at (DuckDB has one level per file; its default is the
 *       codec's, 3), for a like-for-like ratio;
 *   <li>the whole sink path, reported on its own: {@code DatasetSink.write} of the same rows as
 *       {@code figures} topic records (Avro single-object bytes decoded, mapped by FigureRows,
 *       written) and {@code commitAll} (shards closed, synced, manifest, card), into a fresh
 *       dataset directory.
 * </ul>
 *
 * <p>MB/s are given of input and of output: input is the rows' Avro binary size (the same for every
 * writer), output the size of the file written. Afterwards both files are read back with DuckDB and
 * must hold the same rows (count, image bytes, embedding values), and their sizes and per-column
 * encodings are printed. Files go to {@code /dev/shm} when it exists (no disk in the measurement),
 * else to the temporary directory; {@code -Dfigstream.bench.dir=DIR} chooses. Run, from the
 * repository root (~2 min, a few GB of memory):
 *
 * <pre>
 * ./mvnw -q -B -DskipTests package
 * java -cp loadtest/target/figstream-loadtest.jar org.figstream.loadtest.ParquetWriteReport [rows [rounds]]
 * </pre>
 *
 * Defaults: 10,000 rows, 3 rounds.
 */
public final class ParquetWriteReport {
  private static final String DUCKDB_OPTIONS =
      "FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE_BYTES '64MB'";

  /** DuckDB has one zstd level per file; figstream writes images, most of the bytes, at level 1. */
  private static final String DUCKDB_LEVEL_1_OPTIONS = DUCKDB_OPTIONS + ", COMPRESSION_LEVEL 1";

  private ParquetWriteReport() {}

  public static void main(String[] args) throws Exception {
    int rowCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory(workRoot(), "figstream-parquet-bench-");
    try {
      run(rowCount, rounds, dir);
    } finally {
      deleteTree(dir);
    }
  }

  private static void run(int rowCount, int rounds, Path dir) throws Exception {
    long loadStart = System.nanoTime();
    SampleFigureRows.Rows data = SampleFigureRows.build(rowCount);
    double inputMb = data.payloadBytes() / 1e6;
    System.out.printf(
        "rows: %,d (%d sample pairs, %d with images, repeated); %.1f MB of JPEG, %.1f MB of rows "
            + "as Avro binary (input MB below); built in %.1f s; files under %s%n",
        rowCount,
        data.samplePairs(),
        data.sampleImages(),
        data.imageBytes() / 1e6,
        inputMb,
        (System.nanoTime() - loadStart) / 1e9,
        dir);

    Path figstreamFile = dir.resolve("figstream.parquet");
    Path duckFile = dir.resolve("duckdb.parquet");
    Path duckSingleFile = dir.resolve("duckdb-1-thread.parquet");
    Path duckLevel1File = dir.resolve("duckdb-1-thread-level-1.parquet");
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement()) {
      long defaultThreads = longOf(sql, "SELECT current_setting('threads')");
      sql.execute("SET preserve_insertion_order = false");

      // Warm-up: each writer once; figstream's file is also what DuckDB's table is loaded from.
      writeFigstream(data.rows(), figstreamFile);
      sql.execute("CREATE TABLE t AS SELECT * FROM read_parquet('" + figstreamFile + "')");
      copyDuckDb(sql, defaultThreads, DUCKDB_OPTIONS, duckFile);
      copyDuckDb(sql, 1, DUCKDB_OPTIONS, duckSingleFile);
      copyDuckDb(sql, 1, DUCKDB_LEVEL_1_OPTIONS, duckLevel1File);
      writeSink(data.records(), dir.resolve("dataset-warmup"));

      List<Double> ratiosDefault = new ArrayList<>();
      List<Double> ratiosSingle = new ArrayList<>();
      List<Double> ratiosLevel1 = new ArrayList<>();
      List<Double> ratiosSink = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        double fig = writeFigstream(data.rows(), figstreamFile);
        double duckDefault = copyDuckDb(sql, defaultThreads, DUCKDB_OPTIONS, duckFile);
        double duckSingle = copyDuckDb(sql, 1, DUCKDB_OPTIONS, duckSingleFile);
        double duckLevel1 = copyDuckDb(sql, 1, DUCKDB_LEVEL_1_OPTIONS, duckLevel1File);
        SinkResult sink = writeSink(data.records(), dir.resolve("dataset-" + round));
        double figRate = rowCount / fig;
        double defaultRate = rowCount / duckDefault;
        double singleRate = rowCount / duckSingle;
        double level1Rate = rowCount / duckLevel1;
        double sinkRate = rowCount / sink.seconds();
        ratiosDefault.add(figRate / defaultRate);
        ratiosSingle.add(figRate / singleRate);
        ratiosLevel1.add(figRate / level1Rate);
        ratiosSink.add(sinkRate / singleRate);
        System.out.printf("round %d:%n", round);
        line("figstream ParquetFiles.writer", rowCount, fig, inputMb, Files.size(figstreamFile));
        line(
            "DuckDB COPY, threads=" + defaultThreads + " (default)",
            rowCount,
            duckDefault,
            inputMb,
            Files.size(duckFile));
        line("DuckDB COPY, threads=1", rowCount, duckSingle, inputMb, Files.size(duckSingleFile));
        line(
            "DuckDB COPY, threads=1, zstd level 1",
            rowCount,
            duckLevel1,
            inputMb,
            Files.size(duckLevel1File));
        line(
            "figstream DatasetSink.write+commitAll",
            sink.rows(),
            sink.seconds(),
            inputMb,
            sink.bytes());
        System.out.printf(
            "  ratio figstream/DuckDB rows/s: %.2f vs threads=%d, %.2f vs threads=1, %.2f vs threads=1 "
                + "level 1; sink path/DuckDB threads=1: %.2f%n",
            figRate / defaultRate,
            defaultThreads,
            figRate / singleRate,
            figRate / level1Rate,
            sinkRate / singleRate);
      }

      System.out.println(
          "read back with DuckDB (rows, image bytes, image/caption embedding values, pair ids):");
      String figCheck = check(sql, figstreamFile);
      String duckCheck = check(sql, duckFile);
      String duckSingleCheck = check(sql, duckSingleFile);
      String duckLevel1Check = check(sql, duckLevel1File);
      System.out.printf(
          "  figstream    %s%n  DuckDB       %s%n  DuckDB 1t    %s%n  DuckDB 1t l1 %s%n",
          figCheck, duckCheck, duckSingleCheck, duckLevel1Check);
      if (!figCheck.equals(duckCheck)
          || !figCheck.equals(duckSingleCheck)
          || !figCheck.equals(duckLevel1Check)
          || !figCheck.startsWith(rowCount + " rows")) {
        throw new IllegalStateException(
            "the files do not hold the same rows; the comparison is void");
      }
      System.out.println("largest columns (compressed / uncompressed MB, encodings, row groups):");
      columns(sql, "figstream", figstreamFile);
      columns(sql, "DuckDB", duckFile);

      System.out.printf(
          "median ratio figstream/DuckDB rows/s over %d rounds: %.2f vs DuckDB threads=%d (default), "
              + "%.2f vs DuckDB threads=1 (target >= 1.0), %.2f vs DuckDB threads=1 at zstd level 1; "
              + "sink path/DuckDB threads=1: %.2f%n",
          rounds,
          median(ratiosDefault),
          defaultThreads,
          median(ratiosSingle),
          median(ratiosLevel1),
          median(ratiosSink));
    }
  }

  private static void line(
      String what, long rows, double seconds, double inputMb, long outputBytes) {
    System.out.printf(
        "  %-40s %6.2f s  %8.0f rows/s  %7.1f MB/s in  %7.1f MB/s out (%.1f MB file)%n",
        what,
        seconds,
        rows / seconds,
        inputMb / seconds,
        outputBytes / 1e6 / seconds,
        outputBytes / 1e6);
  }

  /** Seconds to write every row through figstream's writer and close it. */
  private static double writeFigstream(List<GenericRecord> rows, Path file) throws IOException {
    Files.deleteIfExists(file);
    System.gc();
    long start = System.nanoTime();
    try (ParquetWriter<GenericRecord> writer =
        ParquetFiles.writer(
            file,
            RecordSchemas.FIGURE_ROW,
            SinkSettings.DEFAULT_ROW_GROUP_BYTES,
            Map.of("figstream.stream", "figures/commercial"))) {
      for (GenericRecord row : rows) {
        writer.write(row);
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Seconds for DuckDB to COPY the table to a Parquet file with {@code threads} threads. */
  private static double copyDuckDb(Statement sql, long threads, String options, Path file)
      throws IOException, SQLException {
    Files.deleteIfExists(file);
    sql.execute("SET threads = " + threads);
    System.gc();
    long start = System.nanoTime();
    sql.execute("COPY t TO '" + file + "' (" + options + ")");
    return (System.nanoTime() - start) / 1e9;
  }

  private record SinkResult(double seconds, long rows, long bytes) {}

  /** The whole sink path into a fresh dataset directory: decode, map, write, commit. */
  private static SinkResult writeSink(List<TopicRecord> records, Path dataset) throws IOException {
    System.gc();
    long start = System.nanoTime();
    long rows = 0;
    long bytes = 0;
    try (DatasetSink sink =
        DatasetSink.open(
            SinkSettings.defaults(dataset),
            FaultPoint.Hook.NONE,
            (r, why) -> {
              throw new IllegalStateException("rejected " + r.key() + ": " + why);
            })) {
      for (TopicRecord r : records) {
        sink.write(r);
      }
      sink.commitAll();
      double seconds = (System.nanoTime() - start) / 1e9;
      for (ShardEntry e : sink.manifest().files()) {
        if (!e.deletes()) {
          rows += e.rows();
          bytes += e.bytes();
        }
      }
      if (rows != records.size()) {
        throw new IllegalStateException(
            "the sink committed " + rows + " rows of " + records.size());
      }
      deleteTree(dataset);
      return new SinkResult(seconds, rows, bytes);
    }
  }

  private static String check(Statement sql, Path file) throws SQLException {
    try (ResultSet r =
        sql.executeQuery(
            "SELECT count(*), sum(octet_length(image.bytes)), sum(len(image_embedding)), "
                + "sum(len(caption_embedding)), sum(list_sum(image_embedding)), count(DISTINCT pair_id) "
                + "FROM read_parquet('"
                + file
                + "')")) {
      r.next();
      return String.format(
          "%d rows, %d image bytes, %d + %d embedding values (image sum %.4f), %d pair ids",
          r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getDouble(5), r.getLong(6));
    }
  }

  private static void columns(Statement sql, String who, Path file) throws SQLException {
    long groups =
        longOf(sql, "SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + file + "')");
    try (ResultSet r =
        sql.executeQuery(
            "SELECT path_in_schema, sum(total_compressed_size), "
                + "sum(total_uncompressed_size), string_agg(DISTINCT encodings, ' | ') FROM parquet_metadata('"
                + file
                + "') GROUP BY path_in_schema ORDER BY 2 DESC LIMIT 4")) {
      while (r.next()) {
        System.out.printf(
            "  %-9s %-28s %8.1f / %8.1f  %s%n",
            who, r.getString(1), r.getLong(2) / 1e6, r.getLong(3) / 1e6, r.getString(4));
      }
    }
    System.out.printf("  %-9s %d row groups%n", who, groups);
  }

  private static long longOf(Statement sql, String query) throws SQLException {
    try (ResultSet r = sql.executeQuery(query)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  private static Path workRoot() {
    String configured = System.getProperty("figstream.bench.dir");
    if (configured != null) {
      return Path.of(configured);
    }
    Path shm = Path.of("/dev/shm");
    return Files.isDirectory(shm) && Files.isWritable(shm)
        ? shm
        : Path.of(System.getProperty("java.io.tmpdir"));
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
