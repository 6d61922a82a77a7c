package org.figstream.loadtest;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU and wall time of one measured pass of {@link HotPathReport}, with the CPU split by thread
 * group from /proc/self/task, since the process total alone does not say which stage grew.
 */
record HotPathPass(double cpuSeconds, double wallSeconds, Map<String, Double> groups) {
  private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

  /** Runs one pass of the variant over the samples and measures it. */
  static HotPathPass measure(HotPathVariant v, List<HotPathSample> samples) throws IOException {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Map<Long, Object[]> before = threads();
    long cpu = os.getProcessCpuTime();
    long started = System.nanoTime();
    v.annotate(samples);
    double wall = (System.nanoTime() - started) / 1e9;
    double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
    Map<Long, Object[]> after = threads();
    Map<String, Double> groups = new LinkedHashMap<>();
    after.forEach(
        (tid, now) -> {
          Object[] then = before.get(tid);
          long ticks = (long) now[1] - (then == null ? 0 : (long) then[1]);
          groups.merge(group((String) now[0]), ticks / (double) TICKS_PER_SECOND, Double::sum);
        });
    return new HotPathPass(cpuSeconds, wall, groups);
  }

  /** What a thread's name says it does. */
  private static String group(String comm) {
    if (comm.matches("ort[AB]-text")) {
      return "text model: ORT pool threads";
    }
    if (comm.matches("ort[AB]-image")) {
      return "image model: ORT pool threads";
    }
    if (comm.startsWith("embed-text")) {
      return "text model: caller (tokenize, ORT, labels)";
    }
    if (comm.startsWith("embed-image")) {
      return "image model: caller (ORT)";
    }
    if (comm.startsWith("parallel")) {
      return "preprocessing + pixel prior";
    }
    if (comm.contains("GC") || comm.startsWith("G1")) {
      return "GC";
    }
    if (comm.contains("Compiler")) {
      return "JIT";
    }
    return "other";
  }

  /** Every thread of this process: id, then {name, user + system ticks}. */
  private static Map<Long, Object[]> threads() throws IOException {
    Map<Long, Object[]> out = new HashMap<>();
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          int open = stat.indexOf('(');
          int close = stat.lastIndexOf(')');
          String comm = stat.substring(open + 1, close);
          String[] f = stat.substring(close + 2).split(" ");
          // after the name: state is field 3, utime 14 and stime 15 of stat(5)
          long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
          out.put(Long.parseLong(task.getFileName().toString()), new Object[] {comm, ticks});
        } catch (IOException | RuntimeException gone) {
          // the thread ended while it was read
        }
      }
    }
    return out;
  }
}
