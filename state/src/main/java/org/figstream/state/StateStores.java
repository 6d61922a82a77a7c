package org.figstream.state;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Every Kafka Streams store of the topology, built in one place: persistent RocksDB key-value
 * stores with changelogs, keyed by UTF-8 strings, their values in JSON ({@link JsonSerde}). Their
 * memory is bounded together by {@link BoundedRocksDbMemory}, which the application sets as the
 * Streams config setter.
 */
public final class StateStores {
  private static final Serde<String> KEYS = Serdes.String();

  private StateStores() {}

  /** PMCID to the latest version the gate saw ({@link StoreNames#VERSION_GATE}). */
  public static StoreBuilder<KeyValueStore<String, GateState>> versionGate() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.VERSION_GATE),
        KEYS,
        JsonSerde.of(GateState.class));
  }

  /** Pixel SHA-256 to the first pair that showed that image ({@link StoreNames#DEDUP_EXACT}). */
  public static StoreBuilder<KeyValueStore<String, String>> dedupExact() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.DEDUP_EXACT), KEYS, KEYS);
  }

  /** Perceptual-hash block to the pairs with that block ({@link StoreNames#DEDUP_NEAR}). */
  public static StoreBuilder<KeyValueStore<String, String>> dedupNear() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.DEDUP_NEAR), KEYS, KEYS);
  }

  /** PMCID to the version published and its pair ids ({@link StoreNames#PAIR_LEDGER}). */
  public static StoreBuilder<KeyValueStore<String, LedgerEntry>> pairLedger() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.PAIR_LEDGER),
        KEYS,
        JsonSerde.of(LedgerEntry.class));
  }
}
