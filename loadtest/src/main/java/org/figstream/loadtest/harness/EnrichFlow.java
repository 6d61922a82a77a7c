package org.figstream.loadtest.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * When each figure of {@code figstream enrich} came out (its JSON line on stdout), with the child's
 * CPU time then: so that its full flow can be set beside the pipeline's, both without their JIT
 * warm-up and tails ({@link RunResult#steadyFiguresPerSecond}).
 */
final class EnrichFlow {
  private final List<double[]> figures = new ArrayList<>(); // seconds, CPU-seconds
  private final long started = System.nanoTime();
  private Thread reader;

  /** Reads the child's stdout to its end on a daemon thread, a point per figure line. */
  void follow(Process child) {
    reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  if (line.startsWith("{")) {
                    double cpu = ProcessStats.read(child.pid()).cpuSeconds();
                    add((System.nanoTime() - started) / 1e9, cpu);
                  }
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            "enrich-flow");
    reader.setDaemon(true);
    reader.start();
  }

  /** Waits for the reader to reach the end of the child's output (the child has exited). */
  void awaitEnd() throws InterruptedException {
    if (reader != null) {
      reader.join(60_000);
    }
  }

  synchronized void add(double seconds, double cpuSeconds) {
    figures.add(new double[] {seconds, cpuSeconds});
  }

  /**
   * Figures a second from the figure that made a quarter of them to the one that made nine tenths;
   * NaN with fewer than two figures in between.
   */
  synchronized double steadyFiguresPerSecond() {
    double[][] w = window();
    return w == null ? Double.NaN : (w[1][2] - w[0][2]) / (w[1][0] - w[0][0]);
  }

  /** CPU-seconds per figure over the same window; NaN as above. */
  synchronized double steadyCpuSecondsPerFigure() {
    double[][] w = window();
    return w == null ? Double.NaN : (w[1][1] - w[0][1]) / (w[1][2] - w[0][2]);
  }

  /** The figures reaching full flow's two shares; null with fewer than two figures in between. */
  private double[][] window() {
    double[] from = reaching(RunResult.FLOW_FROM);
    double[] to = reaching(RunResult.FLOW_TO);
    return to[2] - from[2] < 2 ? null : new double[][] {from, to};
  }

  /** The first figure that makes this share of them: its seconds, CPU and count. */
  private double[] reaching(double share) {
    if (figures.isEmpty()) {
      return new double[] {0, 0, 0};
    }
    int count = Math.max(1, (int) Math.ceil(share * figures.size()));
    double[] point = figures.get(count - 1);
    return new double[] {point[0], point[1], count};
  }
}
