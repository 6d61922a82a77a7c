package org.figstream.runtime;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.figstream.state.LedgerEntry;
import org.figstream.state.StoreNames;

/**
 * Live pairs and articles as the pair ledger holds them: every article that is not withdrawn, with
 * the pair ids it has on {@code figures}. Read from the ledger's RocksDB store, so a summary costs
 * a pass over one small entry per article, not a read of the figures topic (whose records carry the
 * images). With several instances each counts the partitions it is active for, and one active for
 * none counts nothing ({@link Pipeline#ledgerCounts}).
 */
public record LedgerCounts(long pairs, long articles) {

  /**
   * How long an instance must have run no ledger partition, its group settled, before it counts
   * nothing: a restarted instance runs its tasks only once they are restored, and meanwhile has
   * none either.
   */
  static final Duration SETTLED_WITHOUT_LEDGER = Duration.ofSeconds(5);

  /**
   * Reads the local ledger; retries while a rebalance moves its store or a restore fills it. None
   * when {@code runsNone} has held for {@link #SETTLED_WITHOUT_LEDGER} (the ledger is another
   * instance's) or still holds at the timeout.
   */
  static LedgerCounts read(KafkaStreams streams, Duration timeout, BooleanSupplier runsNone)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long noneSince = -1;
    while (true) {
      try {
        return count(
            streams.store(
                StoreQueryParameters.fromNameAndType(
                    StoreNames.PAIR_LEDGER,
                    QueryableStoreTypes.<String, LedgerEntry>keyValueStore())));
      } catch (InvalidStateStoreException e) {
        long now = System.nanoTime();
        boolean none = runsNone.getAsBoolean();
        noneSince = none ? (noneSince < 0 ? now : noneSince) : -1;
        if (none && now - noneSince >= SETTLED_WITHOUT_LEDGER.toNanos()) {
          return new LedgerCounts(0, 0);
        }
        if (now > deadline) {
          if (none) {
            return new LedgerCounts(0, 0);
          }
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  private static LedgerCounts count(ReadOnlyKeyValueStore<String, LedgerEntry> ledger) {
    long pairs = 0;
    long articles = 0;
    try (KeyValueIterator<String, LedgerEntry> all = ledger.all()) {
      while (all.hasNext()) {
        LedgerEntry e = all.next().value;
        if (!e.withdrawn()) {
          articles++;
          pairs += e.pairIds().size();
        }
      }
    }
    return new LedgerCounts(pairs, articles);
  }
}
