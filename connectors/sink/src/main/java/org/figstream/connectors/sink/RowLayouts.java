package org.figstream.connectors.sink;

import java.io.IOException;
import org.apache.avro.Schema;
import org.figstream.connectors.sink.manifest.DatasetLayout;
import org.figstream.connectors.sink.manifest.ShardEntry;
import org.figstream.connectors.sink.rows.ArticleRows;
import org.figstream.connectors.sink.shard.ParquetFiles;
import org.figstream.records.codec.RecordSchemas;

/**
 * The row layout each table's shards are written in now, and which shards an older figstream wrote
 * in another. Readers that need one schema per table (Hugging Face {@code datasets}, a DuckDB glob
 * without {@code union_by_name}) cannot read a table whose files differ, so compaction rewrites the
 * older ones ({@link Compactor}). Avro's schema equality ignores documentation, so a reworded
 * column description rewrites nothing.
 */
final class RowLayouts {
  private RowLayouts() {}

  static Schema current(String table) {
    return table.equals(DatasetLayout.FIGURES) ? RecordSchemas.FIGURE_ROW : ArticleRows.ROW;
  }

  /** Whether a row shard was written in another layout than its table's current one. */
  static boolean outdated(DatasetFiles files, ShardEntry shard) throws IOException {
    return !ParquetFiles.writtenSchema(files.path(shard.path())).equals(current(shard.table()));
  }
}
