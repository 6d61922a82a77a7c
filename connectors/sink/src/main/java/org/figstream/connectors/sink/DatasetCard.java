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
import org.figstream.connectors.sink.rows.ArticleRows;
import org.figstream.connectors.sink.shard.ParquetFiles;
import org.figstream.records.Taxonomy;
import org.figstream.records.codec.RecordSchemas;

/**
 * The dataset's {@code README.md} in Hugging Face's layout: the {@code configs} YAML (one config
 * per license subset that has files, and the articles table), counts, how to read the current rows,
 * the columns, and the taxonomy. Rewritten (atomically) at every commit, so it always describes the
 * files.
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

  /** The columns and the taxonomy: the same at every commit, so made once. */
  private static final String REFERENCE = reference();

  /**
   * How to read the dataset with common tools; the DuckDB query above is the one for current rows.
   */
  private static final String READING =
      """
      ## Reading it

      Hugging Face `datasets` loads every config above; `image` decodes as a PIL image:

      ```python
      from datasets import load_dataset
      figures = load_dataset("path/to/dataset", "commercial", split="train")
      articles = load_dataset("path/to/dataset", "articles", split="train")
      ```

      figstream rewrites the folder while it runs: commits add files, and compaction replaces files and \
      removes superseded and deleted rows. `datasets` keeps serving the rows it cached at the first load, \
      without a warning, however the files changed. To read the files as they are now, stream them, or \
      load again past the cache (the split sizes it recorded no longer hold, hence `no_checks`):

      ```python
      figures = load_dataset("path/to/dataset", "commercial", split="train", streaming=True)
      figures = load_dataset("path/to/dataset", "commercial", split="train",
                             download_mode="force_redownload", verification_mode="no_checks")
      ```

      Until compaction has run, the configs include superseded and deleted rows; the DuckDB query above \
      leaves them out.

      pandas (`pd.read_parquet("path/to/dataset/figures/commercial")`) and DuckDB read the files directly. \
      `image` is a struct: the JPEG is `image.bytes` (`image['bytes']` in pandas). `perceptual_hash` is the \
      64-bit hash as 16 hex digits, so that no reader changes it (pandas turns a nullable 64-bit integer \
      column into floats): `int(h, 16)` in Python, `('0x' || perceptual_hash)::UBIGINT` in DuckDB. Map-like \
      columns of articles (`article_ids`, `journal.ids`) are lists of `{key, value}` structs.

      `ocr` holds the text read in each image (figstream's `--ocr`): a list of `{text, box, score}` lines, \
      `box` being `{x, y, width, height}` in the pixels of the row's `image` (top-left corner, then size) and \
      `score` the recogniser's confidence, 0 to 1. It is null when OCR did not run (off, no image, or a row \
      written before the column existed) and an empty list when it ran and read nothing. Figures shards \
      written before the column lack it: read them with `union_by_name = true` in DuckDB, as above.

      Files of format 1 (figstream before dataset format 2: image as plain bytes, perceptual hash as an \
      integer, maps) are not mixed with these: figstream refuses to write to such a dataset and says how to \
      rebuild it.

      """;

  /** The articles' PubMed columns: what null means, and figures joined to MeSH terms. */
  private static final String PUBMED =
      """
      ## PubMed citation (MeSH, publication types, references)

      The articles table carries the article's PubMed citation, joined by PMID, in the columns named       `pubmed_*` (listed under "Columns of articles"): `pubmed_mesh_headings` (a list of       `{descriptor_name, descriptor_ui, major_topic, qualifiers}`, each qualifier `{name, ui,       major_topic}`), `pubmed_publication_types`, `pubmed_chemicals`, `pubmed_keywords`, `pubmed_grants`,       `pubmed_abstract_sections`, `pubmed_references`, `pubmed_status`, `pubmed_date_completed` and       `pubmed_date_revised` (dates), and more. While the citation is not known (no PMID, not yet joined,       or a row written before figstream had these columns) every `pubmed_*` column is null; a known       citation has `pubmed_pmid` set and its lists empty when it has none (MeSH stays empty until NLM       indexes the article, often months after publication). A topic is major when the descriptor or       one of its qualifiers is (`Asthma/drug therapy`). Shards written before these columns existed       lack them: read the articles with `union_by_name = true` in DuckDB. Figures per major MeSH       descriptor, current rows only:

      ```sql
      """
          + LiveRows.figuresPerMajorMeshQuery(".")
          + ";\n```\n\n";

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
    out.append(READING);
    out.append(PUBMED);
    webdataset(manifest, out);
    out.append(REFERENCE);
    return out.toString();
  }

  private static String reference() {
    StringBuilder out =
        new StringBuilder(
            "## Columns of figures\n\n| column | type | description |\n|---|---|---|\n");
    columns(RecordSchemas.FIGURE_ROW, out);
    out.append("\n## Columns of articles\n\n| column | type | description |\n|---|---|---|\n");
    columns(ArticleRows.ROW, out);
    out.append(
            "\n## Delete records (deletes/figures, deletes/articles)\n\n| column | type | description |\n")
        .append("|---|---|---|\n");
    columns(RecordSchemas.DELETE_ROW, out);
    Taxonomy taxonomy = Taxonomy.biomedica();
    out.append("\n## Concept labels\n\nBIOMEDICA's taxonomy: ")
        .append(taxonomy.globals().size())
        .append(" global concepts with their local concepts; panel types ")
        .append(String.join(", ", taxonomy.panelTypes()))
        .append(".\n\n");
    taxonomy
        .globalToLocals()
        .forEach(
            (global, locals) ->
                out.append("- **")
                    .append(global)
                    .append("**")
                    .append(locals.isEmpty() ? "" : ": " + String.join(", ", locals))
                    .append('\n'));
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

  private static void webdataset(Manifest manifest, StringBuilder out) {
    out.append("## WebDataset\n\n");
    if (manifest.webdataset().isEmpty()) {
      out.append(
          "No WebDataset export yet: compaction writes one when the sink's WebDataset export is on.\n\n");
      return;
    }
    List<String> tars = manifest.webdataset();
    out.append(
            "The live figures with an image as WebDataset tars (`<key>.jpg`, `<key>.txt` the caption, ")
        .append("`<key>.json` ids, license and labels): now ")
        .append(tars.size())
        .append(" tar(s) in `")
        .append(tars.get(0), 0, tars.get(0).lastIndexOf('/') + 1)
        .append("`. That folder is named after the ")
        .append(
            "manifest generation and changes at every export, and the previous export's tars are deleted; ")
        .append("`")
        .append(DatasetFiles.CURRENT_TARS)
        .append("` always lists the current tars (paths relative ")
        .append(
            "to this folder, one a line) and is replaced atomically once they are in place:\n\n```python\n")
        .append("import webdataset as wds\nroot = \"path/to/dataset\"\n")
        .append("urls = [f\"{root}/{p}\" for p in open(f\"{root}/")
        .append(DatasetFiles.CURRENT_TARS)
        .append("\").read().split()]\n")
        .append(
            "samples = wds.WebDataset(urls).decode(\"pil\").to_tuple(\"jpg\", \"txt\", \"json\")\n```\n\n");
  }

  private static void columns(Schema schema, StringBuilder out) {
    for (Schema.Field f : schema.getFields()) {
      out.append("| `")
          .append(f.name())
          .append("` | ")
          .append(type(f.schema()))
          .append(" | ")
          .append(f.doc() == null ? "" : f.doc().replace("|", "\\|"))
          .append(" |\n");
    }
  }

  private static String type(Schema s) {
    return switch (s.getType()) {
      case UNION ->
          s.getTypes().stream()
                  .filter(t -> t.getType() != Schema.Type.NULL)
                  .findFirst()
                  .map(DatasetCard::type)
                  .orElse("null")
              + " (nullable)";
      case ARRAY -> "list<" + type(s.getElementType()) + ">";
      case MAP -> "map<string, " + type(s.getValueType()) + ">";
      case RECORD ->
          "struct<"
              + String.join(", ", s.getFields().stream().map(Schema.Field::name).toList())
              + ">";
      case INT, LONG -> s.getLogicalType() != null ? s.getLogicalType().getName() : s.getName();
      default -> s.getType().getName();
    };
  }
}
