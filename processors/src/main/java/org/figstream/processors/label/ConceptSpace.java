package org.figstream.processors.label;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.figstream.processors.embed.TextEncoder;
import org.figstream.processors.embed.TextRole;
import org.figstream.processors.embed.Vectors;
import org.figstream.records.Taxonomy;

/**
 * Every concept description embedded once with the text encoder, and how close a text (with an
 * image, where the image encoder shares the text encoder's space) comes to each concept: the best
 * cosine over the concept's descriptions, a global concept also through its local concepts'.
 */
final class ConceptSpace {
  private final Taxonomy taxonomy;
  private final Map<String, List<float[]>> globals = new LinkedHashMap<>();
  private final Map<String, List<float[]>> locals = new LinkedHashMap<>();

  ConceptSpace(Taxonomy taxonomy, ConceptDescriptions descriptions, TextEncoder text) {
    this.taxonomy = taxonomy;
    embedAll(descriptions.global(), text, globals);
    embedAll(descriptions.local(), text, locals);
  }

  /** Each local concept's similarity to the text (and image). */
  Map<String, Float> localSimilarities(float[] caption, float[] image) {
    Map<String, Float> sims = new LinkedHashMap<>();
    locals.forEach((name, vectors) -> sims.put(name, similarity(caption, image, vectors)));
    return sims;
  }

  /**
   * Each global concept's, but Ambiguous's, given the local similarities: its own descriptions' or
   * its best local concept's, whichever is closer.
   */
  Map<String, Float> globalSimilarities(
      Map<String, Float> localSims, float[] caption, float[] image) {
    Map<String, Float> sims = new LinkedHashMap<>();
    globals.forEach(
        (name, vectors) -> {
          if (name.equals(Taxonomy.AMBIGUOUS)) {
            return;
          }
          float best = similarity(caption, image, vectors);
          for (String local : taxonomy.globalToLocals().get(name)) {
            best = Math.max(best, localSims.get(local));
          }
          sims.put(name, best);
        });
    return sims;
  }

  private static float similarity(float[] caption, float[] image, List<float[]> descriptions) {
    float best = -1;
    for (float[] d : descriptions) {
      float s = Vectors.dot(caption, d);
      if (image != null) {
        s = (s + Vectors.dot(image, d)) / 2;
      }
      best = Math.max(best, s);
    }
    return best;
  }

  private static void embedAll(
      Map<String, List<String>> texts, TextEncoder encoder, Map<String, List<float[]>> into) {
    List<String> flat = new ArrayList<>();
    texts.values().forEach(flat::addAll);
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < flat.size(); i += 64) {
      vectors.addAll(
          encoder.embed(flat.subList(i, Math.min(flat.size(), i + 64)), TextRole.CONCEPT));
    }
    int next = 0;
    for (Map.Entry<String, List<String>> e : texts.entrySet()) {
      List<float[]> mine = new ArrayList<>();
      for (int i = 0; i < e.getValue().size(); i++) {
        mine.add(Vectors.normalize(vectors.get(next++)));
      }
      into.put(e.getKey(), mine);
    }
  }
}
