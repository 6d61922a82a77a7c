package org.figstream.runtime;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.figstream.connectors.sink.manifest.DatasetLayout;
import org.figstream.connectors.sink.manifest.Manifest;
import org.figstream.connectors.sink.manifest.StreamSize;

/** The lines {@code figstream run} prints about the dataset: what is in it, and how to query it. */
public final class DatasetSummary {
  private DatasetSummary() {}

  public static String describe(Path dir, Manifest m) {
    Map<String, Long> figures = new TreeMap<>();
    long articles = 0;
    long deletes = 0;
    long files = 0;
    for (Map.Entry<String, StreamSize> e : m.sizes().entrySet()) {
      String stream = e.getKey();
      long rows = e.getValue().rows();
      files += e.getValue().files();
      if (stream.endsWith("/" + DatasetLayout.DELETES)) {
        deletes += rows;
      } else if (stream.startsWith(DatasetLayout.FIGURES + "/")) {
        figures.put(stream.substring(stream.indexOf('/') + 1), rows);
      } else {
        articles += rows;
      }
    }
    long total = figures.values().stream().mapToLong(Long::longValue).sum();
    return String.format(
        "dataset: %s: %d figure rows (%s), %d article rows, %d delete records, in %d Parquet files "
            + "(manifest generation %d%s)",
        dir,
        total,
        figures.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ")),
        articles,
        deletes,
        files,
        m.generation(),
        m.webdataset().isEmpty() ? "" : ", " + m.webdataset().size() + " WebDataset tars");
  }

  public static String howToQuery(Path dir) {
    return "dataset: read it with DuckDB: SELECT pair_id, subset, caption FROM read_parquet('"
        + dir
        + "/figures/*/*.parquet'); the card "
        + dir.resolve("README.md")
        + " has the query that applies deletes";
  }
}
