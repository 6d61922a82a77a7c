package org.figstream.topology.join;

import java.util.Objects;
import org.figstream.state.ArticleEmit;

/**
 * Decides whether a result of the PubMed join goes on {@code articles}, given what was last put
 * there for its PMCID. The foreign-key join answers every update of a citation and every replay of
 * an article, changed or not; only a change is news. Pure, so every case is tested without Kafka;
 * the processor around it only reads and writes the store.
 */
public final class EmitRule {

  /** The verdict on one join result. */
  public enum Verdict {
    /** An article not on {@code articles} yet (or again, after a withdrawal). */
    NEW,
    /** The article itself changed (a new version), whatever its citation did. */
    ARTICLE_CHANGED,
    /** Only the citation changed: it appeared, was revised, or was deleted. */
    PUBMED_CHANGED,
    /** A withdrawal: the tombstone goes on, and the entry goes. */
    REMOVED,
    /** The same article with the same citation: a replay, or an unchanged citation update. */
    UNCHANGED;

    public boolean emits() {
      return this != UNCHANGED;
    }
  }

  private EmitRule() {}

  /**
   * @param last what was last emitted for the PMCID, null if nothing (or a tombstone)
   * @param next the digests of the join result, null for a tombstone
   */
  public static Verdict decide(ArticleEmit last, ArticleEmit next) {
    if (next == null) {
      return Verdict.REMOVED;
    }
    if (last == null) {
      return Verdict.NEW;
    }
    if (!Objects.equals(last.article(), next.article())) {
      return Verdict.ARTICLE_CHANGED;
    }
    return Objects.equals(last.pubmed(), next.pubmed())
        ? Verdict.UNCHANGED
        : Verdict.PUBMED_CHANGED;
  }
}
