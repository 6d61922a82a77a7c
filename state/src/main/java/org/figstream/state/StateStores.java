package org.figstream.state;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Every Kafka Streams store of the topology, built in one place: persistent RocksDB key-value
 * stores with changelogs, keyed by UTF-8 strings, their values in JSON ({@link JsonSerde}). Their
 * memory is bounded together by {@link BoundedRocksDbMemory}, which the application sets as the
 * Streams config setter. The PubMed join's two tables are DSL tables: their stores are given here
 * as {@link Materialized}, with the value serde of their topic.
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

  /**
   * PMCID to the article as extracted ({@link StoreNames#EXTRACTED_ARTICLES}), in the serde of its
   * topic.
   */
  public static <V> Materialized<String, V, KeyValueStore<Bytes, byte[]>> extractedArticles(
      Serde<V> articles) {
    return table(StoreNames.EXTRACTED_ARTICLES, articles);
  }

  /** PMID to its PubMed citation ({@link StoreNames#PUBMED_RECORDS}), in the serde of its topic. */
  public static <V> Materialized<String, V, KeyValueStore<Bytes, byte[]>> pubmedRecords(
      Serde<V> records) {
    return table(StoreNames.PUBMED_RECORDS, records);
  }

  /**
   * PMCID to the digests of the article last put on {@code articles} ({@link
   * StoreNames#ARTICLE_EMITS}).
   */
  public static StoreBuilder<KeyValueStore<String, ArticleEmit>> articleEmits() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(StoreNames.ARTICLE_EMITS),
        KEYS,
        JsonSerde.of(ArticleEmit.class));
  }

  private static <V> Materialized<String, V, KeyValueStore<Bytes, byte[]>> table(
      String name, Serde<V> values) {
    return Materialized.<String, V>as(Stores.persistentKeyValueStore(name))
        .withKeySerde(KEYS)
        .withValueSerde(values);
  }
}
