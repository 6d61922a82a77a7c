package org.figstream.processors.label;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The hand-made labels of the sample figures (test resource labels/hand-labelled.tsv). */
final class HandLabels {
  record Label(String pairId, String global, List<String> locals, String panelType, String note) {}

  private HandLabels() {}

  static Map<String, Label> all() {
    Map<String, Label> out = new LinkedHashMap<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                HandLabels.class.getResourceAsStream("/labels/hand-labelled.tsv"),
                StandardCharsets.UTF_8))) {
      boolean header = true;
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] f = line.split("\t", -1);
        out.put(f[0], new Label(f[0], f[1], List.of(f[2].split("\\|")), f[3], f[4]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
