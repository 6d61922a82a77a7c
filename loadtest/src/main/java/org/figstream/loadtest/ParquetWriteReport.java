package org.figstream.loadtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.figstream.connectors.sink.shard.ParquetFiles;

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
    Path dir = Files.createTempDirectory(BenchDirectory.workRoot(), "figstream-parquet-bench-");
    try {
      run(rowCount, rounds, dir);
    } finally {
      BenchDirectory.deleteTree(dir);
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
      long defaultThreads = DuckDbReadBack.longOf(sql, "SELECT current_setting('threads')");
      sql.execute("SET preserve_insertion_order = false");

      // Warm-up: each writer once; figstream's file is also what DuckDB's table is loaded from.
      TimedParquetWrites.writeFigstream(data.rows(), figstreamFile);
      sql.execute("CREATE TABLE t AS SELECT * FROM read_parquet('" + figstreamFile + "')");
      TimedParquetWrites.copyDuckDb(sql, defaultThreads, DUCKDB_OPTIONS, duckFile);
      TimedParquetWrites.copyDuckDb(sql, 1, DUCKDB_OPTIONS, duckSingleFile);
      TimedParquetWrites.copyDuckDb(sql, 1, DUCKDB_LEVEL_1_OPTIONS, duckLevel1File);
      TimedParquetWrites.writeSink(data.records(), dir.resolve("dataset-warmup"));

      List<Double> ratiosDefault = new ArrayList<>();
      List<Double> ratiosSingle = new ArrayList<>();
      List<Double> ratiosLevel1 = new ArrayList<>();
      List<Double> ratiosSink = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        double fig = TimedParquetWrites.writeFigstream(data.rows(), figstreamFile);
        double duckDefault =
            TimedParquetWrites.copyDuckDb(sql, defaultThreads, DUCKDB_OPTIONS, duckFile);
        double duckSingle = TimedParquetWrites.copyDuckDb(sql, 1, DUCKDB_OPTIONS, duckSingleFile);
        double duckLevel1 =
            TimedParquetWrites.copyDuckDb(sql, 1, DUCKDB_LEVEL_1_OPTIONS, duckLevel1File);
        TimedParquetWrites.SinkResult sink =
            TimedParquetWrites.writeSink(data.records(), dir.resolve("dataset-" + round));
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

      DuckDbReadBack.requireSameRows(
          sql, rowCount, figstreamFile, duckFile, duckSingleFile, duckLevel1File);
      DuckDbReadBack.printLargestColumns(sql, figstreamFile, duckFile);

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

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
