package org.figstream.connectors.sink;

import java.util.List;
import org.figstream.connectors.sink.manifest.Manifest;

/**
 * The dataset card's reading guide: how common tools read the files, what the articles' PubMed
 * columns hold, and where the current WebDataset export is.
 */
final class CardReading {
  /**
   * How to read the dataset with common tools; the DuckDB query above is the one for current rows.
   */
  static final String READING =
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
  static final String PUBMED =
      """
      ## PubMed citation (MeSH, publication types, references)

      The articles table carries the article's PubMed citation, joined by PMID, in the columns named       `pubmed_*` (listed under "Columns of articles"): `pubmed_mesh_headings` (a list of       `{descriptor_name, descriptor_ui, major_topic, qualifiers}`, each qualifier `{name, ui,       major_topic}`), `pubmed_publication_types`, `pubmed_chemicals`, `pubmed_keywords`, `pubmed_grants`,       `pubmed_abstract_sections`, `pubmed_references`, `pubmed_status`, `pubmed_date_completed` and       `pubmed_date_revised` (dates), and more. While the citation is not known (no PMID, not yet joined,       or a row written before figstream had these columns) every `pubmed_*` column is null; a known       citation has `pubmed_pmid` set and its lists empty when it has none (MeSH stays empty until NLM       indexes the article, often months after publication). A topic is major when the descriptor or       one of its qualifiers is (`Asthma/drug therapy`). Shards written before these columns existed       lack them: read the articles with `union_by_name = true` in DuckDB. Figures per major MeSH       descriptor, current rows only:

      ```sql
      """
          + LiveRows.figuresPerMajorMeshQuery(".")
          + ";\n```\n\n";

  private CardReading() {}

  static void webdataset(Manifest manifest, StringBuilder out) {
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
}
