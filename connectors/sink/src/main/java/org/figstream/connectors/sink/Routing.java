package org.figstream.connectors.sink;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.figstream.connectors.sink.manifest.DatasetLayout;
import org.figstream.connectors.sink.rows.ArticleRows;
import org.figstream.records.codec.RecordSchemas;

/** Which table a topic fills, which stream a record goes to, and the row schema of each stream. */
final class Routing {
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
    throw new IllegalArgumentException("the dataset sink reads " + settings.figuresTopic() + " and "
        + settings.articlesTopic() + ", not " + topic);
  }

  /** The stream of a decoded row: its table and license subset. */
  static String rowStream(String table, GenericRecord value) {
    if (table.equals(DatasetLayout.ARTICLES)) {
      return DatasetLayout.rows(table, ArticleRows.subset(value));
    }
    GenericRecord article = (GenericRecord) value.get("article");
    // a figure.v1 record has no article keys: its subset is unknown, which BIOMEDICA files under other
    String subset = article == null || article.get("subset") == null ? "other" : article.get("subset").toString();
    return DatasetLayout.rows(table, subset);
  }

  static List<String> streamsOf(String table) {
    return List.of(DatasetLayout.rows(table, "commercial"), DatasetLayout.rows(table, "noncommercial"),
        DatasetLayout.rows(table, "other"), DatasetLayout.deletes(table));
  }

  static Schema rowSchema(String stream) {
    if (stream.endsWith("/" + DatasetLayout.DELETES)) {
      return RecordSchemas.DELETE_ROW;
    }
    return stream.startsWith(DatasetLayout.FIGURES + "/") ? RecordSchemas.FIGURE_ROW : ArticleRows.ROW;
  }
}
