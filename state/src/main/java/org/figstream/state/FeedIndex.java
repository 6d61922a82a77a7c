package org.figstream.state;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Every metadata key the feed has seen, with its ETag and the last inventory that listed it. It is
 * how a day's inventory is compared with the previous ones without holding ~8 million rows in
 * memory, and how a key that vanished is found (listed by an older inventory, not by the newest).
 * Its memory counts against the same bound as the Streams stores' ({@link BoundedRocksDbMemory}).
 */
public final class FeedIndex implements AutoCloseable {
  static {
    RocksDB.loadLibrary();
  }

  /** What the index holds for a key. */
  public record Entry(String etag, String inventory) {}

  private final Options options;
  private final RocksDB db;

  public FeedIndex(Path dir) {
    this(dir, BoundedRocksDbMemory.DEFAULT_TOTAL_BYTES);
  }

  /**
   * The index in {@code dir}, sharing the JVM's RocksDB memory bound of {@code stateMemoryBytes}.
   */
  public FeedIndex(Path dir, long stateMemoryBytes) {
    try {
      Files.createDirectories(dir);
      options = new Options().setCreateIfMissing(true);
      BoundedRocksDbMemory.bound(options, stateMemoryBytes);
      db = RocksDB.open(options, dir.toString());
    } catch (Exception e) {
      // no changelog holds the index: it can only be started again, which is safe (see below)
      throw new IllegalStateException(
          "cannot open the feed index at "
              + dir
              + ": "
              + String.valueOf(e.getMessage()).strip().replaceAll("\\.+$", "")
              + ". If it is damaged, move the folder aside (or delete it) and start again: the"
              + " next feed pass announces every version the inventory lists once more, and the"
              + " version gate drops those already processed",
          e);
    }
  }

  public Entry get(String key) {
    try {
      byte[] v = db.get(key.getBytes(StandardCharsets.UTF_8));
      return v == null ? null : decode(v);
    } catch (RocksDBException e) {
      throw new IllegalStateException(e);
    }
  }

  public void put(String key, String etag, String inventory) {
    try {
      db.put(
          key.getBytes(StandardCharsets.UTF_8),
          (etag + "\t" + inventory).getBytes(StandardCharsets.UTF_8));
    } catch (RocksDBException e) {
      throw new IllegalStateException(e);
    }
  }

  public void delete(String key) {
    try {
      db.delete(key.getBytes(StandardCharsets.UTF_8));
    } catch (RocksDBException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean isEmpty() {
    try (RocksIterator it = db.newIterator()) {
      it.seekToFirst();
      return !it.isValid();
    }
  }

  /** Calls {@code action} with every key whose last listing is not {@code inventory}. */
  public void forEachNotListedIn(String inventory, Consumer<String> action) {
    try (RocksIterator it = db.newIterator()) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        if (!decode(it.value()).inventory().equals(inventory)) {
          action.accept(new String(it.key(), StandardCharsets.UTF_8));
        }
      }
    }
  }

  private static Entry decode(byte[] v) {
    String s = new String(v, StandardCharsets.UTF_8);
    int tab = s.indexOf('\t');
    return new Entry(s.substring(0, tab), s.substring(tab + 1));
  }

  @Override
  public void close() {
    db.close();
    options.close();
  }
}
