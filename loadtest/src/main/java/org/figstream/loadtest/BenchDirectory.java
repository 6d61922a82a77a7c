package org.figstream.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where {@link ParquetWriteReport} writes its files, and their removal afterwards: in memory when
 * the machine has {@code /dev/shm}, so that no disk is part of what is measured.
 */
final class BenchDirectory {
  private BenchDirectory() {}

  /**
   * {@code -Dfigstream.bench.dir}, else {@code /dev/shm} when writable, else the temp directory.
   */
  static Path workRoot() {
    String configured = System.getProperty("figstream.bench.dir");
    if (configured != null) {
      return Path.of(configured);
    }
    Path shm = Path.of("/dev/shm");
    return Files.isDirectory(shm) && Files.isWritable(shm)
        ? shm
        : Path.of(System.getProperty("java.io.tmpdir"));
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
