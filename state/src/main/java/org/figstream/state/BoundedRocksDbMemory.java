package org.figstream.state;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the off-heap memory of every RocksDB store of this JVM together, as the Kafka Streams memory
 * management guide recommends: one LRU block cache shared by all stores, index and filter blocks
 * counted in it, and a write buffer manager that charges memtables to the same cache. Without it
 * each store (and each task's copy) takes its own 50 MB of block cache and memtables, growing with
 * the partitions. The feed index, a RocksDB of its own outside Kafka Streams, is put under the same
 * bound ({@link #bound}).
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
  /** Streams config key with the total bytes for block cache and memtables. */
  public static final String TOTAL_BYTES_CONFIG = "figstream.rocksdb.total.bytes";

  /** The bound when none is configured: 64 MiB. */
  public static final long DEFAULT_TOTAL_BYTES = 64L * 1024 * 1024;

  static final double MEMTABLE_SHARE = 0.5;
  static final double INDEX_FILTER_SHARE = 0.1;
  static final long BLOCK_SIZE = 16 * 1024;

  private static Cache cache;
  private static WriteBufferManager writeBuffers;
  private static long cacheBytes;

  /** The shared pair, created by the first store with the size it is configured with. */
  static synchronized Cache sharedCache(long totalBytes) {
    if (cache == null) {
      cacheBytes = totalBytes;
      cache = new LRUCache(totalBytes, -1, false, INDEX_FILTER_SHARE);
      writeBuffers = new WriteBufferManager((long) (totalBytes * MEMTABLE_SHARE), cache);
    }
    return cache;
  }

  static synchronized long sharedCacheBytes() {
    return cacheBytes;
  }

  /**
   * Bytes in the shared cache now: blocks, index and filter blocks, and the memtables charged to it
   * (0 before the first store opens).
   */
  public static synchronized long usedBytes() {
    return cache == null ? 0 : cache.getUsage();
  }

  /** The bound all stores share (0 before the first store opens). */
  public static synchronized long limitBytes() {
    return cacheBytes;
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    Object total = configs.get(TOTAL_BYTES_CONFIG);
    bound(options, total == null ? DEFAULT_TOTAL_BYTES : Long.parseLong(total.toString()));
  }

  /**
   * Puts a store under the JVM's one bound: its block cache, index and filter blocks, and memtables
   * all charged to the shared cache (created with {@code totalBytes} by the first store).
   */
  public static void bound(Options options, long totalBytes) {
    Cache shared = sharedCache(totalBytes);
    BlockBasedTableConfig table =
        options.tableFormatConfig() instanceof BlockBasedTableConfig given
            ? given
            : new BlockBasedTableConfig();
    table.setBlockCache(shared);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    table.setBlockSize(BLOCK_SIZE);
    synchronized (BoundedRocksDbMemory.class) {
      options.setWriteBufferManager(writeBuffers);
    }
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // the cache and write buffer manager are shared by every store: closing them here would break
    // the others
  }
}
