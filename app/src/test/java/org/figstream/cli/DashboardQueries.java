package org.figstream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The series the Helm chart's Grafana dashboard queries, read from its panels and variables. */
final class DashboardQueries {
  static final Path DASHBOARD = Path.of("..", "helm", "figstream", "dashboards", "figstream.json");
  private static final Pattern SERIES =
      Pattern.compile("\\b((?:figstream|kafka|jvm|process)_[a-z0-9_]+)\\b");

  private DashboardQueries() {}

  static Set<String> seriesNamed() throws IOException {
    JsonNode root = new ObjectMapper().readTree(DASHBOARD.toFile());
    Set<String> names = new TreeSet<>();
    for (String field : new String[] {"expr", "query"}) {
      for (JsonNode value : root.findValues(field)) {
        Matcher m = SERIES.matcher(value.asText());
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }

  /** The series of a Prometheus scrape that the dashboard names and the scrape lacks. */
  static Set<String> missingFrom(String scrape) throws IOException {
    Set<String> missing = new TreeSet<>();
    for (String name : seriesNamed()) {
      if (!Pattern.compile("(?m)^" + name + "[{ ]").matcher(scrape).find()) {
        missing.add(name);
      }
    }
    return missing;
  }
}
