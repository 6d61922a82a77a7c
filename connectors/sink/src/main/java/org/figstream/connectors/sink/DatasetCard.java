package org.figstream.connectors.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetReader;
import org.figstream.connectors.sink.manifest.DatasetLayout;
import org.figstream.connectors.sink.manifest.Manifest;
import org.figstream.connectors.sink.manifest.ManifestStore;
import org.figstream.connectors.sink.manifest.ShardEntry;
import org.figstream.connectors.sink.manifest.StreamSize;
import org.figstream.connectors.sink.shard.ParquetFiles;
import org.figstream.records.codec.RecordSchemas;

/**
 * The dataset's {@code README.md} in Hugging Face's layout: the {@code configs} YAML (one config
 * per license subset that has files, and the articles table), counts, how to read the current rows,
 * the columns, and the taxonomy. Rewritten (atomically) at every commit, so it always describes the
 * files.
 *
 * <p>This class writes what describes these files (configs, counts, embeddings); {@link
 * CardReading} has the reading guide and {@link CardReference} the columns and the taxonomy.
 */
final class DatasetCard {
  private static final Schema EMBEDDING_COLUMNS =
      Schema.createRecord(
          RecordSchemas.FIGURE_ROW.getName(),
          null,
          RecordSchemas.FIGURE_ROW.getNamespace(),
          false,
          Stream.of(
                  "image_embedding",
                  "image_embedding_model",
                  "caption_embedding",
                  "caption_embedding_model")
              .map(
                  name ->
                      new Schema.Field(
                          RecordSchemas.FIGURE_ROW.getField(name),
                          RecordSchemas.FIGURE_ROW.getField(name).schema()))
              .toList());

  private DatasetCard() {}

  static void write(DatasetFiles files, Manifest manifest) throws IOException {
    ManifestStore.replace(
        files.root().resolve("README.md"),
        render(files, manifest).getBytes(StandardCharsets.UTF_8));
  }

  static String render(DatasetFiles files, Manifest manifest) throws IOException {
    Map<String, StreamSize> counts = manifest.sizes();
    StringBuilder out =
        new StringBuilder(
                "---\nlicense: other\npretty_name: figstream PMC-OA figure-caption pairs\n")
            .append(
                "task_categories:\n- image-to-text\n- zero-shot-image-classification\nconfigs:\n");
    boolean first = true;
    for (String subset : DatasetLayout.SUBSETS) {
      if (counts.containsKey(DatasetLayout.rows(DatasetLayout.FIGURES, subset))) {
        out.append("- config_name: ")
            .append(subset)
            .append("\n  data_files:\n  - split: train\n    path: figures/")
            .append(subset)
            .append("/*.parquet\n");
        if (first) {
          out.append("  default: true\n");
          first = false;
        }
      }
    }
    if (counts.keySet().stream()
        .anyMatch(s -> s.startsWith(DatasetLayout.ARTICLES + "/") && !s.endsWith("/deletes"))) {
      out.append(
          "- config_name: articles\n  data_files:\n  - split: train\n    path: articles/*/*.parquet\n");
    }
    out.append("---\n\n# figstream PMC-OA figure-caption pairs\n\n")
        .append(
            "Figure-caption pairs of the PubMed Central Open Access subset with their inline mentions, images, ")
        .append(
            "embeddings and BIOMEDICA concept labels, kept in sync with PMC's bucket by figstream. Each license ")
        .append(
            "subset is a config (commercial: CC0, CC BY, CC BY-SA, CC BY-ND; noncommercial: CC BY-NC*; other: ")
        .append("everything else); every row names its own license. Manifest generation ")
        .append(manifest.generation())
        .append(", committed ")
        .append(
            manifest.committedAt() == 0
                ? "never"
                : Instant.ofEpochMilli(manifest.committedAt()).toString())
        .append(".\n\n| files | rows | Parquet files |\n|---|---:|---:|\n");
    counts.forEach(
        (stream, c) ->
            out.append("| ")
                .append(DatasetLayout.folder(stream))
                .append(" | ")
                .append(c.rows())
                .append(" | ")
                .append(c.files())
                .append(" |\n"));
    out.append(
            "\nA row is current unless a delete record or a later row of the same key has a higher ")
        .append(
            "`kafka_offset`. Compaction rewrites shards without such rows; until it has run, read the current ")
        .append("figures with DuckDB:\n\n```sql\n")
        .append(LiveRows.currentRowsQuery(".", DatasetLayout.FIGURES))
        .append(";\n```\n\n");
    embeddings(files, manifest, out);
    out.append(CardReading.READING);
    out.append(CardReading.PUBMED);
    CardReading.webdataset(manifest, out);
    out.append(CardReference.REFERENCE);
    return out.toString();
  }

  private static void embeddings(DatasetFiles files, Manifest manifest, StringBuilder out)
      throws IOException {
    List<ShardEntry> shards =
        manifest.files().stream()
            .filter(f -> f.table().equals(DatasetLayout.FIGURES) && !f.deletes() && f.rows() > 0)
            .toList();
    if (shards.isEmpty()) {
      return;
    }
    // only the embedding columns: a whole row group of images would be read at every commit
    // otherwise
    try (ParquetReader<GenericRecord> reader =
        ParquetFiles.reader(files.path(shards.get(shards.size() - 1).path()), EMBEDDING_COLUMNS)) {
      GenericRecord r = reader.read();
      for (String column : List.of("image_embedding", "caption_embedding")) {
        if (r != null && r.get(column) != null) {
          out.append("`")
              .append(column)
              .append("`: ")
              .append(((List<?>) r.get(column)).size())
              .append(" floats per row (model `")
              .append(r.get(column + "_model"))
              .append("`); DuckDB reads it as `")
              .append(column)
              .append("::FLOAT[")
              .append(((List<?>) r.get(column)).size())
              .append("]`.\n\n");
        }
      }
    }
  }
}
