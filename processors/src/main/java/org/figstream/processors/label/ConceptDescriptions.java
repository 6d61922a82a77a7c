package org.figstream.processors.label;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.figstream.records.Taxonomy;

/**
 * Short caption-style descriptions of every concept, the text the zero-shot labeller compares
 * captions with. Project data, reviewed by reading: concept-descriptions.json in this package, or a
 * user's file of the same form. Every concept of the taxonomy must be described, and nothing else.
 * The optional {@code forms} section says which global concepts are drawn and which photographic.
 */
public record ConceptDescriptions(
    Map<String, List<String>> global, Map<String, List<String>> local, ConceptForms forms) {
  private static final TypeReference<Map<String, List<String>>> MAP = new TypeReference<>() {};

  public static ConceptDescriptions builtin(Taxonomy taxonomy) {
    try (InputStream in =
        ConceptDescriptions.class.getResourceAsStream("concept-descriptions.json")) {
      return parse(in.readAllBytes(), taxonomy, "concept-descriptions.json");
    } catch (IOException e) {
      throw new UncheckedIOException("concept descriptions are missing from the jar", e);
    }
  }

  public static ConceptDescriptions read(Path file, Taxonomy taxonomy) throws IOException {
    return parse(Files.readAllBytes(file), taxonomy, file.toString());
  }

  private static ConceptDescriptions parse(byte[] json, Taxonomy taxonomy, String source)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode root = mapper.readTree(json);
    Map<String, List<String>> global = mapper.convertValue(root.get("global"), MAP);
    Map<String, List<String>> local = mapper.convertValue(root.get("local"), MAP);
    List<String> locals = new ArrayList<>();
    taxonomy.globalToLocals().values().forEach(locals::addAll);
    requireSame(source, "global", global, taxonomy.globals());
    requireSame(source, "local", local, locals);
    return new ConceptDescriptions(
        global,
        local,
        ConceptForms.parse(mapper.convertValue(root.get("forms"), MAP), taxonomy, source));
  }

  private static void requireSame(
      String source, String part, Map<String, List<String>> described, List<String> names) {
    TreeSet<String> missing = new TreeSet<>(names);
    missing.removeAll(described == null ? List.of() : described.keySet());
    TreeSet<String> extra = new TreeSet<>(described == null ? List.of() : described.keySet());
    extra.removeAll(names);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      throw new IllegalArgumentException(
          source
              + ": "
              + part
              + " concepts not described: "
              + missing
              + "; not in the taxonomy: "
              + extra);
    }
    described.forEach(
        (name, texts) -> {
          if (texts.isEmpty() || texts.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException(
                source + ": " + name + " needs at least one non-empty description");
          }
        });
  }
}
