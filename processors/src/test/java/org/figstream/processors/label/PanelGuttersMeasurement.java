package org.figstream.processors.label;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    String report =
        String.format(
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
}
