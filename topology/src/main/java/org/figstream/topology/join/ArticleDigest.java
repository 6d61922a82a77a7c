package org.figstream.topology.join;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.kafka.common.serialization.Serializer;
import org.figstream.records.Article;
import org.figstream.records.PubmedRecord;
import org.figstream.records.Topics;
import org.figstream.state.ArticleEmit;
import org.figstream.topology.schema.TopicSerdes;

/**
 * The digests of a joined article ({@link ArticleEmit}): SHA-256 of the article serialised as its
 * topic has it, without its PubMed citation, and of the citation serialised as {@code pubmed} has
 * it. Equal records give equal digests: the codec writes the same bytes for the same value.
 */
final class ArticleDigest {
  private final Serializer<Article> articles = TopicSerdes.articles().serializer();
  private final Serializer<PubmedRecord> citations = TopicSerdes.pubmed().serializer();

  ArticleEmit of(Article joined) {
    String article = sha256(articles.serialize(Topics.ARTICLES, joined.withPubmed(null)));
    String pubmed =
        joined.pubmed() == null
            ? null
            : sha256(citations.serialize(Topics.PUBMED, joined.pubmed()));
    return new ArticleEmit(article, pubmed);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
