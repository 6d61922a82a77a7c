package org.figstream.loadtest.stores;

import java.util.List;
import java.util.Locale;

/** What {@link DedupScale} measured, as markdown. */
record ScaleReport(List<Tenth> tenths, Verdicts verdicts, long[] indexShape, long stateBytes) {

  /** One tenth of the figures: the figures done by its end, and what it cost. */
  record Tenth(
      int tenth,
      int figuresDone,
      int figures,
      double cpuSeconds,
      double wallSeconds,
      long nearChangelogBytes,
      long exactChangelogBytes) {

    double cpuMillisAFigure() {
      return cpuSeconds * 1000 / figures;
    }

    double nearBytesAFigure() {
      return (double) nearChangelogBytes / figures;
    }
  }

  static String row(Tenth t) {
    return String.format(
        Locale.ROOT,
        "| %d | %,d | %.3f | %.1f | %,.0f | %,.0f |%n",
        t.tenth(),
        t.figuresDone(),
        t.cpuMillisAFigure(),
        t.wallSeconds(),
        t.nearBytesAFigure(),
        (double) t.exactChangelogBytes() / t.figures());
  }

  double cpuSeconds() {
    return tenths.stream().mapToDouble(Tenth::cpuSeconds).sum();
  }

  String markdown(int figures, long seed) {
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "# Dedup stores at scale%n%n%,d figures (seed %d, %d figures an article; %.0f%% exact copies, "
                + "%.0f%% near copies, the rest uniform random hashes) through the topology in a "
                + "TopologyTestDriver, real RocksDB (the app's 64 MB bound).%n%n",
            figures,
            seed,
            ScaleFigures.PER_ARTICLE,
            ScaleFigures.EXACT_SHARE * 100,
            ScaleFigures.NEAR_SHARE * 100));
    md.append(
        "| tenth | figures done | CPU-ms a figure | wall s | near-index changelog bytes a figure"
            + " | exact-index changelog bytes a figure |\n|---|---|---|---|---|---|\n");
    for (Tenth t : tenths) {
      md.append(row(t));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "%nWhole run: %.1f CPU-s, %.3f CPU-ms a figure. Near index: %,d keys, largest value"
                + " %,d characters. State directory: %,d bytes.%n%n",
            cpuSeconds(),
            cpuSeconds() * 1000 / figures,
            indexShape[0],
            indexShape[1],
            stateBytes));
    md.append(
        String.format(
            Locale.ROOT,
            "Verdicts: %,d figures checked; %,d exact copies named their first figure, %,d near"
                + " copies an earlier figure within the distance, %,d fresh figures a chance"
                + " neighbour within it; %,d wrong.%n",
            verdicts.checked(),
            verdicts.exact(),
            verdicts.near(),
            verdicts.chance(),
            verdicts.wrongCount()));
    for (String w : verdicts.wrong()) {
      md.append("- ").append(w).append('\n');
    }
    return md.toString();
  }
}
