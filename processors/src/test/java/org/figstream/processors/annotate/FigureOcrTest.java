package org.figstream.processors.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.figstream.processors.api.StageTimes;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.image.NormalizedPixels;
import org.figstream.processors.ocr.TextDetector;
import org.figstream.processors.ocr.TextRecognizer;
import org.figstream.processors.ocr.TextRegions;
import org.figstream.processors.testdata.SampleFigures;
import org.figstream.processors.testdata.TextModels;
import org.figstream.records.FigureRecord;
import org.figstream.records.OcrLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OCR on the annotator: the lines of a real figure (elife-46472 figure 2, whose panel titles and x
 * axis title were read by eye) on its annotation with OCR on, null with it off or without an image.
 * No encoders or labeller, so only the text networks run.
 */
class FigureOcrTest {
  private static final String PLOT = "doi:10.7554/eLife.46472/fig2/1";
  private static final String NO_IMAGE = "doi:10.1371/journal.pone.0038869/pone-0038869-g003/1";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static TextModels models;
  private static TextDetector detector;
  private static TextRecognizer recognizer;

  @BeforeAll
  static void open() {
    models = new TextModels();
    detector = models.detector;
    recognizer = models.recognizer;
  }

  @AfterAll
  static void close() {
    models.close();
  }

  @Test
  void shouldPutTheLinesReadInTheNormalisersRasterOnTheAnnotation() throws IOException {
    FigureRecord figure = SampleFigures.get(PLOT);
    NormalizedPixels normalized = normalized(figure);
    BufferedImage raster = normalized.takePixels();
    FigureAnnotator annotator = models.annotator(true);

    Annotation a =
        annotator
            .annotate(figure, new NormalizedPixels(normalized.image(), raster))
            .block(PATIENCE);

    assertThat(a.problems()).isEmpty();
    List<String> expected =
        recognizer.read(raster, detector.detect(raster)).stream()
            .map(l -> l.text() + "@" + l.box().x() + "," + l.box().y() + "/" + l.score())
            .toList();
    assertThat(a.ocr())
        .extracting(l -> l.text() + "@" + l.box().x() + "," + l.box().y() + "/" + l.score())
        .containsExactlyElementsOf(expected);
    assertThat(a.ocr())
        .extracting(OcrLine::text)
        .contains("a", "b", "Saline", "2 mg/kg MA", "Time (min)");
    assertThat(a.ocr())
        .allSatisfy(
            l -> {
              assertThat(l.box().x() + l.box().width()).isLessThanOrEqualTo(raster.getWidth());
              assertThat(l.box().y() + l.box().height()).isLessThanOrEqualTo(raster.getHeight());
              assertThat(l.score()).isBetween(TextRecognizer.MIN_SCORE, 1f);
            });
  }

  @Test
  void shouldReadTheBoxesOfTheOneDetectionTheLabellerIsGiven() throws IOException {
    BufferedImage raster = normalized(SampleFigures.get(PLOT)).takePixels();

    ImageText.Seen seen = new ImageText(detector, recognizer).see(raster);

    TextRegions regions = seen.regions();
    assertThat(seen.problem()).isNull();
    assertThat(seen.lines()).isNotEmpty().hasSizeLessThanOrEqualTo(regions.count());
    // every line is one of the regions the labeller weighs, not of a second detection
    assertThat(seen.lines())
        .allSatisfy(
            l ->
                assertThat(regions.boxes())
                    .anyMatch(
                        b ->
                            b.x() == l.box().x()
                                && b.y() == l.box().y()
                                && b.width() == l.box().width()
                                && b.height() == l.box().height()));
  }

  @Test
  void shouldLeaveOcrNullWhenOffOrWithoutAnImage() throws IOException {
    FigureRecord figure = SampleFigures.get(PLOT);
    // the detector without the recogniser, as when only the labeller looks for text
    FigureAnnotator off =
        new FigureAnnotator(models.embedder, null, StageTimes.NONE, detector, null);
    FigureAnnotator on = models.annotator(true);

    Annotation withoutOcr = off.annotate(figure, normalized(figure)).block(PATIENCE);
    Annotation withoutImage =
        on.annotate(SampleFigures.get(NO_IMAGE), (NormalizedPixels) null).block(PATIENCE);

    assertThat(withoutOcr.ocr()).isNull();
    assertThat(withoutOcr.problems()).isEmpty();
    assertThat(withoutImage.ocr()).isNull();
    assertThat(withoutImage.problems()).extracting(Annotation.Problem::stage).doesNotContain("ocr");
  }

  private static NormalizedPixels normalized(FigureRecord figure) throws IOException {
    return new ImageNormalizer()
        .normalizeWithPixels(Files.readAllBytes(SampleFigures.imageFile(figure)));
  }
}
