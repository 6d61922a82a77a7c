package org.figstream.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A memory cgroup with a limit, made under this process's own (cgroup v1 or v2), so that a command
 * can run the way a container with {@code resources.limits.memory} does. Root only; null where the
 * cgroup file system does not allow it.
 */
record MemoryLimit(Path dir) implements AutoCloseable {
  static MemoryLimit create(long bytes) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
        String[] f = line.split(":", 3);
        Path dir;
        String file;
        if (List.of(f[1].split(",")).contains("memory")) {
          dir = Path.of("/sys/fs/cgroup/memory" + f[2]);
          file = "memory.limit_in_bytes";
        } else if (f[0].equals("0") && f[1].isEmpty()) {
          dir = Path.of("/sys/fs/cgroup" + f[2]);
          file = "memory.max";
        } else {
          continue;
        }
        Path child = dir.resolve("figstream-image-check-" + ProcessHandle.current().pid());
        Files.createDirectory(child);
        try {
          Files.writeString(child.resolve(file), Long.toString(bytes));
          return new MemoryLimit(child);
        } catch (IOException e) {
          Files.delete(child);
          return null;
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }

  /** Where a process writes its pid to join. */
  Path procs() {
    return dir.resolve("cgroup.procs");
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(dir);
  }
}
