package org.figstream.runtime.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The metrics table of docs/operations.md against the catalog that gives /metrics its help text.
 */
class MeterCatalogDocsTest {
  private static final Path DOC = Path.of("..", "docs", "operations.md");
  private static final Pattern ROW =
      Pattern.compile(
          "^\\| `(figstream_\\w+)` \\| (\\w+) \\| ([^|]+) \\| ([^|]+) \\|$", Pattern.MULTILINE);

  @Test
  void shouldDocumentEveryCatalogMeterWithItsTypeLabelsAndHelp() throws Exception {
    Map<String, String> documented = new LinkedHashMap<>();
    Matcher m = ROW.matcher(Files.readString(DOC));
    while (m.find()) {
      documented.put(
          m.group(1), m.group(2) + " | " + m.group(3).trim() + " | " + m.group(4).trim());
    }
    Map<String, String> catalog = new LinkedHashMap<>();
    for (MeterCatalog.Doc d : MeterCatalog.DOCS) {
      String labels =
          d.labels().isEmpty()
              ? "-"
              : String.join(", ", d.labels().stream().map(l -> "`" + l + "`").toList());
      catalog.put(prometheusName(d), type(d) + " | " + labels + " | " + d.help());
    }
    assertThat(documented).isEqualTo(catalog);
  }

  @Test
  void shouldNameOnlyCatalogMetricsInTheDocs() throws Exception {
    Set<String> known = new TreeSet<>();
    MeterCatalog.DOCS.forEach(d -> known.add(prometheusName(d)));
    Set<String> named = new TreeSet<>();
    for (Path doc : new Path[] {DOC, Path.of("..", "README.md")}) {
      Matcher m = Pattern.compile("figstream_[a-z_]+").matcher(Files.readString(doc));
      while (m.find()) {
        named.add(m.group().replaceFirst("_(bucket|count|sum|max)$", ""));
      }
    }
    assertThat(named).isSubsetOf(known);
  }

  private static String prometheusName(MeterCatalog.Doc d) {
    String base = d.name().replace('.', '_');
    return switch (d.type()) {
      case COUNTER -> base + "_total";
      case TIMER -> base + "_seconds";
      default -> base;
    };
  }

  /** As Prometheus types the series: timers with buckets are histograms, other timers summaries. */
  private static String type(MeterCatalog.Doc d) {
    return switch (d.type()) {
      case TIMER -> MeterCatalog.HISTOGRAMS.contains(d.name()) ? "histogram" : "summary";
      case DISTRIBUTION_SUMMARY -> "summary";
      default -> d.type().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
