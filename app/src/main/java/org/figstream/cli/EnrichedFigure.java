package org.figstream.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.figstream.processors.annotate.Annotation;
import org.figstream.records.Embedding;
import org.figstream.records.FigureRecord;

/**
 * One line of {@code figstream enrich}: the figure, its image, its embeddings, its labels, its
 * problems.
 */
record EnrichedFigure(
    FigureRecord figure, EnrichCommand.ImageOutcome image, Annotation annotation) {

  List<Annotation.Problem> problems() {
    List<Annotation.Problem> all = new ArrayList<>();
    if (image.rejection() != null) {
      all.add(image.rejection());
    }
    all.addAll(annotation.problems());
    return all;
  }

  Map<String, Object> json(boolean withVectors) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("pairId", figure.pairId());
    line.put("kind", figure.kind());
    line.put("label", figure.label());
    line.put("mediaFile", figure.mediaFile());
    if (image.image() != null) {
      line.put("image", Map.of("width", image.image().width(), "height", image.image().height()));
    } else {
      line.put("imageProblem", image.problem());
    }
    line.put("imageEmbedding", embedding(annotation.imageEmbedding(), withVectors));
    line.put("captionEmbedding", embedding(annotation.captionEmbedding(), withVectors));
    line.put("drawnProbability", annotation.drawnProbability());
    line.put("labels", annotation.labels());
    line.put("ocr", annotation.ocr());
    line.put("problems", problems());
    return line;
  }

  private static Map<String, Object> embedding(Embedding e, boolean withVector) {
    if (e == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", e.model());
    out.put("dimensions", e.dimensions());
    if (withVector) {
      out.put("vector", e.vector());
    }
    return out;
  }
}
