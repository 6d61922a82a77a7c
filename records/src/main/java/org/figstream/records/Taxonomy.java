package org.figstream.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BIOMEDICA's concept taxonomy: global concepts, the local concepts under each, and the panel
 * types, read from the copy of biomedica-taxonomy.json in this package so that names are spelled
 * exactly as BIOMEDICA spells them.
 */
public record Taxonomy(Map<String, List<String>> globalToLocals, List<String> panelTypes) {
  public static final String AMBIGUOUS = "Ambiguous";

  public static Taxonomy biomedica() {
    try (InputStream in = Taxonomy.class.getResourceAsStream("biomedica-taxonomy.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, List<String>> globals = new LinkedHashMap<>();
      for (JsonNode g : root.get("global_concepts")) {
        List<String> locals = new ArrayList<>();
        g.get("local_concepts").forEach(l -> locals.add(l.asText()));
        globals.put(g.get("name").asText(), List.copyOf(locals));
      }
      List<String> panels = new ArrayList<>();
      root.get("panel_types").fields().forEachRemaining(e -> panels.add(e.getKey()));
      return new Taxonomy(Collections.unmodifiableMap(globals), List.copyOf(panels));
    } catch (IOException e) {
      throw new UncheckedIOException("the taxonomy is missing from the jar", e);
    }
  }

  public List<String> globals() {
    return List.copyOf(globalToLocals.keySet());
  }

  /** The global concept a local concept belongs to. */
  public String globalOf(String local) {
    for (Map.Entry<String, List<String>> e : globalToLocals.entrySet()) {
      if (e.getValue().contains(local)) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException("not a local concept of the taxonomy: " + local);
  }

  public boolean isGlobal(String name) {
    return globalToLocals.containsKey(name);
  }

  public boolean isLocal(String name) {
    return globalToLocals.values().stream().anyMatch(l -> l.contains(name));
  }
}
