package org.figstream.topology.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.image.NormalizedPixels;
import org.figstream.processors.testdata.SampleFigures;
import org.figstream.processors.testdata.TextModels;
import org.figstream.records.DeadLetter;
import org.figstream.records.FigureRecord;
import org.figstream.records.OcrLine;
import org.figstream.records.PublishedFigure;
import org.figstream.records.Topics;
import org.figstream.records.codec.RecordCodecs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The annotate step puts the text OCR read on the figures record, which the figures topic carries
 * (figure.v3), and leaves it null with OCR off. Encoders and labeller are off: only OCR runs.
 */
class AnnotateStepTest {
  /** elife-46472 figure 2: its panel titles and x axis title were read by eye. */
  private static final String PLOT = "doi:10.7554/eLife.46472/fig2/1";

  private static TextModels models;

  @BeforeAll
  static void open() {
    models = new TextModels();
  }

  @AfterAll
  static void close() {
    models.close();
  }

  @Test
  void shouldPutTheLinesOnTheFiguresRecordWithOcrOnAndNullWithItOff() throws IOException {
    AnnotateStep on = new AnnotateStep(models.annotator(true));
    AnnotateStep off = new AnnotateStep(models.annotator(false));
    List<DeadLetter> problems = new ArrayList<>();

    PublishedFigure read = on.apply(published(), pixels(), problems::add).block();
    PublishedFigure notRead = off.apply(published(), pixels(), problems::add).block();

    assertThat(problems).isEmpty();
    PublishedFigure onTheTopic =
        RecordCodecs.FIGURES.decode(
            RecordCodecs.FIGURES.encode(read, Topics.FIGURES), Topics.FIGURES);
    assertThat(onTheTopic.ocr())
        .extracting(OcrLine::text)
        .contains("Saline", "2 mg/kg MA", "Time (min)");
    assertThat(onTheTopic.ocr()).isEqualTo(read.ocr());
    assertThat(notRead.ocr()).isNull();
  }

  private static PublishedFigure published() throws IOException {
    return PublishedFigure.withImage(SampleFigures.get(PLOT), pixels().image());
  }

  private static NormalizedPixels pixels() throws IOException {
    FigureRecord figure = SampleFigures.get(PLOT);
    return new ImageNormalizer()
        .normalizeWithPixels(Files.readAllBytes(SampleFigures.imageFile(figure)));
  }
}
