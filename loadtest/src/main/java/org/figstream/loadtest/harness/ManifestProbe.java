package org.figstream.loadtest.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows the dataset manifest ({@code _manifest.json}): for every figures file a commit adds, the
 * offset ranges of {@code figures} it covers and the commit's time ({@code committedAt}).
 */
final class ManifestProbe {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A figures file's range of one partition, committed at {@code at} (epoch millis). */
  record Commit(String partition, long from, long to, long at) {}

  private final Path manifest;
  private final List<Commit> commits = new ArrayList<>();
  private final Map<String, Long> covered = new HashMap<>();
  private final Set<String> seenFiles = new HashSet<>();
  private long generation = -1;

  ManifestProbe(Path datasetDir) {
    this.manifest = datasetDir.resolve("_manifest.json");
  }

  /** Reads the manifest if its generation moved; a half-written one is read next time. */
  synchronized void poll() {
    if (!Files.isRegularFile(manifest)) {
      return;
    }
    try {
      JsonNode m = JSON.readTree(Files.readAllBytes(manifest));
      long g = m.path("generation").asLong();
      if (g == generation) {
        return;
      }
      generation = g;
      long at = m.path("committedAt").asLong();
      for (JsonNode file : m.path("files")) {
        String stream = file.path("stream").asText();
        if (!stream.startsWith("figures/")
            || stream.equals("figures/deletes")
            || !seenFiles.add(file.path("path").asText())) {
          continue;
        }
        var fields = file.path("offsets").fields();
        while (fields.hasNext()) {
          var e = fields.next();
          long from = e.getValue().get(0).asLong();
          long to = e.getValue().get(1).asLong();
          commits.add(new Commit(e.getKey(), from, to, at));
          covered.merge(e.getKey(), to, Math::max);
        }
      }
    } catch (IOException | RuntimeException e) {
      // mid-rename or not yet complete: the next poll reads it
    }
  }

  synchronized List<Commit> commits() {
    return List.copyOf(commits);
  }

  /** Whether every partition's offset in {@code offsets} is inside some committed figures file. */
  synchronized boolean covers(Map<String, Long> offsets) {
    return offsets.entrySet().stream()
        .allMatch(e -> covered.getOrDefault(e.getKey(), -1L) >= e.getValue());
  }
}
