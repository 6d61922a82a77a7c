package org.figstream.records.codec;

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

/**
 * A record type in Avro's single-object encoding: {@code C3 01}, the writer schema's 8-byte
 * fingerprint (little endian), then the Avro binary body. The header makes every record
 * self-describing without a schema registry: a reader finds the writer schema by fingerprint and
 * resolves it to its own, so schemas can evolve. Plain Avro reads it too ({@code
 * BinaryMessageDecoder}). A null value stays null: a tombstone.
 */
public final class RecordCodec<T> {
  static final byte[] MAGIC = {(byte) 0xC3, 0x01};
  static final int HEADER = 10;

  private static final AvroMapper MAPPER =
      AvroMapper.builder()
          .addModule(new AvroJavaTimeModule())
          // enums as their documented labels ("figure", "commercial"), the symbols the schemas
          // declare
          .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
          .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
          .build();

  /**
   * Why a record could not be written or read; {@code where} (a topic, a file) is in the message.
   */
  public static final class CodecException extends RuntimeException {
    CodecException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Class<T> type;
  private final Schema schema;
  private final ObjectWriter writer;
  private final byte[] header;
  private final Map<Long, ObjectReader> readers = new ConcurrentHashMap<>();

  private RecordCodec(Class<T> type, Schema schema) {
    this.type = type;
    this.schema = schema;
    this.writer = MAPPER.writerFor(type).with(new AvroSchema(schema));
    this.header = header(schema);
  }

  public static <T> RecordCodec<T> of(Class<T> type, Schema schema) {
    return new RecordCodec<>(type, schema);
  }

  /** The record's bytes; null for null. {@code where} names the destination in error messages. */
  public byte[] encode(T value, String where) {
    if (value == null) {
      return null;
    }
    try {
      byte[] body = writer.writeValueAsBytes(value);
      return ByteBuffer.allocate(HEADER + body.length).put(header).put(body).array();
    } catch (IOException | RuntimeException e) {
      throw new CodecException(
          "cannot write "
              + type.getSimpleName()
              + " as "
              + schema.getFullName()
              + " for "
              + where
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** The record these bytes hold, resolved to this codec's schema; null for null. */
  public T decode(byte[] bytes, String where) {
    if (bytes == null) {
      return null;
    }
    long fingerprint = fingerprintOf(bytes, where);
    ObjectReader reader = readers.computeIfAbsent(fingerprint, f -> readerFor(f, where));
    try {
      return reader.readValue(bytes, HEADER, bytes.length - HEADER);
    } catch (IOException | RuntimeException e) {
      throw new CodecException(
          "not a " + schema.getFullName() + " on " + where + ": " + e.getMessage(), e);
    }
  }

  private ObjectReader readerFor(long fingerprint, String where) {
    Schema written = RecordSchemas.byFingerprint(fingerprint);
    if (written == null) {
      throw new CodecException(
          "record on "
              + where
              + " was written with an unknown schema (fingerprint "
              + Long.toHexString(fingerprint)
              + "); a newer figstream wrote it",
          null);
    }
    try {
      AvroSchema avro =
          written.equals(schema)
              ? new AvroSchema(schema)
              : new AvroSchema(written).withReaderSchema(new AvroSchema(schema));
      return MAPPER.readerFor(type).with(avro);
    } catch (IOException e) {
      throw new CodecException(
          "schema "
              + written.getFullName()
              + " on "
              + where
              + " cannot be read as "
              + schema.getFullName()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** The writer schema's fingerprint from a single-object header. */
  public static long fingerprintOf(byte[] bytes, String where) {
    if (bytes.length < HEADER || bytes[0] != MAGIC[0] || bytes[1] != MAGIC[1]) {
      throw new CodecException(
          "record on " + where + " is not in Avro single-object encoding", null);
    }
    return ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }

  /** The single-object header of records written with {@code schema}. */
  public static byte[] header(Schema schema) {
    return ByteBuffer.allocate(HEADER)
        .order(ByteOrder.LITTLE_ENDIAN)
        .put(MAGIC)
        .putLong(RecordSchemas.fingerprint(schema))
        .array();
  }
}
