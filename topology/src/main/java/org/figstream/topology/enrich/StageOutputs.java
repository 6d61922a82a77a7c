package org.figstream.topology.enrich;

import java.time.Instant;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.figstream.records.Article;
import org.figstream.records.DeadLetter;
import org.figstream.records.Embedding;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.PublishedFigure;
import org.figstream.records.Topics;
import org.figstream.topology.TopicSetup;
import org.figstream.topology.schema.TopicSerdes;

/**
 * Writes one result of the stage inside the current transaction: its dead letters, the article
 * record as extracted (to {@code figstream-extracted-articles}, where the PubMed join picks it up)
 * and the enriched article; a withdrawal only the latter. A result too large for one record (an
 * article with very many large images) is not sent, which would fail the whole transaction, but
 * becomes a dead letter saying so; one whose images alone are too large is refused before it is
 * serialised.
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
    if (r.withdrawal()) {
      // no article record: the ledger's tombstone is the only write to extracted articles for it
      producer.send(
          new ProducerRecord<>(
              Topics.ENRICHED, key, enriched.serialize(Topics.ENRICHED, r.enriched())));
      return null;
    }
    // Images and embeddings are counted before serialising: every graphic of a figure is a pair,
    // and many pairs may name one image, so they alone could pass Java's 2 GiB array limit.
    long binary = binaryBytes(r.enriched());
    byte[] value =
        binary > MAX_VALUE_BYTES ? null : enriched.serialize(Topics.ENRICHED, r.enriched());
    if (value == null || value.length > MAX_VALUE_BYTES) {
      DeadLetter tooLarge =
          new DeadLetter(
              "enrich",
              "record-too-large",
              "the enriched article is "
                  + (value == null ? "over " + binary : value.length)
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
            Topics.EXTRACTED_ARTICLES,
            key,
            articles.serialize(Topics.EXTRACTED_ARTICLES, r.article())));
    producer.send(new ProducerRecord<>(Topics.ENRICHED, key, value));
    return null;
  }

  /**
   * The JPEG and embedding bytes of an enriched article. Under {@link #MAX_VALUE_BYTES} (64 MiB) of
   * them, the serialised article stays far from the 2 GiB a byte[] may hold: its text is bounded by
   * OutputLimits.ARTICLE_CHARS (16 Mi characters, each pair counted with 512 more, so at most
   * 32,768 pairs), at most 48 MiB as Avro's UTF-8; and each pair adds a few KiB of labels,
   * provenance and keys, at most about 100 MiB in all: under 250 MiB together.
   */
  static long binaryBytes(EnrichedArticle article) {
    long bytes = 0;
    for (PublishedFigure f : article.figures()) {
      bytes += f.image() == null || f.image().jpeg() == null ? 0 : f.image().jpeg().length;
      bytes += vectorBytes(f.imageEmbedding()) + vectorBytes(f.captionEmbedding());
    }
    return bytes;
  }

  private static long vectorBytes(Embedding e) {
    return e == null || e.vector() == null ? 0 : 4L * e.vector().length;
  }

  void deadLetter(KafkaProducer<String, byte[]> producer, DeadLetter d) {
    producer.send(
        new ProducerRecord<>(Topics.DLQ, d.pmcid(), deadLetters.serialize(Topics.DLQ, d)));
  }
}
