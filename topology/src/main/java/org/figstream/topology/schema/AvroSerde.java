package org.figstream.topology.schema;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.figstream.records.codec.RecordCodec;

/**
 * A record codec (Avro single-object encoding, see {@link RecordCodec}) as a Kafka serde: the topic
 * goes into error messages, and a record that cannot be read is a {@link SerializationException},
 * which the Streams deserialization handler sends to the dead-letter topic.
 */
public final class AvroSerde {
  private AvroSerde() {}

  public static <T> Serde<T> of(RecordCodec<T> codec) {
    Serializer<T> serializer =
        (topic, value) -> {
          try {
            return codec.encode(value, topic);
          } catch (RecordCodec.CodecException e) {
            throw new SerializationException(e.getMessage(), e.getCause());
          }
        };
    Deserializer<T> deserializer =
        (topic, bytes) -> {
          try {
            return codec.decode(bytes, topic);
          } catch (RecordCodec.CodecException e) {
            throw new SerializationException(e.getMessage(), e.getCause());
          }
        };
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
