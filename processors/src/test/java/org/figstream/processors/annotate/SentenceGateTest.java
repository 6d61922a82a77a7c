package org.figstream.processors.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.figstream.processors.embed.Embedder;
import org.figstream.processors.embed.EmbeddingSettings;
import org.figstream.processors.embed.TextRole;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.label.Calibration;
import org.figstream.processors.label.CaptionSentences;
import org.figstream.processors.label.ConceptLabeller;
import org.figstream.processors.label.LabelInput;
import org.figstream.processors.label.LabelSettings;
import org.figstream.processors.label.Labellers;
import org.figstream.processors.label.ZeroShotLabeller;
import org.figstream.processors.testdata.SampleFigures;
import org.figstream.records.ConceptLabels;
import org.figstream.records.Embedding;
import org.figstream.records.FigureRecord;
import org.figstream.records.NormalizedImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The annotator labels from the whole caption first and embeds the caption's sentences only where
 * those labels leave the labeller under {@link ZeroShotLabeller#SENTENCES_BELOW} sure, on real
 * sample figures (caption and image, for the pixel prior).
 */
class SentenceGateTest {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static Embedder embedder;
  private static ConceptLabeller real;

  @BeforeAll
  static void open() {
    embedder = Embedder.open(EmbeddingSettings.defaults());
    real = Labellers.create(LabelSettings.defaults(), null, embedder.textEncoder());
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void shouldEmbedTheSentencesOnlyWhereTheWholeCaptionLeavesTheConceptOpen() {
    List<FigureRecord> figures =
        SampleFigures.all().values().stream()
            .filter(f -> !f.imageMissing() && !f.mediaFile().endsWith(".tif"))
            .filter(f -> f.caption() != null && !CaptionSentences.of(f.caption()).isEmpty())
            .limit(12)
            .toList();
    int open = 0;
    for (FigureRecord figure : figures) {
      Recording recording = new Recording(real);
      Annotation a =
          new FigureAnnotator(embedder, recording)
              .annotate(figure, normalized(figure))
              .block(PATIENCE);

      LabelInput first = recording.inputs.get(0);
      assertThat(first.sentenceEmbeddings()).as(figure.pairId()).isEmpty();
      ConceptLabels alone = real.label(first);
      boolean wanted =
          Calibration.bestGuess(alone.global()).score() < ZeroShotLabeller.SENTENCES_BELOW;
      assertThat(real.wantsSentences(alone)).isEqualTo(wanted);
      assertThat(recording.inputs).as(figure.pairId()).hasSize(wanted ? 2 : 1);
      if (wanted) {
        open++;
        List<String> sentences = CaptionSentences.of(figure.caption().strip());
        List<float[]> expected = embedder.textEncoder().embed(sentences, TextRole.CAPTION);
        List<Embedding> got = recording.inputs.get(1).sentenceEmbeddings();
        assertThat(got).hasSize(sentences.size());
        for (int i = 0; i < got.size(); i++) {
          assertThat(got.get(i).vector()).containsExactly(expected.get(i), within(1e-5f));
        }
        assertThat(a.labels()).isEqualTo(real.label(recording.inputs.get(1)));
      } else {
        assertThat(a.labels()).isEqualTo(alone);
      }
    }
    // the sample's captions include both kinds: settled by the caption alone, and left open
    assertThat(figures).hasSize(12);
    assertThat(open).isBetween(1, 11);
  }

  @Test
  void shouldNotWantSentencesForATableImageOrWithoutLabels() {
    LabelInput table = new LabelInput("Table 1. Patients.", true, null, List.of(), null, 0.9f);

    assertThat(real.wantsSentences(real.label(table))).isFalse();
    assertThat(real.wantsSentences(null)).isFalse();
  }

  private static NormalizedImage normalized(FigureRecord figure) {
    try {
      return new ImageNormalizer().normalize(Files.readAllBytes(SampleFigures.imageFile(figure)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The real labeller, noting each input it is given. */
  private static final class Recording implements ConceptLabeller {
    private final ConceptLabeller labeller;
    private final List<LabelInput> inputs = Collections.synchronizedList(new ArrayList<>());

    Recording(ConceptLabeller labeller) {
      this.labeller = labeller;
    }

    @Override
    public ConceptLabels label(LabelInput figure) {
      inputs.add(figure);
      return labeller.label(figure);
    }

    @Override
    public boolean wantsSentences(ConceptLabels fromCaption) {
      return labeller.wantsSentences(fromCaption);
    }

    @Override
    public boolean usesPixelPrior() {
      return labeller.usesPixelPrior();
    }

    @Override
    public boolean usesTextEvidence() {
      return labeller.usesTextEvidence();
    }
  }
}
