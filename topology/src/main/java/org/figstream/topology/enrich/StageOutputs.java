package org.figstream.topology.enrich;

import java.time.Instant;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.figstream.records.Article;
import org.figstream.records.DeadLetter;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.Topics;
import org.figstream.topology.TopicSetup;
import org.figstream.topology.schema.TopicSerdes;

/**
 * Writes one result of the stage inside the current transaction: its dead letters, the article
 * record and the enriched article. A result too large for one record (an article with very many
 * large images) is not sent, which would fail the whole transaction, but becomes a dead letter
 * saying so.
 */
final class StageOutputs {
  /** Room left in a record for the key, headers and batch overhead. */
  static final int MAX_VALUE_BYTES = TopicSetup.MAX_MESSAGE_BYTES - 64 * 1024;

  private final Serializer<EnrichedArticle> enriched = TopicSerdes.enriched().serializer();
  private final Serializer<Article> articles = TopicSerdes.articles().serializer();
  private final Serializer<DeadLetter> deadLetters = TopicSerdes.deadLetters().serializer();

  /** Sends the result with its dead letters; returns the dead letter it had to add, or null. */
  DeadLetter send(KafkaProducer<String, byte[]> producer, Enrichment.Result r) {
    String key = r.request().pmcid();
    r.deadLetters().forEach(d -> deadLetter(producer, d));
    if (r.enriched() == null) {
      return null;
    }
    byte[] value = enriched.serialize(Topics.ENRICHED, r.enriched());
    if (value.length > MAX_VALUE_BYTES) {
      DeadLetter tooLarge =
          new DeadLetter(
              "enrich",
              "record-too-large",
              "the enriched article is "
                  + value.length
                  + " bytes with its images, over the "
                  + MAX_VALUE_BYTES
                  + " a record may have; its pairs are not published",
              r.request().key(),
              key,
              1,
              Instant.now());
      deadLetter(producer, tooLarge);
      return tooLarge;
    }
    producer.send(
        new ProducerRecord<>(
            Topics.ARTICLES, key, articles.serialize(Topics.ARTICLES, r.article())));
    producer.send(new ProducerRecord<>(Topics.ENRICHED, key, value));
    return null;
  }

  void deadLetter(KafkaProducer<String, byte[]> producer, DeadLetter d) {
    producer.send(
        new ProducerRecord<>(Topics.DLQ, d.pmcid(), deadLetters.serialize(Topics.DLQ, d)));
  }
}
