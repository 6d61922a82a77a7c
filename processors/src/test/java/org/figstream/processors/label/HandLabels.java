package org.figstream.processors.label;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-made labels (test resources labels/hand-labelled.tsv, the sample articles' figures, all
 * development; labels/hand-labelled-2.tsv, samples/labelled, with the split each row was given
 * before any tuning).
 */
final class HandLabels {
  static final String DEV = "dev";
  static final String TEST = "test";

  record Label(
      String pairId,
      String global,
      List<String> locals,
      String panelType,
      String note,
      String split) {}

  private HandLabels() {}

  /** The development set's labels: the first file's and the second's dev rows. */
  static Map<String, Label> all() {
    return split(DEV);
  }

  static Map<String, Label> split(String split) {
    Map<String, Label> out = new LinkedHashMap<>();
    read("/labels/hand-labelled.tsv", DEV, out);
    read("/labels/hand-labelled-2.tsv", null, out);
    out.values().removeIf(l -> !l.split().equals(split));
    return out;
  }

  private static void read(String resource, String split, Map<String, Label> out) {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                HandLabels.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
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
        String s = split != null ? split : f[5];
        out.put(f[0], new Label(f[0], f[1], List.of(f[2].split("\\|")), f[3], f[4], s));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
