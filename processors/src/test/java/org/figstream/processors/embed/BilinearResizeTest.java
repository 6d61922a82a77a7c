package org.figstream.processors.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.testdata.SampleArticles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The preprocessor reads the normaliser's {@code TYPE_INT_RGB} rasters itself instead of drawing
 * them with Java2D. The committed reference features were made through Java2D, so the two must
 * agree to the bit: here the same pixels go in once as the raster and once as a {@code
 * TYPE_3BYTE_BGR} copy, which only Java2D handles.
 */
class BilinearResizeTest {
  private static List<BufferedImage> rasters;

  @BeforeAll
  static void normalise() {
    ImageNormalizer normalizer = new ImageNormalizer();
    rasters =
        ReferenceFeatures.IMAGES.stream()
            .map(
                name -> {
                  try {
                    return normalizer
                        .normalizeWithPixels(
                            Files.readAllBytes(SampleArticles.root().resolve(name)))
                        .takePixels();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                })
            .toList();
  }

  @Test
  void shouldGiveTheBuiltInModelTheSameInputAsJava2dDoes() {
    assertSameInputs(new ImagePreprocessor(BuiltinModels.resolve(BuiltinModels.IMAGE)), rasters);
  }

  @Test
  void shouldCropAndSquashToOddSizesAsJava2dDoes() {
    float[] mean = {0.485f, 0.456f, 0.406f};
    float[] std = {0.229f, 0.224f, 0.225f};
    for (String resize : List.of("crop", "squash")) {
      for (int size : new int[] {1, 97, 1031}) { // 1031: larger than any raster, so enlarging too
        assertSameInputs(
            new ImagePreprocessor(
                ImagePreprocessorTest.descriptor("NCHW", resize, size, mean, std)),
            rasters);
      }
    }
  }

  @Test
  void shouldReadASubimageAtItsOffsetInTheSharedArray() {
    BufferedImage tiff =
        rasters.get(ReferenceFeatures.IMAGES.indexOf("pone.0056489/pone.0056489.g003.tif"));
    BufferedImage part = tiff.getSubimage(301, 117, 400, 250);
    assertThat(part.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);

    assertSameInputs(
        new ImagePreprocessor(BuiltinModels.resolve(BuiltinModels.IMAGE)), List.of(part));
  }

  private static void assertSameInputs(ImagePreprocessor preprocessor, List<BufferedImage> images) {
    for (BufferedImage raster : images) {
      float[] direct = preprocessor.apply(raster);
      float[] drawn = preprocessor.apply(threeByteBgr(raster));
      // isEqualTo compares the arrays element by element; containsExactly would diff 3 million
      // floats pairwise
      assertThat(direct).as("%dx%d", raster.getWidth(), raster.getHeight()).isEqualTo(drawn);
    }
  }

  private static BufferedImage threeByteBgr(BufferedImage rgb) {
    BufferedImage out =
        new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(rgb, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
