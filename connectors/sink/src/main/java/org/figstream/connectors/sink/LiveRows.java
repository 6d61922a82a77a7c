package org.figstream.connectors.sink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetReader;
import org.figstream.connectors.sink.manifest.DatasetLayout;
import org.figstream.connectors.sink.manifest.Manifest;
import org.figstream.connectors.sink.manifest.ShardEntry;
import org.figstream.connectors.sink.shard.ParquetFiles;

/**
 * Which rows of a table are current, from the key and offset columns alone: a row is dead when a
 * delete or another row of the same key has a higher offset. This is the rule the dataset card's
 * DuckDB query applies; compaction and the WebDataset export apply it here.
 */
public final class LiveRows {
  /** Per key: its highest offset, and the file that holds it (an index into {@link #files}). */
  private final Map<String, long[]> newest = new HashMap<>();

  private final List<String> files = new ArrayList<>();

  /** Per file path, how many keys have their current row in it; counted once, when first asked. */
  private Map<String, Long> liveByFile;

  private LiveRows() {}

  public static String keyColumn(String table) {
    return table.equals(DatasetLayout.FIGURES) ? "pair_id" : "article_key";
  }

  /**
   * The key column of one of the dataset's files: {@code key} in a delete file, else its table's
   * key.
   */
  static String keyColumn(ShardEntry file) {
    return file.deletes() ? "key" : keyColumn(file.table());
  }

  /**
   * The one DuckDB query that reads the current rows of {@code table} ({@code figures} or {@code
   * articles}) of the dataset at {@code dir}, applying the rule of this class to the files as they
   * are, compacted or not. Both tables are read with {@code union_by_name}: articles shards written
   * before article.v2 lack the {@code pubmed_} columns, figures shards written before row layout 3
   * the {@code ocr} column, which then read as null.
   */
  public static String currentRowsQuery(String dir, String table) {
    String key = keyColumn(table);
    String t = table.substring(0, 1);
    return "SELECT "
        + t
        + ".* FROM read_parquet('"
        + dir
        + "/"
        + table
        + "/*/*.parquet'"
        + ", union_by_name = true"
        + ") "
        + t
        + "\n"
        + "WHERE NOT EXISTS (SELECT 1 FROM read_parquet('"
        + dir
        + "/"
        + DatasetLayout.DELETES
        + "/"
        + table
        + "/*.parquet') d\n"
        + "                  WHERE d.key = "
        + t
        + "."
        + key
        + " AND d.kafka_offset > "
        + t
        + ".kafka_offset)\n"
        + "QUALIFY row_number() OVER (PARTITION BY "
        + t
        + "."
        + key
        + " ORDER BY "
        + t
        + ".kafka_offset DESC) = 1";
  }

  /**
   * The DuckDB query, on the dataset at {@code dir}, that counts the current figures per MeSH
   * descriptor of their article, major topics only (NLM marks a descriptor major, or one of its
   * qualifiers when only that aspect is central: Asthma/drug therapy), most figures first.
   */
  public static String figuresPerMajorMeshQuery(String dir) {
    return currentTables(dir)
        + "SELECT m.descriptor_name, m.descriptor_ui, count(*) AS figures\n"
        + "FROM figures f\n"
        + "JOIN (SELECT article_key, unnest(pubmed_mesh_headings) AS m FROM articles) a\n"
        + "  ON a.article_key = f.article_key\n"
        + "WHERE m.major_topic OR list_bool_or([q.major_topic FOR q IN m.qualifiers])\n"
        + "GROUP BY ALL\n"
        + "ORDER BY figures DESC, m.descriptor_name";
  }

  /**
   * The DuckDB query, on the dataset at {@code dir}, for the current figures of articles indexed
   * with the MeSH descriptor {@code descriptorUi} (any role) and of publication type {@code
   * publicationType}.
   */
  public static String figuresByMeshAndPublicationTypeQuery(
      String dir, String descriptorUi, String publicationType) {
    return currentTables(dir)
        + "SELECT f.pair_id, f.caption, a.title\n"
        + "FROM figures f JOIN articles a ON a.article_key = f.article_key\n"
        + "WHERE list_contains([m.descriptor_ui FOR m IN a.pubmed_mesh_headings], '"
        + descriptorUi
        + "')\n"
        + "  AND list_contains([t.name FOR t IN a.pubmed_publication_types], '"
        + publicationType
        + "')\n"
        + "ORDER BY f.pair_id";
  }

  private static String currentTables(String dir) {
    return "WITH figures AS (\n"
        + currentRowsQuery(dir, DatasetLayout.FIGURES)
        + "),\narticles AS (\n"
        + currentRowsQuery(dir, DatasetLayout.ARTICLES)
        + ")\n";
  }

  /** Reads the keys and offsets of every committed file of {@code table}. */
  public static LiveRows of(DatasetFiles files, Manifest manifest, String table)
      throws IOException {
    LiveRows live = new LiveRows();
    for (ShardEntry f : manifest.files()) {
      if (f.table().equals(table)) {
        live.scan(files, f, keyColumn(f));
      }
    }
    return live;
  }

  private void scan(DatasetFiles dataset, ShardEntry file, String keyColumn) throws IOException {
    long index = files.size();
    files.add(file.path());
    try (ParquetReader<GenericRecord> reader =
        ParquetFiles.reader(dataset.path(file.path()), projection(keyColumn))) {
      for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
        long offset = (Long) r.get("kafka_offset");
        newest.merge(
            r.get(keyColumn).toString(),
            new long[] {offset, index},
            (was, now) -> now[0] > was[0] ? now : was);
      }
    }
  }

  /** Whether the row of {@code key} at {@code offset} is the current one. */
  public boolean isLive(String key, long offset) {
    long[] top = newest.get(key);
    return top == null || top[0] <= offset;
  }

  /**
   * Rows of {@code file}, one of those read, that are dead: all but those holding their key's
   * current offset. A (key, offset) is in one file only, so these are counted from the scan,
   * without reading the file again.
   */
  public long deadRows(ShardEntry file) {
    if (liveByFile == null) {
      liveByFile = new HashMap<>();
      newest.values().forEach(top -> liveByFile.merge(files.get((int) top[1]), 1L, Long::sum));
    }
    return file.rows() - liveByFile.getOrDefault(file.path(), 0L);
  }

  static Schema projection(String keyColumn) {
    return SchemaBuilder.record("Keys")
        .fields()
        .requiredString(keyColumn)
        .requiredLong("kafka_offset")
        .endRecord();
  }
}
