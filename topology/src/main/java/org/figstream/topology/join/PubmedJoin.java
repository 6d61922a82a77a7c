package org.figstream.topology.join;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TableJoined;
import org.figstream.records.Article;
import org.figstream.records.PubmedRecord;
import org.figstream.records.Topics;
import org.figstream.state.StateStores;
import org.figstream.state.StoreNames;
import org.figstream.topology.schema.TopicSerdes;

/**
 * Articles as extracted (a table keyed by PMCID) left-joined with PubMed citations (a table keyed
 * by PMID) by the article's PMID ({@link Pmids#normalise}), through the emit gate to {@code
 * articles}. Kafka Streams' foreign-key join: an article without a PMID, or whose citation is not
 * known, goes out with {@code pubmed} null; a citation that arrives, changes or is deleted re-emits
 * every article that has its PMID. Every node, store and internal topic is named here or in {@link
 * StoreNames}, so that none of them is renamed by a change elsewhere in the topology.
 */
public final class PubmedJoin {
  /** The table of extracted articles; its source node is this name with {@code -source}. */
  public static final String ARTICLES_TABLE = "extracted-articles-table";

  /** The table of PubMed citations; its source node is this name with {@code -source}. */
  public static final String PUBMED_TABLE = "pubmed-table";

  /** The join's results as a stream. */
  public static final String JOINED = "joined-articles";

  /** The emit gate ({@link ArticleEmitProcessor}). */
  public static final String EMIT_GATE = "article-emit-gate";

  /** The sink to {@code articles}. */
  public static final String TO_ARTICLES = "articles";

  private PubmedJoin() {}

  /** Adds the join, the gate and its store to {@code builder}. */
  public static void addTo(StreamsBuilder builder, JoinCounts counts) {
    Serde<String> keys = Serdes.String();
    Serde<Article> articles = TopicSerdes.articles();
    Serde<PubmedRecord> citations = TopicSerdes.pubmed();
    KTable<String, Article> extracted =
        builder.table(
            Topics.EXTRACTED_ARTICLES,
            Consumed.with(keys, articles).withName(ARTICLES_TABLE),
            StateStores.extractedArticles(articles));
    KTable<String, PubmedRecord> pubmed =
        builder.table(
            Topics.PUBMED,
            Consumed.with(keys, citations).withName(PUBMED_TABLE),
            StateStores.pubmedRecords(citations));
    builder.addStateStore(StateStores.articleEmits());
    extracted
        .leftJoin(
            pubmed,
            (Article a) -> Pmids.normalise(a.pmid()),
            Article::withPubmed,
            TableJoined.as(StoreNames.PUBMED_JOIN))
        .toStream(Named.as(JOINED))
        .process(
            () -> new ArticleEmitProcessor(counts), Named.as(EMIT_GATE), StoreNames.ARTICLE_EMITS)
        .to(Topics.ARTICLES, Produced.with(keys, articles).withName(TO_ARTICLES));
  }
}
