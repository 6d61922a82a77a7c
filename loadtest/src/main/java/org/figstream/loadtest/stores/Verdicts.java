package org.figstream.loadtest.stores;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.figstream.records.NormalizedImage;
import org.figstream.records.PublishedFigure;
import org.figstream.topology.dedup.DedupSettings;

/**
 * Each published figure's dedup verdict against what {@link ScaleFigures} made it: an exact copy
 * must name the first figure with its pixels, a near copy an earlier canonical figure (published as
 * no one's duplicate) within the distance, and a fresh figure nothing, unless an unrelated earlier
 * hash happens to lie within the distance (counted apart, and checked to be within it).
 */
final class Verdicts {
  private static final int KEEP_WRONG = 20;

  private final ScaleFigures corpus;
  private final int distance = DedupSettings.DEFAULTS.maxDistance();
  private final List<String> wrong = new ArrayList<>();

  /** Figures published as no one's duplicate, in the order they came: what a near copy may name. */
  private final BitSet canonical = new BitSet();

  private long checked;
  private long exact;
  private long near;
  private long chance;
  private long wrongCount;

  Verdicts(ScaleFigures corpus) {
    this.corpus = corpus;
  }

  void check(PublishedFigure published) {
    checked++;
    int figure = ScaleFigures.figureOf(published.pairId());
    String of = published.duplicateOf();
    String kind = published.duplicateKind();
    if (of == null) {
      canonical.set(figure);
    }
    switch (corpus.kind(figure)) {
      case EXACT -> {
        if ("exact".equals(kind)
            && ScaleFigures.pairId(corpus.firstWithPixels(figure)).equals(of)) {
          exact++;
        } else {
          wrong(
              published, "an exact copy of " + ScaleFigures.pairId(corpus.firstWithPixels(figure)));
        }
      }
      case NEAR -> {
        if ("near".equals(kind) && withinDistance(figure, of)) {
          near++;
        } else {
          wrong(published, "a near copy");
        }
      }
      case FRESH -> {
        if (of == null) {
          return;
        }
        if ("near".equals(kind) && withinDistance(figure, of)) {
          chance++;
        } else {
          wrong(published, "no copy");
        }
      }
    }
  }

  private boolean withinDistance(int figure, String of) {
    if (of == null) {
      return false;
    }
    int other = ScaleFigures.figureOf(of);
    return other < figure
        && canonical.get(other)
        && NormalizedImage.hammingDistance(corpus.hash(figure), corpus.hash(other)) <= distance;
  }

  private void wrong(PublishedFigure p, String expected) {
    wrongCount++;
    if (wrong.size() < KEEP_WRONG) {
      wrong.add(
          p.pairId()
              + ": expected "
              + expected
              + ", got "
              + p.duplicateKind()
              + " of "
              + p.duplicateOf());
    }
  }

  long checked() {
    return checked;
  }

  long exact() {
    return exact;
  }

  long near() {
    return near;
  }

  long chance() {
    return chance;
  }

  long wrongCount() {
    return wrongCount;
  }

  List<String> wrong() {
    return wrong;
  }
}
