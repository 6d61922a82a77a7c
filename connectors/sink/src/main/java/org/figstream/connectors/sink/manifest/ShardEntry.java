package org.figstream.connectors.sink.manifest;

import java.util.Map;

/**
 * One committed file of the dataset.
 *
 * @param path relative to the dataset directory, e.g. {@code
 *     figures/commercial/part-000007.parquet}
 * @param stream what the file holds: {@code <table>/<subset>} for rows, {@code <table>/deletes} for
 *     deletes
 * @param offsets the first and last topic offset in the file, by {@code topic-partition}
 */
public record ShardEntry(
    String path, String stream, long rows, long bytes, Map<String, long[]> offsets) {

  public String table() {
    return stream.substring(0, stream.indexOf('/'));
  }

  public boolean deletes() {
    return stream.endsWith("/" + DatasetLayout.DELETES);
  }
}
