package org.figstream.connectors.sink.rows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Turns Avro maps, wherever they are nested, into lists of {@code {key, value}} records, in schemas
 * and in values. Hugging Face datasets has no map type (a Parquet map column fails to load,
 * streaming included); a list of structs every reader has. Entries are sorted by key, so equal maps
 * give equal rows.
 */
final class MapsAsLists {
  private MapsAsLists() {}

  /**
   * {@code schema}, the type of field {@code field}, with every map replaced; records are rebuilt
   * only when they hold a map. Each map's entry record is named after its field ({@code
   * ArticleIdsEntry}), since Avro allows one definition per name.
   */
  static Schema schema(Schema schema, String field) {
    return switch (schema.getType()) {
      case MAP -> Schema.createArray(entry(schema, field));
      case ARRAY ->
          hasMap(schema) ? Schema.createArray(schema(schema.getElementType(), field)) : schema;
      case UNION ->
          hasMap(schema)
              ? Schema.createUnion(schema.getTypes().stream().map(t -> schema(t, field)).toList())
              : schema;
      case RECORD -> hasMap(schema) ? record(schema) : schema;
      default -> schema;
    };
  }

  /**
   * {@code value}, of the topic schema, as a value of {@code target}, a schema {@link #schema}
   * returned.
   */
  static Object value(Object value, Schema target) {
    if (value == null) {
      return null;
    }
    if (value instanceof GenericData.EnumSymbol e) {
      return e.toString();
    }
    Schema type = nonNull(target);
    if (value instanceof Map<?, ?> map) {
      Schema entry = type.getElementType();
      List<GenericRecord> entries = new ArrayList<>();
      new TreeMap<>(stringKeys(map))
          .forEach(
              (k, v) -> {
                GenericData.Record e = new GenericData.Record(entry);
                e.put("key", k);
                e.put("value", value(v, entry.getField("value").schema()));
                entries.add(e);
              });
      return entries;
    }
    if (value instanceof List<?> list && type.getType() == Schema.Type.ARRAY) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(o -> out.add(value(o, type.getElementType())));
      return out;
    }
    if (value instanceof GenericRecord record
        && type.getType() == Schema.Type.RECORD
        && record.getSchema() != type) {
      GenericData.Record out = new GenericData.Record(type);
      for (Schema.Field f : type.getFields()) {
        out.put(f.name(), value(record.get(f.name()), f.schema()));
      }
      return out;
    }
    return value;
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> out = new TreeMap<>();
    map.forEach((k, v) -> out.put(k.toString(), v));
    return out;
  }

  private static Schema entry(Schema map, String field) {
    String name = Character.toUpperCase(field.charAt(0)) + field.substring(1) + "Entry";
    return Schema.createRecord(
        name,
        "one entry of a map",
        "org.figstream.dataset",
        false,
        List.of(
            new Schema.Field("key", Schema.create(Schema.Type.STRING)),
            new Schema.Field("value", schema(map.getValueType(), field + "Value"))));
  }

  private static Schema record(Schema record) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : record.getFields()) {
      fields.add(
          new Schema.Field(
              f.name(),
              schema(f.schema(), record.getName() + "_" + f.name()),
              f.doc(),
              f.defaultVal()));
    }
    return Schema.createRecord(
        record.getName(), record.getDoc(), record.getNamespace(), false, fields);
  }

  private static boolean hasMap(Schema schema) {
    return switch (schema.getType()) {
      case MAP -> true;
      case ARRAY -> hasMap(schema.getElementType());
      case UNION -> schema.getTypes().stream().anyMatch(MapsAsLists::hasMap);
      case RECORD -> schema.getFields().stream().anyMatch(f -> hasMap(f.schema()));
      default -> false;
    };
  }

  /** The one non-null type of a nullable union, or {@code schema} itself. */
  static Schema nonNull(Schema schema) {
    return schema.getType() != Schema.Type.UNION
        ? schema
        : schema.getTypes().stream()
            .filter(t -> t.getType() != Schema.Type.NULL)
            .findFirst()
            .orElse(schema);
  }
}
