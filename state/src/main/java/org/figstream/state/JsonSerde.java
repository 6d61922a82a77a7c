package org.figstream.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON for the state stores' values (gate state, ledger entries): private to one figstream version
 * and rebuilt from their changelogs, so they need no published schema (topics use {@code
 * schema.TopicSerdes}). A null value stays null both ways, which is what a tombstone is.
 */
public final class JsonSerde {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // enums as their documented labels ("figure", "CC BY-NC"), as the CLI prints them
          .enable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
          .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
          .build();

  private JsonSerde() {}

  public static <T> Serde<T> of(Class<T> type) {
    Serializer<T> serializer =
        (topic, value) -> {
          if (value == null) {
            return null;
          }
          try {
            return JSON.writeValueAsBytes(value);
          } catch (IOException e) {
            throw new SerializationException(
                "cannot write " + type.getSimpleName() + " for " + topic, e);
          }
        };
    Deserializer<T> deserializer =
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          try {
            return JSON.readValue(bytes, type);
          } catch (IOException e) {
            throw new SerializationException(
                "not a " + type.getSimpleName() + " on " + topic + ": " + e.getMessage(), e);
          }
        };
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
