package org.figstream.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.figstream.records.DeadLetter;
import org.figstream.records.Topics;
import org.figstream.topology.schema.TopicSerdes;

/**
 * A record the topology cannot read (another producer, a schema this figstream does not know) goes
 * to {@code dlq} as a dead letter naming topic, partition and offset, in the same transaction as
 * the topology's other outputs, and processing goes on: the default would stop the whole
 * application.
 */
public final class UndecodableToDeadLetter implements DeserializationExceptionHandler {

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception e) {
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    DeadLetter d =
        new DeadLetter(
            "topology",
            "undecodable-record",
            e.getMessage(),
            record.topic() + "-" + record.partition() + "@" + record.offset(),
            key,
            1,
            Instant.now());
    byte[] value = TopicSerdes.deadLetters().serializer().serialize(Topics.DLQ, d);
    return Response.resume(List.of(new ProducerRecord<>(Topics.DLQ, record.key(), value)));
  }

  @Override
  public void configure(Map<String, ?> configs) {
    // nothing to configure
  }
}
