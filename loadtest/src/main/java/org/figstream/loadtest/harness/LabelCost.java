package org.figstream.loadtest.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cost of concept labels: one backfill workload through the real {@code figstream run} with its
 * labels ({@code zero-shot} unless the workload says otherwise) and with {@code --labels none}, in
 * one invocation, alternating off and on for ROUNDS rounds (1 by default; the docs' runs used 2) so
 * that a noisy neighbour on a shared machine weighs on both sides alike. Each side's rate is its
 * figures over the seconds from its first announcement to caught up; the target is labels-on at
 * least 0.85 of labels-off.
 *
 * <pre>
 * java -cp 'loadtest/target/figstream-loadtest.jar:loadtest/target/lib/*' \
 *   org.figstream.loadtest.harness.LabelCost loadtest/workloads/labels-cost.yaml RESULTS_DIR [ROUNDS]
 * </pre>
 */
public final class LabelCost {
  private LabelCost() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Workload on = Workload.read(Path.of(args[0]));
    Path dir = Path.of(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    Workload off = withoutLabels(on);
    List<Side> offRuns = new ArrayList<>();
    List<Side> onRuns = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      offRuns.add(measure(off, dir.resolve("off-" + r)));
      onRuns.add(measure(on, dir.resolve("on-" + r)));
    }
    Side offTotal = Side.sum(offRuns);
    Side onTotal = Side.sum(onRuns);
    System.out.printf(
        Locale.ROOT,
        "label cost: labels off %.0f figures in %.1f s: %.2f figures/s, %.3f CPU-s a figure;"
            + " labels on %.0f figures in %.1f s: %.2f figures/s, %.3f CPU-s a figure;"
            + " rate ratio on/off %.2f (target >= 0.85), CPU ratio on/off %.2f%n",
        offTotal.figures(),
        offTotal.seconds(),
        offTotal.rate(),
        offTotal.cpuPerFigure(),
        onTotal.figures(),
        onTotal.seconds(),
        onTotal.rate(),
        onTotal.cpuPerFigure(),
        onTotal.rate() / offTotal.rate(),
        onTotal.cpuPerFigure() / offTotal.cpuPerFigure());
  }

  /** The same workload with {@code --labels none} in place of whatever labels it asked for. */
  static Workload withoutLabels(Workload w) {
    List<String> args = new ArrayList<>();
    for (int i = 0; i < w.args().size(); i++) {
      if (w.args().get(i).equals("--labels")) {
        i++; // and its value
      } else {
        args.add(w.args().get(i));
      }
    }
    args.addAll(List.of("--labels", "none"));
    return w.with(w.name() + "-labels-none", args, w.jvm());
  }

  private static Side measure(Workload w, Path dir) throws Exception {
    RunResult run = LoadHarness.run(w, dir, System.out);
    // the harness stops figstream with SIGTERM once it has caught up: 143 is that stop
    if (run.exitCode() != 0 && run.exitCode() != 143) {
      throw new IllegalStateException(w.name() + ": figstream exited " + run.exitCode());
    }
    LoadReport.write(run, dir.resolve("report")); // stage shares, to see where the cost goes
    double first = KafkaOverhead.firstEnrichment(run);
    Sample start =
        run.samples().stream().filter(s -> s.seconds() >= first).findFirst().orElseThrow();
    Side side =
        new Side(
            run.last().figures(),
            run.caughtUpSeconds() - first,
            run.last().cpuSeconds() - start.cpuSeconds());
    System.out.printf(
        Locale.ROOT,
        "label cost: %s: %.0f figures in %.1f s (%.2f figures/s), %.1f CPU-s%n",
        w.name(),
        side.figures(),
        side.seconds(),
        side.rate(),
        side.cpuSeconds());
    return side;
  }

  /** One side's figures, wall seconds from its first announcement, and CPU seconds over them. */
  record Side(double figures, double seconds, double cpuSeconds) {
    double rate() {
      return figures / seconds;
    }

    double cpuPerFigure() {
      return cpuSeconds / figures;
    }

    static Side sum(List<Side> sides) {
      return new Side(
          sides.stream().mapToDouble(Side::figures).sum(),
          sides.stream().mapToDouble(Side::seconds).sum(),
          sides.stream().mapToDouble(Side::cpuSeconds).sum());
    }
  }
}
