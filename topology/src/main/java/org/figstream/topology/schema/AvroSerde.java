package org.figstream.topology.schema;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.avro.AvroMapper;
import com.fasterxml.jackson.dataformat.avro.AvroSchema;
import com.fasterxml.jackson.dataformat.avro.jsr310.AvroJavaTimeModule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Records in Avro's single-object encoding: {@code C3 01}, the writer schema's 8-byte fingerprint (little
 * endian), then the Avro binary body. The header makes every record self-describing without a schema
 * registry: a reader finds the writer schema by fingerprint and resolves it to its own, so schemas can
 * evolve. Plain Avro reads it too ({@code BinaryMessageDecoder}). A null value stays null: a tombstone.
 */
public final class AvroSerde {
  static final byte[] MAGIC = {(byte) 0xC3, 0x01};
  static final int HEADER = 10;

  private static final AvroMapper MAPPER = AvroMapper.builder()
      .addModule(new AvroJavaTimeModule())
      // enums as their documented labels ("figure", "commercial"), the symbols the schemas declare
      .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
      .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
      .build();

  private AvroSerde() {}

  public static <T> Serde<T> of(Class<T> type, Schema schema) {
    ObjectWriter writer = MAPPER.writerFor(type).with(new AvroSchema(schema));
    byte[] header = header(schema);
    Map<Long, ObjectReader> readers = new ConcurrentHashMap<>();
    Serializer<T> serializer = (topic, value) -> {
      if (value == null) {
        return null;
      }
      try {
        byte[] body = writer.writeValueAsBytes(value);
        return ByteBuffer.allocate(HEADER + body.length).put(header).put(body).array();
      } catch (IOException | RuntimeException e) {
        throw new SerializationException("cannot write " + type.getSimpleName() + " as " + schema.getFullName()
            + " for " + topic + ": " + e.getMessage(), e);
      }
    };
    Deserializer<T> deserializer = (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      long fingerprint = fingerprintOf(bytes, topic);
      ObjectReader reader = readers.computeIfAbsent(fingerprint, f -> readerFor(type, schema, f, topic));
      try {
        return reader.readValue(bytes, HEADER, bytes.length - HEADER);
      } catch (IOException | RuntimeException e) {
        throw new SerializationException("not a " + schema.getFullName() + " on " + topic + ": " + e.getMessage(), e);
      }
    };
    return Serdes.serdeFrom(serializer, deserializer);
  }

  private static ObjectReader readerFor(Class<?> type, Schema current, long fingerprint, String topic) {
    Schema written = TopicSchemas.byFingerprint(fingerprint);
    if (written == null) {
      throw new SerializationException("record on " + topic + " was written with an unknown schema (fingerprint "
          + Long.toHexString(fingerprint) + "); a newer figstream wrote it");
    }
    try {
      AvroSchema schema = written.equals(current)
          ? new AvroSchema(current) : new AvroSchema(written).withReaderSchema(new AvroSchema(current));
      return MAPPER.readerFor(type).with(schema);
    } catch (IOException e) {
      throw new SerializationException("schema " + written.getFullName() + " on " + topic
          + " cannot be read as " + current.getFullName() + ": " + e.getMessage(), e);
    }
  }

  static long fingerprintOf(byte[] bytes, String topic) {
    if (bytes.length < HEADER || bytes[0] != MAGIC[0] || bytes[1] != MAGIC[1]) {
      throw new SerializationException("record on " + topic + " is not in Avro single-object encoding");
    }
    return ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }

  static byte[] header(Schema schema) {
    return ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN)
        .put(MAGIC).putLong(TopicSchemas.fingerprint(schema)).array();
  }
}
