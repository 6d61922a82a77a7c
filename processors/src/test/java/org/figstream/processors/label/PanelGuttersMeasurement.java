package org.figstream.processors.label;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.figstream.processors.testdata.WhiteImages;
import org.figstream.records.FigureKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not a check: the panel type from the caption alone and with the image's gutters
 * ({@link PanelGutters}), on one split ({@code -Dfigstream.split=dev}, the default, or {@code
 * test}); writes processors/target/panel-gutters-{split}.txt with each figure's counts.
 */
@EnabledIfSystemProperty(named = "figstream.measure", matches = "true")
class PanelGuttersMeasurement {
  @Test
  void measure() throws Exception {
    String split = System.getProperty("figstream.split", HandLabels.DEV);
    List<String> lines = new ArrayList<>();
    int n = 0;
    int captionRight = 0;
    int withGuttersRight = 0;
    long nanos = 0;
    long slowest = 0;
    int measured = 0;
    for (HandLabels.Label want : HandLabels.split(split).values()) {
      LabelledFigures.Figure f = LabelledFigures.get(want.pairId());
      String caption = f.record().caption();
      String byCaption = PanelType.of(caption);
      Integer panels = null;
      if (f.image() != null) {
        BufferedImage raster = f.raster();
        PanelGutters.count(raster); // the second call is timed: the JIT has compiled the first
        long t0 = System.nanoTime();
        panels = PanelGutters.count(raster);
        long spent = System.nanoTime() - t0;
        nanos += spent;
        slowest = Math.max(slowest, spent);
        measured++;
      }
      boolean table = f.record().kind() == FigureKind.TABLE;
      String withGutters =
          PanelType.ofFigure(
              new LabelInput(caption, table, null, List.of(), null, null, null, null, panels));
      n++;
      captionRight += byCaption.equals(want.panelType()) ? 1 : 0;
      withGuttersRight += withGutters.equals(want.panelType()) ? 1 : 0;
      lines.add(
          String.format(
              "%s\t%s\thand=%s\tcaption=%s\tpanels=%s\twith=%s\t%s",
              withGutters.equals(want.panelType()) ? "ok" : "MISS",
              want.pairId(),
              want.panelType(),
              byCaption,
              panels,
              withGutters,
              want.global()));
    }
    String worst = worstCase();
    String report =
        worst
            + String.format(
                "panel type on the %s set (%d): caption only %d, with gutters %d;"
                    + " gutters %.1f ms an image, %.1f at most (%d images, one thread)%n",
                split,
                n,
                captionRight,
                withGuttersRight,
                nanos / 1e6 / measured,
                slowest / 1e6,
                measured)
            + String.join("\n", lines)
            + "\n";
    System.out.println(report);
    Path out = Path.of("target/panel-gutters-" + split + ".txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  /**
   * A made-up worst case: 560 cells of small text on 1024 by 1024 px, every gap between text rows a
   * candidate gutter that the straight-run rule turns down. Ten calls, the fastest reported.
   */
  private static String worstCase() {
    BufferedImage page = WhiteImages.of(1024, 1024);
    Graphics2D g = page.createGraphics();
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (int row = 0; row < 70; row++) {
      for (int col = 0; col < 8; col++) {
        g.drawString(
            "v" + row + "." + col + " 12.3", 10 + col * 127, Math.min(1020, 14 + row * 15));
      }
    }
    g.dispose();
    long fastest = Long.MAX_VALUE;
    int panels = 0;
    for (int i = 0; i < 10; i++) {
      long t0 = System.nanoTime();
      panels = PanelGutters.count(page);
      fastest = Math.min(fastest, System.nanoTime() - t0);
    }
    return String.format(
        "made-up worst case (560 text cells, 1024 px): %d panel, %.1f ms at fastest of 10%n",
        panels, fastest / 1e6);
  }
}
