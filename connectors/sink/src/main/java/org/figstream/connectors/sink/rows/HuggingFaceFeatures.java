package org.figstream.connectors.sink.rows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;

/**
 * The {@code huggingface} key of a Parquet file's key-value metadata: {@code {"info": {"features":
 * ...}}}, the Hugging Face datasets features of every column. pyarrow hands the file's key-value
 * metadata to datasets as the Arrow schema's metadata, and datasets takes a column's feature from
 * it when it matches the column's Arrow type; that is how {@code image} (a {@code {bytes, path}}
 * struct) loads as an Image, not as a struct of bytes. The other columns are given as datasets
 * would infer them, so that older datasets versions, which take the features from the metadata
 * whole, read the same.
 */
public final class HuggingFaceFeatures {
  public static final String KEY = "huggingface";
  private static final ObjectMapper JSON = new ObjectMapper();

  private HuggingFaceFeatures() {}

  /**
   * The metadata value for a table of {@code schema}, whose columns named in {@code images} are
   * images.
   */
  public static String metadata(Schema schema, String... images) {
    ObjectNode features = JSON.createObjectNode();
    for (Schema.Field f : schema.getFields()) {
      boolean image = java.util.Arrays.asList(images).contains(f.name());
      features.set(
          f.name(), image ? JSON.createObjectNode().put("_type", "Image") : feature(f.schema()));
    }
    ObjectNode root = JSON.createObjectNode();
    root.putObject("info").set("features", features);
    return root.toString();
  }

  private static JsonNode feature(Schema s) {
    return switch (s.getType()) {
      case UNION ->
          feature(
              s.getTypes().stream()
                  .filter(t -> t.getType() != Schema.Type.NULL)
                  .findFirst()
                  .orElseThrow(
                      () -> new IllegalArgumentException("a column of type null has no feature")));
      case ARRAY -> JSON.createArrayNode().add(feature(s.getElementType()));
      case RECORD -> {
        ObjectNode struct = JSON.createObjectNode();
        s.getFields().forEach(f -> struct.set(f.name(), feature(f.schema())));
        yield struct;
      }
      default -> JSON.createObjectNode().put("dtype", dtype(s)).put("_type", "Value");
    };
  }

  /** The Arrow type pyarrow reads from the Parquet column parquet-avro writes for {@code s}. */
  private static String dtype(Schema s) {
    if (s.getLogicalType() != null && s.getLogicalType().getName().equals("timestamp-millis")) {
      return "timestamp[ms, tz=UTC]";
    }
    return switch (s.getType()) {
      case STRING, ENUM -> "string";
      case INT -> "int32";
      case LONG -> "int64";
      case FLOAT -> "float32";
      case DOUBLE -> "float64";
      case BOOLEAN -> "bool";
      case BYTES -> "binary";
      default ->
          throw new IllegalArgumentException("no datasets feature for Avro type " + s.getType());
    };
  }
}
