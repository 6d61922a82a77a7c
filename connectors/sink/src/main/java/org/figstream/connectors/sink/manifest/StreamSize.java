package org.figstream.connectors.sink.manifest;

/** How much of a stream the dataset holds: rows (or delete records) and the files they are in. */
public record StreamSize(long rows, int files) {
  StreamSize plus(ShardEntry file) {
    return new StreamSize(rows + file.rows(), files + 1);
  }
}
