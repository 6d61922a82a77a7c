package org.figstream.processors.label;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.figstream.processors.embed.TextEncoder;
import org.figstream.records.ConceptLabels;
import org.figstream.records.ConceptScore;
import org.figstream.records.Embedding;
import org.figstream.records.Taxonomy;

/**
 * Zero-shot labels: every concept description is embedded once with the text encoder; a figure's
 * similarity to a concept is the best cosine between its caption, or any one of its sentences, and
 * that concept's descriptions (a global concept also through its local concepts' descriptions,
 * since "western blot" says "Immuno Assays"). When the image encoder shares the text encoder's
 * space, the image's cosine is averaged in. An image the markup delivers as a table is labelled
 * "Tables" outright. Scores are a softmax over the candidates at {@link #TEMPERATURE}, weighted by
 * how well each global concept's form (drawn or photographic) fits the image's pixels ({@link
 * ConceptForms}) and by the text found in the image ({@link TextEvidence}), since captions say what
 * a figure is about more often than what it shows. The global scores are then calibrated, and a
 * figure whose top concept is likely wrong is answered "Ambiguous" first ({@link Calibration}): not
 * BIOMEDICA's judgement about clusters of images, but the labeller saying it is unsure.
 */
public final class ZeroShotLabeller implements ConceptLabeller {
  public static final String METHOD = "zero-shot";
  static final float TEMPERATURE = 0.05f;
  static final String TABLES = "Tables";

  /**
   * The calibrated top score from the whole caption under which its sentences are embedded and the
   * figure labelled again with them; at or above it the caption has settled the concept, and the
   * sentences, which cost about as much encoder time as the captions, are left out. Chosen on the
   * development set (docs/embeddings-and-labels.md, "Sentences only where the caption leaves the
   * concept open").
   */
  public static final double SENTENCES_BELOW = 0.8;

  private final Taxonomy taxonomy;
  private final String textModel;
  private final String jointImageModel;
  private final int topK;
  private final Calibration calibration;
  private final ConceptForms forms;
  private final ConceptSpace space;

  /**
   * @param jointImageModel the image encoder whose vectors share the text encoder's space, or null
   * @param calibration how the global scores are made to say how sure they are
   */
  public ZeroShotLabeller(
      Taxonomy taxonomy,
      ConceptDescriptions descriptions,
      TextEncoder text,
      String jointImageModel,
      int topK,
      Calibration calibration) {
    this.taxonomy = taxonomy;
    this.textModel = text.descriptor().name();
    this.jointImageModel = jointImageModel;
    this.topK = topK;
    this.calibration = calibration;
    this.forms = descriptions.forms();
    this.space = new ConceptSpace(taxonomy, descriptions, text);
  }

  @Override
  public boolean wantsSentences(ConceptLabels fromCaption) {
    ConceptScore best = fromCaption == null ? null : Calibration.bestGuess(fromCaption.global());
    return best != null && best.score() < SENTENCES_BELOW;
  }

  @Override
  public boolean usesPixelPrior() {
    return forms != ConceptForms.NONE;
  }

  /** The panel type reads the image's gutters, with or without the concepts' forms. */
  @Override
  public boolean usesPanels() {
    return true;
  }

  @Override
  public boolean usesTextEvidence() {
    return forms != ConceptForms.NONE;
  }

  @Override
  public ConceptLabels label(LabelInput figure) {
    Embedding caption = figure.captionEmbedding();
    if (caption == null) {
      // a table the markup delivers as an image is a table with or without a caption; anything
      // else has nothing the concepts could be matched against
      return figure.tableImage()
          ? new ConceptLabels(
              METHOD, PanelType.ofFigure(figure), List.of(new ConceptScore(TABLES, 1f)), List.of())
          : null;
    }
    float[] image = sharesSpace(figure.imageEmbedding()) ? figure.imageEmbedding().vector() : null;
    Map<String, Float> localSims = new LinkedHashMap<>();
    Map<String, Float> globalSims = new LinkedHashMap<>();
    List<Embedding> texts = new ArrayList<>(figure.sentenceEmbeddings());
    texts.add(0, caption);
    for (Embedding text : texts) {
      if (!text.model().equals(textModel)) {
        throw new IllegalArgumentException(
            "caption embedded with " + text.model() + ", descriptions with " + textModel);
      }
      Map<String, Float> locals = space.localSimilarities(text.vector(), image);
      locals.forEach((k, v) -> localSims.merge(k, v, Math::max));
      space
          .globalSimilarities(locals, text.vector(), image)
          .forEach((k, v) -> globalSims.merge(k, v, Math::max));
    }
    List<ConceptScore> global =
        calibration.apply(
            ranked(
                globalSims,
                c ->
                    forms.weight(c, figure.drawnProbability())
                        * TextEvidence.weight(c, figure.text(), forms)));
    if (figure.tableImage()) {
      // The markup says what it is: a table delivered as an image.
      global = List.of(new ConceptScore(TABLES, 1f));
    }
    // Ambiguous, when first, does not count against the k candidates that follow it
    global = first(global, global.get(0).concept().equals(Taxonomy.AMBIGUOUS) ? topK + 1 : topK);
    Map<String, Float> underTop = new LinkedHashMap<>();
    for (ConceptScore g : global) {
      taxonomy.globalToLocals().get(g.concept()).forEach(l -> underTop.put(l, localSims.get(l)));
    }
    return new ConceptLabels(
        METHOD, PanelType.ofFigure(figure), global, first(ranked(underTop, c -> 1f), topK));
  }

  private boolean sharesSpace(Embedding image) {
    return image != null && image.model().equals(jointImageModel);
  }

  /**
   * Every candidate by weighted softmax (similarity at {@link #TEMPERATURE}, times the concept's
   * weight, renormalised), best first, so scores compare across figures.
   */
  private List<ConceptScore> ranked(Map<String, Float> sims, ToDoubleFunction<String> weight) {
    double max = sims.values().stream().mapToDouble(Float::doubleValue).max().orElse(0);
    Map<String, Double> mass = new LinkedHashMap<>();
    sims.forEach(
        (name, s) ->
            mass.put(name, Math.exp((s - max) / TEMPERATURE) * weight.applyAsDouble(name)));
    double sum = mass.values().stream().mapToDouble(Double::doubleValue).sum();
    List<ConceptScore> all = new ArrayList<>();
    mass.forEach((name, m) -> all.add(new ConceptScore(name, (float) (m / sum))));
    all.sort(Comparator.comparingDouble(ConceptScore::score).reversed());
    return all;
  }

  private static List<ConceptScore> first(List<ConceptScore> scores, int k) {
    return List.copyOf(scores.subList(0, Math.min(k, scores.size())));
  }
}
