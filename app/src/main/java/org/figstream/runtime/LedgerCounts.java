package org.figstream.runtime;

import java.time.Duration;
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
 * images). With several instances each counts the partitions it is active for.
 */
public record LedgerCounts(long pairs, long articles) {

  /** Reads the local ledger; retries while a rebalance moves its store. */
  static LedgerCounts read(KafkaStreams streams, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        return count(
            streams.store(
                StoreQueryParameters.fromNameAndType(
                    StoreNames.PAIR_LEDGER,
                    QueryableStoreTypes.<String, LedgerEntry>keyValueStore())));
      } catch (InvalidStateStoreException e) {
        if (System.nanoTime() > deadline) {
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
