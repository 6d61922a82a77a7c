package org.figstream.state;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.BiConsumer;
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

  /** A place in an inventory: this index holds the stamps of every row of it before there. */
  public record Position(String inventory, int part, long rows) {}

  /** Where {@link Position} is kept: not a metadata key, so never taken for a row. */
  private static final byte[] STAMPED = "#stamped-through".getBytes(StandardCharsets.UTF_8);

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

  /**
   * Records that {@code inventory} lists {@code key} while keeping the ETag the index has for it,
   * so that the next pass compares the row with that older ETag again (a row whose metadata could
   * not be read this time). Does nothing for a key the index does not hold.
   */
  public void restamp(String key, String inventory) {
    Entry seen = get(key);
    if (seen != null) {
      put(key, seen.etag(), inventory);
    }
  }

  public void delete(String key) {
    try {
      db.delete(key.getBytes(StandardCharsets.UTF_8));
    } catch (RocksDBException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Records that every row of {@code inventory} before {@code part}/{@code rows} is stamped here.
   * Written after those rows' own writes, so a crash between them leaves it behind, never ahead.
   */
  public void stampedThrough(Position position) {
    try {
      db.put(
          STAMPED,
          (position.inventory() + "\t" + position.part() + "\t" + position.rows())
              .getBytes(StandardCharsets.UTF_8));
    } catch (RocksDBException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The last {@link #stampedThrough(Position)}, or null. */
  public Position stampedThrough() {
    try {
      byte[] v = db.get(STAMPED);
      if (v == null) {
        return null;
      }
      String[] f = new String(v, StandardCharsets.UTF_8).split("\t");
      return new Position(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]));
    } catch (RocksDBException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean isEmpty() {
    try (RocksIterator it = db.newIterator()) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        if (!Arrays.equals(it.key(), STAMPED)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Calls {@code action} with every key whose last listing is not {@code inventory}, and its entry.
   */
  public void forEachNotListedIn(String inventory, BiConsumer<String, Entry> action) {
    try (RocksIterator it = db.newIterator()) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        if (Arrays.equals(it.key(), STAMPED)) {
          continue;
        }
        Entry entry = decode(it.value());
        if (!entry.inventory().equals(inventory)) {
          action.accept(new String(it.key(), StandardCharsets.UTF_8), entry);
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
