package org.figstream.loadtest;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@link ParquetWriteReport}'s files read back with DuckDB: a speed ratio means nothing unless
 * every writer wrote the same rows, and the column sizes and encodings say where the bytes went.
 */
final class DuckDbReadBack {
  private DuckDbReadBack() {}

  /** Prints each file's summary and throws unless all of them hold the same {@code rows} rows. */
  static void requireSameRows(
      Statement sql, int rows, Path figstream, Path duck, Path duckSingle, Path duckLevel1)
      throws SQLException {
    System.out.println(
        "read back with DuckDB (rows, image bytes, image/caption embedding values, pair ids):");
    String figCheck = check(sql, figstream);
    String duckCheck = check(sql, duck);
    String duckSingleCheck = check(sql, duckSingle);
    String duckLevel1Check = check(sql, duckLevel1);
    System.out.printf(
        "  figstream    %s%n  DuckDB       %s%n  DuckDB 1t    %s%n  DuckDB 1t l1 %s%n",
        figCheck, duckCheck, duckSingleCheck, duckLevel1Check);
    if (!figCheck.equals(duckCheck)
        || !figCheck.equals(duckSingleCheck)
        || !figCheck.equals(duckLevel1Check)
        || !figCheck.startsWith(rows + " rows")) {
      throw new IllegalStateException(
          "the files do not hold the same rows; the comparison is void");
    }
  }

  /** The four largest columns of each file, and its row group count. */
  static void printLargestColumns(Statement sql, Path figstream, Path duck) throws SQLException {
    System.out.println("largest columns (compressed / uncompressed MB, encodings, row groups):");
    columns(sql, "figstream", figstream);
    columns(sql, "DuckDB", duck);
  }

  /** The first column of the first row of a query that returns one number. */
  static long longOf(Statement sql, String query) throws SQLException {
    try (ResultSet r = sql.executeQuery(query)) {
      r.next();
      return r.getLong(1);
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
}
