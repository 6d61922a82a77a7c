package org.figstream.connectors.sink;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.figstream.connectors.sink.manifest.DatasetLayout;
import org.figstream.connectors.sink.manifest.Manifest;
import org.figstream.connectors.sink.rows.ArticleRows;
import org.figstream.connectors.sink.rows.HuggingFaceFeatures;
import org.figstream.records.codec.RecordSchemas;

/** Which table a topic fills, which stream a record goes to, and the row schema of each stream. */
final class Routing {
  private static final String FIGURE_FEATURES =
      HuggingFaceFeatures.metadata(RecordSchemas.FIGURE_ROW, "image");
  private final SinkSettings settings;

  Routing(SinkSettings settings) {
    this.settings = settings;
  }

  String table(String topic) {
    if (topic.equals(settings.figuresTopic())) {
      return DatasetLayout.FIGURES;
    }
    if (topic.equals(settings.articlesTopic())) {
      return DatasetLayout.ARTICLES;
    }
    throw new IllegalArgumentException(
        "the dataset sink reads "
            + settings.figuresTopic()
            + " and "
            + settings.articlesTopic()
            + ", not "
            + topic);
  }

  /** The stream of a decoded row: its table and license subset. */
  static String rowStream(String table, GenericRecord value) {
    if (table.equals(DatasetLayout.ARTICLES)) {
      return DatasetLayout.rows(table, ArticleRows.subset(value));
    }
    GenericRecord article = (GenericRecord) value.get("article");
    // a figure.v1 record has no article keys: its subset is unknown, which BIOMEDICA files under
    // other
    String subset =
        article == null || article.get("subset") == null
            ? "other"
            : article.get("subset").toString();
    return DatasetLayout.rows(table, subset);
  }

  static List<String> streamsOf(String table) {
    return List.of(
        DatasetLayout.rows(table, "commercial"),
        DatasetLayout.rows(table, "noncommercial"),
        DatasetLayout.rows(table, "other"),
        DatasetLayout.deletes(table));
  }

  /**
   * The key-value metadata of a stream's Parquet files: the stream, the dataset format (so a file
   * read on its own says which row layout it has) and, for figures, the Hugging Face features that
   * make {@code image} an Image.
   */
  static Map<String, String> metadata(String stream) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("figstream.stream", stream);
    metadata.put("figstream.format", Integer.toString(Manifest.FORMAT));
    if (stream.startsWith(DatasetLayout.FIGURES + "/")
        && !stream.endsWith("/" + DatasetLayout.DELETES)) {
      metadata.put(HuggingFaceFeatures.KEY, FIGURE_FEATURES);
    }
    return metadata;
  }

  static Schema rowSchema(String stream) {
    if (stream.endsWith("/" + DatasetLayout.DELETES)) {
      return RecordSchemas.DELETE_ROW;
    }
    return stream.startsWith(DatasetLayout.FIGURES + "/")
        ? RecordSchemas.FIGURE_ROW
        : ArticleRows.ROW;
  }
}
