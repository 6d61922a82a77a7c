package org.figstream.topology.join;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the PubMed join put on {@code articles}: every article record by its PubMed state, and the
 * re-emits a PubMed change caused. Whoever runs the topology hands one in ({@link #on}); {@link
 * #NONE} counts nothing.
 */
public interface JoinCounts {
  /** Articles put on {@code articles}, by {@code pubmed} ({@link Pubmed}'s labels). */
  String ARTICLES_METRIC = "figstream.join.articles";

  /** Articles put on {@code articles} again because only their PubMed citation changed. */
  String PUBMED_CHANGES_METRIC = "figstream.join.pubmed.changes";

  /** An emitted article's PubMed state. */
  enum Pubmed {
    /** The article has no PMID (or none that is digits only): nothing to join. */
    NO_PMID,
    /** The article went out with its PubMed citation. */
    JOINED,
    /** The article has a PMID whose citation is not on {@code pubmed} (yet, or any more). */
    WAITING;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** One article record put on {@code articles} (not a tombstone). */
  void emitted(Pubmed state);

  /** One of those emits was caused by a change of the citation alone. */
  void pubmedChanged();

  JoinCounts NONE =
      new JoinCounts() {
        @Override
        public void emitted(Pubmed state) {}

        @Override
        public void pubmedChanged() {}
      };

  /** Counters on {@code registry}, every series registered now at 0. */
  static JoinCounts on(MeterRegistry registry) {
    Map<Pubmed, Counter> articles = new EnumMap<>(Pubmed.class);
    for (Pubmed p : Pubmed.values()) {
      articles.put(p, Counter.builder(ARTICLES_METRIC).tag("pubmed", p.label()).register(registry));
    }
    Counter changes = Counter.builder(PUBMED_CHANGES_METRIC).register(registry);
    return new JoinCounts() {
      @Override
      public void emitted(Pubmed state) {
        articles.get(state).increment();
      }

      @Override
      public void pubmedChanged() {
        changes.increment();
      }
    };
  }
}
