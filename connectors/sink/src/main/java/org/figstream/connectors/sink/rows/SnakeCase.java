package org.figstream.connectors.sink.rows;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Renames the fields of records, wherever they are nested, to snake_case ({@code descriptorUi} to
 * {@code descriptor_ui}), in schemas and in values. Field order, types, logical types and docs are
 * kept, so a value converts field by field by position.
 */
final class SnakeCase {
  private SnakeCase() {}

  /** {@code schema} with every record field renamed; other types as they are. */
  static Schema schema(Schema schema) {
    return switch (schema.getType()) {
      case RECORD -> {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : schema.getFields()) {
          fields.add(
              new Schema.Field(
                  ArticleRows.snake(f.name()), schema(f.schema()), f.doc(), f.defaultVal()));
        }
        yield Schema.createRecord(
            schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
      }
      case ARRAY -> Schema.createArray(schema(schema.getElementType()));
      case MAP -> Schema.createMap(schema(schema.getValueType()));
      case UNION -> Schema.createUnion(schema.getTypes().stream().map(SnakeCase::schema).toList());
      default -> schema;
    };
  }

  /**
   * {@code value}, of a schema {@link #schema} was given, as a value of {@code target}, the schema
   * it returned (or one with maps turned into lists after it): records are rebuilt field by field,
   * lists element by element; maps are left to {@link MapsAsLists}.
   */
  static Object value(Object value, Schema target) {
    if (value == null) {
      return null;
    }
    Schema type = MapsAsLists.nonNull(target);
    if (value instanceof GenericRecord record && type.getType() == Schema.Type.RECORD) {
      GenericData.Record out = new GenericData.Record(type);
      List<Schema.Field> fields = type.getFields();
      for (int i = 0; i < fields.size(); i++) {
        out.put(i, value(record.get(i), fields.get(i).schema()));
      }
      return out;
    }
    if (value instanceof List<?> list && type.getType() == Schema.Type.ARRAY) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(o -> out.add(value(o, type.getElementType())));
      return out;
    }
    return value;
  }
}
