package org.figstream.loadtest.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident memory and CPU time, from Linux's /proc (zeros elsewhere). */
final class ProcessStats {
  /** USER_HZ: Linux reports CPU times in 1/100 s on every architecture the JDK runs on. */
  private static final double TICKS_PER_SECOND = 100;

  record Reading(double rssBytes, double peakRssBytes, double cpuSeconds) {}

  private ProcessStats() {}

  static Reading read(long pid) {
    try {
      double rss = 0;
      double peak = 0;
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = kilobytes(line) * 1024;
        } else if (line.startsWith("VmHWM:")) {
          peak = kilobytes(line) * 1024;
        }
      }
      double cpu = cpuSeconds(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
      return new Reading(rss, peak, cpu);
    } catch (IOException | RuntimeException e) {
      return new Reading(0, 0, 0);
    }
  }

  /** utime + stime of a /proc stat line (a process's or a thread's), in seconds. */
  static double cpuSeconds(String stat) {
    // fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
  }

  private static double kilobytes(String line) {
    return Double.parseDouble(line.replaceAll("[^0-9]", ""));
  }
}
