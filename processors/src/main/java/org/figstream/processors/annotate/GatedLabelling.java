package org.figstream.processors.annotate;

import java.util.List;
import java.util.Optional;
import org.figstream.processors.api.StageTimes;
import org.figstream.processors.embed.Embedder;
import org.figstream.processors.label.CaptionSentences;
import org.figstream.processors.label.ConceptLabeller;
import org.figstream.processors.label.LabelInput;
import org.figstream.records.ConceptLabels;
import reactor.core.publisher.Mono;

/**
 * A figure's labels: from the whole caption, then, only where the labeller wants them, with the
 * caption's sentences embedded too. Sentence vectors are the labels' largest cost, and most
 * captions settle the concept without them (docs/embeddings-and-labels.md, the sentence gate).
 */
final class GatedLabelling {
  private final Embedder embedder;
  private final ConceptLabeller labeller;
  private final StageTimes times;

  GatedLabelling(Embedder embedder, ConceptLabeller labeller, StageTimes times) {
    this.embedder = embedder;
    this.labeller = labeller;
    this.times = times;
  }

  /**
   * The labels; those the labeller could not make are an empty Optional, not an empty Mono. Both
   * labellings count as the figure's one {@code label} time.
   */
  Mono<Optional<ConceptLabels>> labels(LabelInput input, List<Annotation.Problem> problems) {
    long[] spent = {0};
    ConceptLabels fromCaption = label(input, problems, spent);
    List<String> sentences =
        labeller.wantsSentences(fromCaption) ? CaptionSentences.of(input.caption()) : List.of();
    if (sentences.isEmpty()) {
      times.record(StageTimes.LABEL, spent[0]);
      return Mono.just(Optional.ofNullable(fromCaption));
    }
    return embedder
        .texts(sentences)
        .onErrorReturn(List.of())
        .map(
            vectors -> {
              ConceptLabels labels =
                  vectors.isEmpty()
                      ? fromCaption
                      : label(input.withSentences(vectors), problems, spent);
              times.record(StageTimes.LABEL, spent[0]);
              return Optional.ofNullable(labels);
            });
  }

  /** The labeller's answer, its time added to {@code spent[0]}. */
  private ConceptLabels label(LabelInput input, List<Annotation.Problem> problems, long[] spent) {
    long started = System.nanoTime();
    try {
      return labeller.label(input);
    } catch (RuntimeException e) {
      Problems.add(problems, "label", "labelling-failed", e.getMessage());
      return null;
    } finally {
      spent[0] += System.nanoTime() - started;
    }
  }
}
