package org.figstream.connectors.sink.rows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.figstream.connectors.sink.TopicRecord;
import org.figstream.records.codec.RecordSchemas;

/**
 * An {@code articles} record as an articles-table row: the topic schema's fields
 * (records/schemas/article.v1.avsc) under snake_case names, nested fields (journal, license, dates,
 * subjects) kept as structs and lists, and the topic coordinates. The row schema is derived from
 * the topic schema, so the two cannot drift. Maps ({@code article_ids}, {@code journal.ids}) become
 * lists of {@code key}/{@code value} structs sorted by key: Hugging Face datasets has no map type
 * and refuses a Parquet map column.
 */
public final class ArticleRows {
  public static final Schema ROW = rowSchema(RecordSchemas.ARTICLE);

  private ArticleRows() {}

  public static GenericRecord row(GenericRecord article, TopicRecord at) {
    GenericData.Record row = new GenericData.Record(ROW);
    for (Schema.Field f : RecordSchemas.ARTICLE.getFields()) {
      String name = snake(f.name());
      row.put(name, MapsAsLists.value(article.get(f.name()), ROW.getField(name).schema()));
    }
    row.put("kafka_partition", at.partition());
    row.put("kafka_offset", at.offset());
    return row;
  }

  /** The subset ({@code commercial}, ...) of an article record. */
  public static String subset(GenericRecord article) {
    Object subset = article.get("subset");
    return subset == null ? "other" : subset.toString();
  }

  static Schema rowSchema(Schema topic) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : topic.getFields()) {
      Schema type =
          f.schema().getType() == Schema.Type.ENUM
              ? Schema.create(Schema.Type.STRING)
              : MapsAsLists.schema(f.schema(), f.name());
      fields.add(new Schema.Field(snake(f.name()), type, f.doc(), f.defaultVal()));
    }
    fields.add(
        new Schema.Field(
            "kafka_partition",
            Schema.create(Schema.Type.INT),
            "partition of the articles topic the row came from"));
    fields.add(
        new Schema.Field(
            "kafka_offset",
            Schema.create(Schema.Type.LONG),
            "offset on that partition: a later row or delete of the same article_key supersedes this one"));
    return Schema.createRecord(
        "ArticleRow",
        "One row of the articles table of a figstream dataset.",
        "org.figstream.dataset",
        false,
        fields);
  }

  static String snake(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 4);
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
