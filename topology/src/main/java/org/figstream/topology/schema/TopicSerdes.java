package org.figstream.topology.schema;

import org.apache.kafka.common.serialization.Serde;
import org.figstream.api.Article;
import org.figstream.api.feed.Announcement;
import org.figstream.api.feed.DeadLetter;
import org.figstream.topology.ledger.EnrichedArticle;
import org.figstream.topology.ledger.PublishedFigure;

/**
 * The value serde of every topic, each bound to its schema: {@code article-versions} and
 * {@code figstream-enrich-requests} carry announcements, {@code figures} published figures,
 * {@code articles} articles, {@code dlq} dead letters, {@code figstream-enriched} enriched articles.
 * Keys are UTF-8 strings everywhere (PMCID or pair id).
 */
public final class TopicSerdes {
  private TopicSerdes() {}

  public static Serde<Announcement> announcements() {
    return AvroSerde.of(Announcement.class, TopicSchemas.ANNOUNCEMENT);
  }

  public static Serde<PublishedFigure> figures() {
    return AvroSerde.of(PublishedFigure.class, TopicSchemas.FIGURE);
  }

  public static Serde<Article> articles() {
    return AvroSerde.of(Article.class, TopicSchemas.ARTICLE);
  }

  public static Serde<DeadLetter> deadLetters() {
    return AvroSerde.of(DeadLetter.class, TopicSchemas.DEAD_LETTER);
  }

  public static Serde<EnrichedArticle> enriched() {
    return AvroSerde.of(EnrichedArticle.class, TopicSchemas.ENRICHED_ARTICLE);
  }
}
