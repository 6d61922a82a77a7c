package org.figstream.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/** The config setter on real RocksDB options, as Kafka Streams calls it for each store. */
class BoundedRocksDbMemoryTest {
  static {
    RocksDB.loadLibrary();
  }

  @Test
  void shouldGiveEveryStoreTheSameCacheSizedByTheConfig() {
    long bytes = 32L * 1024 * 1024;
    Map<String, Object> configs = Map.of(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, bytes);
    BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
    try (Options gate = new Options();
        Options ledger = new Options()) {
      gate.setTableFormatConfig(new BlockBasedTableConfig());
      ledger.setTableFormatConfig(new BlockBasedTableConfig());
      setter.setConfig("version-gate", gate, configs);
      setter.setConfig("pair-ledger", ledger, configs);

      // the first store fixes the size for the JVM; tests in this JVM all use the pipeline default
      // or this
      long shared = BoundedRocksDbMemory.sharedCacheBytes();
      assertThat(shared).isIn(bytes, BoundedRocksDbMemory.DEFAULT_TOTAL_BYTES);
      assertThat(BoundedRocksDbMemory.sharedCache(1))
          .isSameAs(BoundedRocksDbMemory.sharedCache(bytes));
      for (Options o : new Options[] {gate, ledger}) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) o.tableFormatConfig();
        assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
        assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
        assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
        assertThat(table.blockSize()).isEqualTo(BoundedRocksDbMemory.BLOCK_SIZE);
      }
    }
  }
}
