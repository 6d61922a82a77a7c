package org.figstream.runtime;

import org.figstream.records.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the dedup stage can find, from the partitions of its input: articles are keyed by PMCID, and
 * each partition of figstream-enriched has its own dedup index, so with more than one partition an
 * image shown by two articles on different partitions is not found to be a duplicate. Said at
 * start, since an existing topic keeps its partitions whatever {@code --dedup-partitions} asks.
 */
final class DedupScope {
  private static final Logger LOG = LoggerFactory.getLogger(DedupScope.class);

  private DedupScope() {}

  /** The line to log, or null when dedup is whole as asked. */
  static String note(int actual, int asked) {
    String scope =
        actual == 1
            ? "dedup runs on 1 partition of " + Topics.ENRICHED + ": every duplicate is found"
            : "dedup runs on "
                + actual
                + " partitions of "
                + Topics.ENRICHED
                + ": an image shown by articles on different partitions is not found to be a"
                + " duplicate";
    if (actual != asked) {
      return scope
          + " (--dedup-partitions "
          + asked
          + " applies where the topic is created; an existing topic keeps its partitions)";
    }
    return actual == 1 ? null : scope;
  }

  static void log(int actual, int asked) {
    String note = note(actual, asked);
    if (note != null && actual == asked) {
      LOG.info(note);
    } else if (note != null) {
      LOG.warn(note);
    }
  }
}
