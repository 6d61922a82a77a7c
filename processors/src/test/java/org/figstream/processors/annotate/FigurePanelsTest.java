package org.figstream.processors.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.embed.BuiltinModels;
import org.figstream.processors.embed.Embedder;
import org.figstream.processors.embed.EmbeddingSettings;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.image.NormalizedPixels;
import org.figstream.processors.label.Calibration;
import org.figstream.processors.label.LabelSettings;
import org.figstream.processors.label.Labellers;
import org.figstream.processors.label.PanelGutters;
import org.figstream.processors.label.PanelType;
import org.figstream.processors.testdata.SampleFigures;
import org.figstream.records.FigureRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The panel type the annotator gives from the image's gutters, with and without a pixel prior. */
class FigurePanelsTest {
  /** Four box plots side by side (eLife 30274 figure 2), a caption that names no panel. */
  private static final String BOX_PLOTS = "doi:10.7554/eLife.30274/fig2/1";

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static Embedder embedder;

  @BeforeAll
  static void open() {
    // no image encoder: the pixels are read for the labeller's measures alone
    embedder =
        Embedder.open(
            new EmbeddingSettings(
                EmbeddingSettings.NONE,
                BuiltinModels.TEXT,
                Accelerator.CPU,
                16,
                Duration.ofMillis(20),
                1));
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void shouldCallAFigureWhoseGuttersSetPanelsApartMultiple() throws IOException {
    Annotation a = annotate(LabelSettings.defaults());

    assertThat(a.drawnProbability()).isNotNull();
    assertThat(a.labels().panelType()).isEqualTo(PanelType.MULTIPLE);
  }

  @Test
  void shouldCountPanelsWithoutAPixelPrior(@TempDir Path dir) throws IOException {
    // the built-in descriptions without their "forms": no pixel prior, no text evidence
    ObjectMapper json = new ObjectMapper();
    ObjectNode descriptions;
    try (InputStream in =
        Labellers.class.getResourceAsStream(
            "/org/figstream/processors/label/concept-descriptions.json")) {
      descriptions = (ObjectNode) json.readTree(in);
    }
    descriptions.remove("forms");
    Path file = dir.resolve("descriptions.json");
    json.writeValue(file.toFile(), descriptions);

    Annotation a =
        annotate(new LabelSettings("zero-shot", file, null, 3, Calibration.AMBIGUOUS_BELOW));

    assertThat(a.drawnProbability()).isNull();
    assertThat(a.labels().panelType()).isEqualTo(PanelType.MULTIPLE);
  }

  private static Annotation annotate(LabelSettings settings) throws IOException {
    FigureRecord figure = SampleFigures.get(BOX_PLOTS);
    NormalizedPixels normalized =
        new ImageNormalizer()
            .normalizeWithPixels(Files.readAllBytes(SampleFigures.imageFile(figure)));
    BufferedImage raster = normalized.takePixels();
    assertThat(PanelType.of(figure.caption())).isEqualTo(PanelType.SINGLE);
    assertThat(PanelGutters.count(raster)).isEqualTo(4);
    FigureAnnotator annotator =
        new FigureAnnotator(embedder, Labellers.create(settings, null, embedder.textEncoder()));
    return annotator
        .annotate(figure, new NormalizedPixels(normalized.image(), raster))
        .block(PATIENCE);
  }
}
