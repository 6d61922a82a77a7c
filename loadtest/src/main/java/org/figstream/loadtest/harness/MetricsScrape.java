package org.figstream.loadtest.harness;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One scrape of the app's Prometheus endpoint: every sample line as {@code name{labels}} to value.
 */
record MetricsScrape(Map<String, Double> series) {

  static MetricsScrape parse(String text) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      if (space < 0) {
        continue;
      }
      try {
        out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      } catch (NumberFormatException e) {
        // a line this parser does not know: not a sample
      }
    }
    return new MetricsScrape(out);
  }

  /** The sum of every series of metric {@code name} (any labels). */
  double sum(String name) {
    return sum(name, labels -> true);
  }

  /** The sum of the series of {@code name} whose label text passes {@code labels}. */
  double sum(String name, Predicate<String> labels) {
    double total = 0;
    for (var e : series.entrySet()) {
      String key = e.getKey();
      String metric = key.contains("{") ? key.substring(0, key.indexOf('{')) : key;
      String labelText = key.contains("{") ? key.substring(key.indexOf('{')) : "";
      if (metric.equals(name) && labels.test(labelText) && !e.getValue().isNaN()) {
        total += e.getValue();
      }
    }
    return total;
  }

  /** Values of {@code name} by the value of its label {@code label}. */
  Map<String, Double> byLabel(String name, String label) {
    Map<String, Double> out = new LinkedHashMap<>();
    String marker = label + "=\"";
    for (var e : series.entrySet()) {
      String key = e.getKey();
      if (key.startsWith(name + "{") && key.contains(marker)) {
        int from = key.indexOf(marker) + marker.length();
        out.merge(key.substring(from, key.indexOf('"', from)), e.getValue(), Double::sum);
      }
    }
    return out;
  }
}
