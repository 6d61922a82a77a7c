package org.figstream.processors.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.figstream.records.NormalizedImage;
import org.junit.jupiter.api.Test;

/**
 * The real figure files of samples/articles (PLOS and eLife TIFF originals, web JPEG/PNG
 * renditions).
 */
class ImageSamplesTest {

  @Test
  void shouldNormaliseEverySampleImage() {
    Map<Path, NormalizedImage> all = SampleImages.normalized();
    // 10 TIFF (LZW; 8-bit grey, RGB, RGBA), 35 JPEG, 17 PNG (8-bit RGB and grey); counted with
    // `find`
    assertThat(SampleImages.files()).hasSize(62);
    assertThat(all).hasSize(62);
    Map<String, Integer> byFormat = new TreeMap<>();
    all.values().forEach(n -> byFormat.merge(n.originalFormat(), 1, Integer::sum));
    assertThat(byFormat)
        .containsExactlyEntriesOf(new TreeMap<>(Map.of("jpeg", 35, "png", 17, "tiff", 10)));
    System.out.printf(
        "normalised %d sample images in %d ms%n", all.size(), SampleImages.normalizeMillis());
  }

  @Test
  void shouldReportHeaderDimensionsThatAnIndependentParserAgreesWith() throws IOException {
    for (Map.Entry<Path, NormalizedImage> e : SampleImages.normalized().entrySet()) {
      int[] expected = HeaderProbe.dimensions(Files.readAllBytes(e.getKey()));
      assertThat(new int[] {e.getValue().originalWidth(), e.getValue().originalHeight()})
          .as(e.getKey().toString())
          .containsExactly(expected);
    }
  }

  @Test
  void shouldMatchDimensionsCheckedByHandOnKnownFiles() {
    // Read with Python's struct module from the first IFD (tags 256/257) or the PNG IHDR / JPEG
    // SOF0,
    // and agreeing with `file`: e.g. "TIFF image data, little-endian ... height=4151 ...
    // width=4103".
    assertOriginal("pone.0056489/pone.0056489.t001.tif", 4103, 4151, 1012, 1024);
    assertOriginal("pone.0038869/pone.0038869.g001.tif", 2966, 2969, 1023, 1024);
    assertOriginal("pone.0056489/pone.0056489.g001.tif", 1760, 805, 1024, 468);
    assertOriginal("elife-19405/elife-19405-fig1.tif", 1417, 1252, 1024, 905); // big-endian
    assertOriginal("elife-19405/elife-19405-inf1.tif", 661, 624, 661, 624); // RGBA, not scaled
    assertOriginal("elife-46472-v3/fig8.jpg", 600, 1472, 417, 1024);
    assertOriginal("pone.0091296/g003.png", 560, 600, 560, 600);
  }

  private static void assertOriginal(String file, int ow, int oh, int w, int h) {
    NormalizedImage n = SampleImages.normalized(file);
    assertThat(n.originalWidth()).as(file).isEqualTo(ow);
    assertThat(n.originalHeight()).as(file).isEqualTo(oh);
    assertThat(n.width()).as(file).isEqualTo(w);
    assertThat(n.height()).as(file).isEqualTo(h);
  }

  @Test
  void shouldCapTheLongestSideAndKeepTheAspectRatio() {
    SampleImages.normalized()
        .forEach(
            (path, n) -> {
              int longest = Math.max(n.originalWidth(), n.originalHeight());
              assertThat(Math.max(n.width(), n.height()))
                  .as(path.toString())
                  .isEqualTo(Math.min(longest, 1024));
              // the short side is what the original's ratio gives for the long side, within 1 pixel
              double exactHeight = (double) n.originalHeight() * n.width() / n.originalWidth();
              double exactWidth = (double) n.originalWidth() * n.height() / n.originalHeight();
              assertThat(
                      Math.min(
                          Math.abs(n.height() - exactHeight), Math.abs(n.width() - exactWidth)))
                  .as(path.toString())
                  .isLessThanOrEqualTo(1.0);
            });
  }

  @Test
  void shouldOutputBaselineJpegWithTheStatedSizeAndFormatOfTheExtension() throws IOException {
    for (Map.Entry<Path, NormalizedImage> e : SampleImages.normalized().entrySet()) {
      NormalizedImage n = e.getValue();
      BufferedImage jpeg = ImageIO.read(new ByteArrayInputStream(n.jpeg()));
      assertThat(n.jpeg()).startsWith((byte) 0xff, (byte) 0xd8);
      assertThat(jpeg.getWidth()).isEqualTo(n.width());
      assertThat(jpeg.getHeight()).isEqualTo(n.height());
      assertThat(jpeg.getColorModel().getNumComponents()).isEqualTo(3);
      String ext =
          e.getKey().getFileName().toString().replaceAll(".*\\.", "").toLowerCase(Locale.ROOT);
      assertThat(n.originalFormat())
          .isEqualTo(Map.of("tif", "tiff", "jpg", "jpeg").getOrDefault(ext, ext));
      assertThat(n.pixelSha256()).matches("[0-9a-f]{64}");
    }
  }

  @Test
  void shouldFlattenTheAlphaChannelOfTheRgbaTiffOntoWhite() throws IOException {
    // elife-19405-inf1.tif has 4 samples per pixel (RGB + alpha); its corner is transparent or
    // white
    NormalizedImage n = SampleImages.normalized("elife-19405/elife-19405-inf1.tif");
    BufferedImage jpeg = ImageIO.read(new ByteArrayInputStream(n.jpeg()));
    assertThat(jpeg.getRGB(0, 0) & 0xffffff).isNotEqualTo(0);
  }
}
