package org.figstream.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files a running process has mapped (its native libraries among them), from Linux's {@code
 * /proc/<pid>/maps}: where a library was unpacked shows even after it was deleted.
 */
final class MappedFiles {
  private static final List<String> SYSTEM = List.of("/usr/", "/lib/", "/lib64/", "/etc/");

  private MappedFiles() {}

  static boolean readable(long pid) {
    return Files.isReadable(Path.of("/proc", Long.toString(pid), "maps"));
  }

  /** Mapped files that belong neither to the system, the JDK, nor the given directory. */
  static List<String> outside(long pid, Path dataDir) throws IOException {
    String javaHome = Path.of(System.getProperty("java.home")).toRealPath().toString();
    String data = dataDir.toAbsolutePath().toString();
    return all(pid).stream()
        .filter(f -> SYSTEM.stream().noneMatch(f::startsWith))
        .filter(f -> !f.startsWith(javaHome) && !f.startsWith(data))
        .toList();
  }

  /** Mapped files under the given directory. */
  static List<String> under(long pid, Path dir) throws IOException {
    String prefix = dir.toAbsolutePath().toString();
    return all(pid).stream().filter(f -> f.startsWith(prefix)).toList();
  }

  private static List<String> all(long pid) throws IOException {
    return Files.readAllLines(Path.of("/proc", Long.toString(pid), "maps")).stream()
        .map(line -> line.split("\\s+", 6))
        .filter(fields -> fields.length == 6 && fields[5].startsWith("/"))
        .map(fields -> fields[5].replace(" (deleted)", ""))
        .distinct()
        .sorted()
        .toList();
  }
}
