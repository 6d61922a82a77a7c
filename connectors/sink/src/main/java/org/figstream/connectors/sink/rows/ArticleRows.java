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
 * (records/schemas/article.v2.avsc) under snake_case names, nested fields (journal, license, dates,
 * subjects) kept as structs and lists, and the topic coordinates. The row schema is derived from
 * the topic schema, so the two cannot drift. Maps ({@code article_ids}, {@code journal.ids}) become
 * lists of {@code key}/{@code value} structs sorted by key: Hugging Face datasets has no map type
 * and refuses a Parquet map column.
 *
 * <p>The article's PubMed citation ({@code pubmed}, a PubmedRecord) is not one struct column but
 * lifted: each of its fields becomes a top-level column {@code pubmed_<field>} (snake_case inside
 * too: {@code pubmed_mesh_headings} is a list of {@code {descriptor_name, descriptor_ui,
 * major_topic, qualifiers}}), every one nullable, so that a reader projects the column it filters
 * on (MeSH, publication types) without reading the references. All of them are null while the
 * citation is unknown; a known citation without MeSH has an empty {@code pubmed_mesh_headings}.
 */
public final class ArticleRows {
  /** The field of the articles record whose fields become top-level columns. */
  static final String PUBMED = "pubmed";

  /** The prefix of those columns. */
  public static final String PUBMED_PREFIX = PUBMED + "_";

  public static final Schema ROW = rowSchema(RecordSchemas.ARTICLE);

  private ArticleRows() {}

  public static GenericRecord row(GenericRecord article, TopicRecord at) {
    return row(article, at, ROW);
  }

  /**
   * {@code article}, a record of any articles schema version, as a row of {@code rowSchema}, the
   * {@link #rowSchema} of that version or a later one (columns the record has no field for stay
   * null).
   */
  public static GenericRecord row(GenericRecord article, TopicRecord at, Schema rowSchema) {
    GenericData.Record row = new GenericData.Record(rowSchema);
    for (Schema.Field f : article.getSchema().getFields()) {
      if (f.name().equals(PUBMED)) {
        // resolved from article.v1, or not joined yet: null, and so is every pubmed_ column
        GenericRecord citation = (GenericRecord) article.get(PUBMED);
        for (Schema.Field p : MapsAsLists.nonNull(f.schema()).getFields()) {
          String name = PUBMED_PREFIX + snake(p.name());
          Schema column = rowSchema.getField(name).schema();
          row.put(
              name,
              citation == null
                  ? null
                  : MapsAsLists.value(SnakeCase.value(citation.get(p.name()), column), column));
        }
        continue;
      }
      String name = snake(f.name());
      row.put(name, MapsAsLists.value(article.get(f.name()), rowSchema.getField(name).schema()));
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

  /**
   * The row schema of articles records of {@code topic}, one version of the articles schema: of
   * article.v1, the columns of the shards written before article.v2.
   */
  public static Schema rowSchema(Schema topic) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : topic.getFields()) {
      if (f.name().equals(PUBMED)) {
        fields.addAll(pubmedColumns(MapsAsLists.nonNull(f.schema())));
        continue;
      }
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

  /**
   * The citation's fields as top-level columns: {@code pubmed_} and the field's name in snake_case,
   * nested names in snake_case too, each column nullable (null: no citation known).
   */
  private static List<Schema.Field> pubmedColumns(Schema citation) {
    List<Schema.Field> columns = new ArrayList<>();
    for (Schema.Field p : citation.getFields()) {
      String name = PUBMED_PREFIX + snake(p.name());
      Schema type = nullable(MapsAsLists.schema(SnakeCase.schema(p.schema()), name));
      columns.add(new Schema.Field(name, type, pubmedDoc(p), Schema.Field.NULL_DEFAULT_VALUE));
    }
    return columns;
  }

  private static String pubmedDoc(Schema.Field p) {
    String doc = p.doc();
    Schema type = MapsAsLists.nonNull(p.schema());
    if (doc == null && type.getType() == Schema.Type.ARRAY) {
      doc = MapsAsLists.nonNull(type.getElementType()).getDoc();
    }
    if (doc == null) {
      doc = p.name().equals("pmid") ? "the citation's PMID" : p.name();
    }
    return "PubMed citation (every pubmed_ column is null until it is known): " + doc;
  }

  private static Schema nullable(Schema type) {
    if (type.getType() == Schema.Type.UNION
        && type.getTypes().get(0).getType() == Schema.Type.NULL) {
      return type;
    }
    if (type.getType() == Schema.Type.UNION) {
      List<Schema> types = new ArrayList<>();
      types.add(Schema.create(Schema.Type.NULL));
      type.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).forEach(types::add);
      return Schema.createUnion(types);
    }
    return Schema.createUnion(Schema.create(Schema.Type.NULL), type);
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
