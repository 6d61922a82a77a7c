package org.figstream.connectors.sink;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * DuckDB as the independent reader of the dataset's Parquet files (tests of connectors and
 * topology).
 */
public final class Duck {
  private Duck() {}

  public static List<List<Object>> rows(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      List<List<Object>> out = new ArrayList<>();
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(r.getObject(i));
        }
        out.add(row);
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  public static long count(String sql) {
    return ((Number) rows(sql).get(0).get(0)).longValue();
  }

  public static List<String> strings(String sql) {
    return rows(sql).stream().map(r -> String.valueOf(r.get(0))).toList();
  }
}
