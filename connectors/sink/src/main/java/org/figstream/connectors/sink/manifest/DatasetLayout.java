package org.figstream.connectors.sink.manifest;

import java.util.List;

/**
 * The tables of a dataset, the license subsets each is split into, and the streams (shard files
 * written in one sequence: a table and subset, or a table's deletes) with the folder each is kept
 * in.
 */
public final class DatasetLayout {
  public static final String FIGURES = "figures";
  public static final String ARTICLES = "articles";
  public static final List<String> TABLES = List.of(FIGURES, ARTICLES);
  public static final List<String> SUBSETS = List.of("commercial", "noncommercial", "other");
  public static final String DELETES = "deletes";

  private DatasetLayout() {}

  public static String rows(String table, String subset) {
    return table + "/" + subset;
  }

  public static String deletes(String table) {
    return table + "/" + DELETES;
  }

  /** Folder of a stream's files: {@code figures/commercial}, {@code deletes/figures}. */
  public static String folder(String stream) {
    int slash = stream.indexOf('/');
    String table = stream.substring(0, slash);
    String rest = stream.substring(slash + 1);
    return rest.equals(DELETES) ? DELETES + "/" + table : stream;
  }
}
