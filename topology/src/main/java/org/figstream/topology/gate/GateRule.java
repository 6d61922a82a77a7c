package org.figstream.topology.gate;

import java.util.Objects;
import org.figstream.records.Announcement;
import org.figstream.records.Change;
import org.figstream.state.GateState;

/**
 * Decides what an announcement means given what the gate has seen of its article. Pure, so every
 * case is tested without Kafka; the processor around it only reads and writes the store.
 */
public final class GateRule {

  /** The gate's verdict. */
  public enum Verdict {
    /**
     * A version to enrich: new, newer, or the latest with changed files. Never an announcement that
     * {@link Announcement#withdraws()}: the enrichment stage tells a withdrawal by that alone.
     */
    ENRICH,
    /**
     * The article's pairs must all go: retracted, or its latest version removed; always an
     * announcement that {@link Announcement#withdraws()}.
     */
    WITHDRAW,
    /** Nothing to do: a replay, an older version, or the removal of a superseded one. */
    DROP
  }

  private GateRule() {}

  public static Verdict decide(GateState seen, Announcement a) {
    return decide(seen, a, false);
  }

  /**
   * With {@code replay}: the announcement re-announces a version that ended in a dead letter (see
   * {@code figstream dlq --replay}), so the latest version, seen before, is enriched again; an
   * older version or one withdrawn since stays dropped.
   */
  public static Verdict decide(GateState seen, Announcement a, boolean replay) {
    if (replay && a.change() == Change.VERSION) {
      boolean latest =
          seen == null
              || (!seen.withdrawn()
                  && a.version() == seen.version()
                  && Objects.equals(a.etag(), seen.etag()));
      return latest && !a.withdraws() ? Verdict.ENRICH : Verdict.DROP;
    }
    if (a.change() == Change.REMOVAL) {
      return seen != null && a.version() == seen.version() && !seen.withdrawn()
          ? Verdict.WITHDRAW
          : Verdict.DROP;
    }
    if (seen != null && a.version() < seen.version()) {
      return Verdict.DROP;
    }
    boolean sameVersion = seen != null && a.version() == seen.version();
    if (sameVersion && Objects.equals(a.etag(), seen.etag())) {
      return Verdict.DROP; // a replay: harmless by design, dropped here
    }
    if (a.withdraws()) {
      return seen != null && seen.withdrawn() && sameVersion ? Verdict.DROP : Verdict.WITHDRAW;
    }
    return Verdict.ENRICH;
  }

  /** The state after acting on {@code a}. */
  public static GateState next(GateState seen, Announcement a, Verdict verdict) {
    return switch (verdict) {
      case DROP -> seen;
      case ENRICH -> new GateState(a.version(), a.etag(), false);
      case WITHDRAW ->
          new GateState(Math.max(a.version(), seen == null ? 0 : seen.version()), a.etag(), true);
    };
  }
}
