package org.figstream.records.codec;

import org.figstream.records.Announcement;
import org.figstream.records.Article;
import org.figstream.records.DeadLetter;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.PublishedFigure;
import org.figstream.records.PubmedRecord;

/**
 * The codec of every topic's values, each bound to its newest schema: {@code article-versions} and
 * {@code figstream-enrich-requests} carry announcements, {@code figures} published figures, {@code
 * articles} articles, {@code dlq} dead letters, {@code figstream-enriched} enriched articles. Keys
 * are UTF-8 strings everywhere (PMCID or pair id). Codecs are thread-safe: share these.
 */
public final class RecordCodecs {
  public static final RecordCodec<Announcement> ANNOUNCEMENTS =
      RecordCodec.of(Announcement.class, RecordSchemas.ANNOUNCEMENT);
  public static final RecordCodec<PublishedFigure> FIGURES =
      RecordCodec.of(PublishedFigure.class, RecordSchemas.FIGURE);
  public static final RecordCodec<Article> ARTICLES =
      RecordCodec.of(Article.class, RecordSchemas.ARTICLE);
  public static final RecordCodec<DeadLetter> DEAD_LETTERS =
      RecordCodec.of(DeadLetter.class, RecordSchemas.DEAD_LETTER);
  public static final RecordCodec<EnrichedArticle> ENRICHED =
      RecordCodec.of(EnrichedArticle.class, RecordSchemas.ENRICHED_ARTICLE);

  public static final RecordCodec<PubmedRecord> PUBMED =
      RecordCodec.of(PubmedRecord.class, RecordSchemas.PUBMED);

  private RecordCodecs() {}
}
