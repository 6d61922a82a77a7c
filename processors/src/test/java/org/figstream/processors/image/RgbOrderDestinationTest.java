package org.figstream.processors.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

class RgbOrderDestinationTest {

  private final ImageDecoder decoder = new ImageDecoder(ImageSettings.DEFAULTS);

  /** The reader's own choice of image, subsampled as the decoder does. */
  private static BufferedImage readerDefault(byte[] bytes, int step) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      ImageReadParam param = reader.getDefaultReadParam();
      if (step > 1) {
        param.setSourceSubsampling(step, step, 0, 0);
      }
      return reader.read(0, param);
    }
  }

  private static int[] rgb(BufferedImage img) {
    BufferedImage converted = RgbConverter.toRgb(img);
    return ((DataBufferInt) converted.getRaster().getDataBuffer()).getData().clone();
  }

  private void assertSamePixelsAsTheReadersDefault(byte[] jpeg, int step) throws IOException {
    BufferedImage expected = readerDefault(jpeg, step);
    BufferedImage decoded = decoder.decode(jpeg).image();
    assertThat(decoded.getWidth()).isEqualTo(expected.getWidth());
    assertThat(decoded.getHeight()).isEqualTo(expected.getHeight());
    assertThat(rgb(decoded)).isEqualTo(rgb(expected));
  }

  @Test
  void shouldDecodeEverySampleJpegToTheReadersPixelsInRgbOrder() throws IOException {
    List<Path> jpegs =
        SampleImages.files().stream()
            .filter(p -> p.getFileName().toString().toLowerCase().matches(".*\\.jpe?g"))
            .toList();
    assertThat(jpegs).hasSizeGreaterThan(10);
    int rgbOrder = 0;
    for (Path p : jpegs) {
      byte[] bytes = Files.readAllBytes(p);
      BufferedImage decoded = decoder.decode(bytes).image();
      if (decoded.getType() == BufferedImage.TYPE_CUSTOM) {
        rgbOrder++;
      }
      assertSamePixelsAsTheReadersDefault(bytes, 1);
    }
    assertThat(rgbOrder).isPositive();
  }

  @Test
  void shouldDecodeASubsampledJpegToTheReadersPixels() throws IOException {
    BufferedImage wide = new BufferedImage(4301, 61, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(3);
    for (int y = 0; y < wide.getHeight(); y++) {
      for (int x = 0; x < wide.getWidth(); x++) {
        wide.setRGB(x, y, (x * 7 + y) % 256 << 16 | random.nextInt(256) << 8 | y * 4);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(wide, "jpeg", out);
    int step = ImageDecoder.subsampling(4301, 61, ImageSettings.DEFAULT_LONGEST_SIDE);
    assertThat(step).isEqualTo(2);
    assertSamePixelsAsTheReadersDefault(out.toByteArray(), step);
    assertThat(decoder.decode(out.toByteArray()).image().getWidth()).isEqualTo(2151);
  }

  @Test
  void shouldLeaveGreyJpegsToTheReader() throws IOException {
    BufferedImage grey = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(5, 5, 0, 200);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(grey, "jpeg", out);
    BufferedImage decoded = decoder.decode(out.toByteArray()).image();
    assertThat(decoded.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    assertSamePixelsAsTheReadersDefault(out.toByteArray(), 1);
  }
}
