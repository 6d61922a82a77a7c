package org.figstream.processors.label;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.figstream.records.Taxonomy;

/**
 * Which global concepts are drawn and which photographic (project data, beside the descriptions),
 * and the prior that turns an image's {@link DrawnImage#probability} into a weight per concept. A
 * concept of the wrong form keeps {@link #FLOOR} of its weight rather than none: compound figures
 * mix forms, and a caption that names a concept clearly can still win.
 */
public record ConceptForms(Set<String> drawn, Set<String> photographic) {
  static final float FLOOR = 0.1f;

  /** No pixel prior: every concept weighs the same. */
  public static final ConceptForms NONE = new ConceptForms(Set.of(), Set.of());

  public ConceptForms {
    drawn = Set.copyOf(drawn);
    photographic = Set.copyOf(photographic);
    Set<String> both = new TreeSet<>(drawn);
    both.retainAll(photographic);
    if (!both.isEmpty()) {
      throw new IllegalArgumentException("concepts both drawn and photographic: " + both);
    }
  }

  static ConceptForms parse(Map<String, List<String>> forms, Taxonomy taxonomy, String source) {
    if (forms == null) {
      return NONE;
    }
    Set<String> unknown = new TreeSet<>(forms.keySet());
    unknown.removeAll(Set.of("drawn", "photographic"));
    forms
        .values()
        .forEach(names -> names.stream().filter(n -> !taxonomy.isGlobal(n)).forEach(unknown::add));
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          source
              + ": forms are drawn and photographic, of global concepts; "
              + "not known: "
              + unknown);
    }
    return new ConceptForms(
        Set.copyOf(forms.getOrDefault("drawn", List.of())),
        Set.copyOf(forms.getOrDefault("photographic", List.of())));
  }

  /**
   * The weight of a concept for an image drawn with probability {@code drawnProbability}; null (no
   * image) weighs every concept 1. A concept of neither form weighs the mean of the two.
   */
  public float weight(String concept, Float drawnProbability) {
    if (drawnProbability == null || this == NONE) {
      return 1f;
    }
    float asDrawn = FLOOR + (1 - FLOOR) * drawnProbability;
    float asPhotographic = FLOOR + (1 - FLOOR) * (1 - drawnProbability);
    if (drawn.contains(concept)) {
      return asDrawn;
    }
    return photographic.contains(concept) ? asPhotographic : (asDrawn + asPhotographic) / 2;
  }
}
