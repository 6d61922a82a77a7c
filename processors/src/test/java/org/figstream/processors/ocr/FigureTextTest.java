package org.figstream.processors.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.testdata.WhiteImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FigureTextTest {
  private static TextDetector detector;
  private static TextRecognizer recognizer;

  @BeforeAll
  static void load() {
    detector = TextDetector.load(Accelerator.CPU, TextDetector.DEFAULT_MAX_SIDE);
    recognizer = TextRecognizer.load(Accelerator.CPU);
  }

  @AfterAll
  static void close() {
    detector.close();
    recognizer.close();
  }

  @Test
  void shouldFindNoTextOnABlankImage() {
    BufferedImage blank = WhiteImages.of(500, 400);

    TextRegions found = detector.detect(blank);

    assertThat(found.count()).isZero();
    assertThat(found.share()).isZero();
  }

  @Test
  void shouldFindEachWordWhereItWasDrawn() {
    BufferedImage image = WhiteImages.of(900, 600);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.BLACK);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
    String[] words = {"Expression", "Time (h)", "Control", "p<0.05", "Figure"};
    int[][] at = {{60, 80}, {520, 90}, {80, 330}, {560, 340}, {330, 540}};
    List<Rectangle> drawn = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      g.drawString(words[i], at[i][0], at[i][1]);
      Rectangle r = g.getFontMetrics().getStringBounds(words[i], g).getBounds();
      r.translate(at[i][0], at[i][1]);
      drawn.add(r);
    }
    g.dispose();

    TextRegions found = detector.detect(image);

    assertThat(found.count()).isEqualTo(words.length);
    for (Rectangle word : drawn) {
      assertThat(found.boxes())
          .as("a box over " + word)
          .anyMatch(b -> new Rectangle(b.x(), b.y(), b.width(), b.height()).contains(centre(word)));
    }
    List<String> read = recognizer.read(image, found).stream().map(TextLine::text).toList();
    assertThat(read).containsExactlyInAnyOrder(words);
    double wordArea = drawn.stream().mapToDouble(r -> r.getWidth() * r.getHeight()).sum();
    assertThat(found.share())
        .isBetween((float) (0.5 * wordArea / (900 * 600)), (float) (3 * wordArea / (900 * 600)));
  }

  /** elife-46472 figure 2: two line plots of body temperature, read by eye from the image. */
  @Test
  void shouldReadTheLabelsOfARealPlot() throws Exception {
    BufferedImage image =
        javax.imageio.ImageIO.read(
            org.figstream.processors.testdata.SampleArticles.root()
                .resolve("elife-46472-v3/fig2.jpg")
                .toFile());

    List<String> read =
        recognizer.read(image, detector.detect(image)).stream().map(TextLine::text).toList();

    // the panel letters, the two panels' titles, the x axis title and the ticks 30-120 of both
    // panels; the rotated y axis titles are not read (no angle classifier), and a lone "0" by
    // the axis is read with a confidence around the cut
    assertThat(read).contains("a", "b", "Saline", "2 mg/kg MA", "Time (min)");
    assertThat(read.stream().filter(List.of("30", "60", "90", "120")::contains)).hasSize(8);
  }

  private static java.awt.Point centre(Rectangle r) {
    return new java.awt.Point((int) r.getCenterX(), (int) r.getCenterY());
  }
}
