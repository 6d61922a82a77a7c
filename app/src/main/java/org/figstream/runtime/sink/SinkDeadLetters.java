package org.figstream.runtime.sink;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.figstream.connectors.sink.TopicRecord;
import org.figstream.records.DeadLetter;
import org.figstream.records.Topics;
import org.figstream.topology.schema.TopicSerdes;

/**
 * The embedded sink's dead letters, each acknowledged by the broker before the sink goes on: the
 * sink's next commit moves its position past the rejected record's offset, so a dead letter still
 * in a producer's buffer then would be lost with a crash, or with a send that fails.
 */
final class SinkDeadLetters implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;

  SinkDeadLetters(Map<String, Object> kafka) {
    producer = new KafkaProducer<>(kafka, new StringSerializer(), new ByteArraySerializer());
  }

  /** Puts the dead letter of {@code r} on dlq and waits for it; throws when it cannot. */
  void send(TopicRecord r, String why) {
    DeadLetter d =
        new DeadLetter(
            "sink",
            "undecodable",
            why,
            r.topicPartition() + "@" + r.offset(),
            null,
            1,
            Instant.now());
    try {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.DLQ,
                  r.key(),
                  TopicSerdes.deadLetters().serializer().serialize(Topics.DLQ, d)))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending a dead letter", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "could not put the dead letter of "
              + r.topicPartition()
              + "@"
              + r.offset()
              + " on "
              + Topics.DLQ,
          e.getCause());
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
