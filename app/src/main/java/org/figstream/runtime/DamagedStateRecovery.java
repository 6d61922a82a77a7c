package org.figstream.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.rocksdb.RocksDBException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the Streams application; a store whose RocksDB files are damaged (a disk error, a partial
 * copy) makes the start fail, and its task's folder is then removed so that Kafka Streams restores
 * the task from its changelog, as it does after {@code TaskCorruptedException}. Every store of the
 * topology has a changelog, so nothing is lost; anything else stops the start as before.
 */
final class DamagedStateRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(DamagedStateRecovery.class);
  private static final Pattern LOCATION =
      Pattern.compile("Error opening store \\S+ at location (\\S+)");

  /** At most this many damaged task folders are removed in one start: a bound, not a loop. */
  static final int MAX_REMOVALS = 64;

  private DamagedStateRecovery() {}

  /** Starts the application made by {@code streams}, making a new one after each removal. */
  static KafkaStreams start(Supplier<KafkaStreams> streams, Path stateDir) {
    for (int removed = 0; ; removed++) {
      KafkaStreams s = streams.get();
      try {
        s.start();
        return s;
      } catch (ProcessorStateException e) {
        s.close();
        Path task = damagedTask(e, stateDir);
        if (task == null || removed >= MAX_REMOVALS) {
          throw e;
        }
        LOG.warn(
            "the Streams store at {} is damaged ({}); removing its task folder {}: the task is"
                + " restored from its changelog",
            location(e),
            rootMessage(e),
            task);
        deleteTree(task);
      }
    }
  }

  /**
   * The task folder ({@code <state dir>/<application>/<task>}) of a store that RocksDB found
   * corrupt, or null when the failure is something else.
   */
  static Path damagedTask(ProcessorStateException e, Path stateDir) {
    String where = location(e);
    if (where == null || !(e.getCause() instanceof RocksDBException rocks)) {
      return null;
    }
    String text = rootMessage(e).toLowerCase(Locale.ROOT);
    boolean corrupt =
        (rocks.getStatus() != null
                && rocks.getStatus().getCode() == org.rocksdb.Status.Code.Corruption)
            || text.contains("corrupt");
    Path store = Path.of(where).toAbsolutePath().normalize();
    Path root = stateDir.toAbsolutePath().normalize();
    // <root>/<application>/<task>/rocksdb/<store>: never anything outside the state directory
    if (!corrupt || store.getNameCount() < root.getNameCount() + 4 || !store.startsWith(root)) {
      return null;
    }
    return root.resolve(store.subpath(root.getNameCount(), root.getNameCount() + 2));
  }

  private static String location(ProcessorStateException e) {
    Matcher m = LOCATION.matcher(String.valueOf(e.getMessage()));
    return m.find() ? m.group(1) : null;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }

  private static void deleteTree(Path dir) {
    try {
      FileTrees.delete(dir);
    } catch (IOException io) {
      throw new IllegalStateException(
          "cannot remove the damaged Streams task folder " + dir + ": " + io.getMessage(), io);
    }
  }
}
