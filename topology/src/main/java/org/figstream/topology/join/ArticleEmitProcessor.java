package org.figstream.topology.join;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.figstream.records.Article;
import org.figstream.state.ArticleEmit;
import org.figstream.state.StoreNames;

/**
 * The emit gate after the PubMed join: one RocksDB entry per PMCID with the digests of the article
 * last put on {@code articles}; a join result goes on only when {@link EmitRule} says it is news. A
 * tombstone always goes on (the join sends one only for an article it had), with the headers the
 * join carried from the withdrawal ({@code figstream.reason}), and clears the entry.
 */
public final class ArticleEmitProcessor implements Processor<String, Article, String, Article> {
  private final JoinCounts counts;
  private final ArticleDigest digest = new ArticleDigest();
  private ProcessorContext<String, Article> context;
  private KeyValueStore<String, ArticleEmit> store;

  public ArticleEmitProcessor(JoinCounts counts) {
    this.counts = counts;
  }

  @Override
  public void init(ProcessorContext<String, Article> context) {
    this.context = context;
    this.store = context.getStateStore(StoreNames.ARTICLE_EMITS);
  }

  @Override
  public void process(Record<String, Article> record) {
    if (record.key() == null) {
      return;
    }
    Article article = record.value();
    ArticleEmit next = article == null ? null : digest.of(article);
    EmitRule.Verdict verdict = EmitRule.decide(store.get(record.key()), next);
    if (!verdict.emits()) {
      return;
    }
    context.forward(record);
    if (next == null) {
      store.delete(record.key());
      return;
    }
    store.put(record.key(), next);
    counts.emitted(state(article));
    if (verdict == EmitRule.Verdict.PUBMED_CHANGED) {
      counts.pubmedChanged();
    }
  }

  static JoinCounts.Pubmed state(Article article) {
    if (article.pubmed() != null) {
      return JoinCounts.Pubmed.JOINED;
    }
    return Pmids.normalise(article.pmid()) == null
        ? JoinCounts.Pubmed.NO_PMID
        : JoinCounts.Pubmed.WAITING;
  }
}
