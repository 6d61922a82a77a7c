package org.figstream.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.figstream.connectors.sink.Duck;
import org.figstream.connectors.sink.LiveRows;

/** A run's Parquet dataset as DuckDB reads it with the card's query, one line per live pair. */
final class DatasetRows {
  private DatasetRows() {}

  /**
   * Pair id, MD5 of the caption and the image's size of every current row, sorted; empty when the
   * run kept no dataset.
   */
  static List<String> read(Path dataset) {
    if (!Files.exists(dataset.resolve("_manifest.json"))) {
      return List.of();
    }
    return Duck.strings(
        "SELECT pair_id || ' ' || md5(coalesce(caption, '')) || ' ' ||"
            + " coalesce(octet_length(image.bytes), -1) FROM ("
            + LiveRows.currentRowsQuery(dataset.toString(), "figures")
            + ") ORDER BY 1");
  }
}
