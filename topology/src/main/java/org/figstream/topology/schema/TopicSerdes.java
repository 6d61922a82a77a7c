package org.figstream.topology.schema;

import org.apache.kafka.common.serialization.Serde;
import org.figstream.records.Announcement;
import org.figstream.records.Article;
import org.figstream.records.DeadLetter;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.PublishedFigure;
import org.figstream.records.PubmedRecord;
import org.figstream.records.codec.RecordCodecs;

/**
 * The value serde of every topic, over the records' codecs ({@link RecordCodecs}). Keys are UTF-8
 * strings everywhere (PMCID, PMID or pair id).
 */
public final class TopicSerdes {
  private TopicSerdes() {}

  public static Serde<Announcement> announcements() {
    return AvroSerde.of(RecordCodecs.ANNOUNCEMENTS);
  }

  public static Serde<PublishedFigure> figures() {
    return AvroSerde.of(RecordCodecs.FIGURES);
  }

  public static Serde<Article> articles() {
    return AvroSerde.of(RecordCodecs.ARTICLES);
  }

  public static Serde<PubmedRecord> pubmed() {
    return AvroSerde.of(RecordCodecs.PUBMED);
  }

  public static Serde<DeadLetter> deadLetters() {
    return AvroSerde.of(RecordCodecs.DEAD_LETTERS);
  }

  public static Serde<EnrichedArticle> enriched() {
    return AvroSerde.of(RecordCodecs.ENRICHED);
  }
}
