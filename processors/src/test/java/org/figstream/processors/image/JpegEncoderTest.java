package org.figstream.processors.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class JpegEncoderTest {

  // the writer fed the packed-int image as it is: the same samples must give the same bytes
  @Test
  void shouldWriteTheSameJpegAsTheWriterDoesFromPackedPixels() throws IOException {
    BufferedImage photo =
        RgbConverter.toRgb(
            ImageIO.read(new ByteArrayInputStream(SampleImages.bytes("elife-30274-v1/fig1.jpg"))));
    assertThat(photo.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat(JpegEncoder.encode(photo, 0.9f)).isEqualTo(JpegEncoder.write(photo, 0.9f));
    // a part shares its parent's array and starts inside it
    BufferedImage part = photo.getSubimage(13, 7, 101, 57);
    assertThat(JpegEncoder.encode(part, 0.85f)).isEqualTo(JpegEncoder.write(part, 0.85f));
    BufferedImage bgr = JpegEncoder.asBgrBytes(part);
    for (int y = 0; y < part.getHeight(); y++) {
      for (int x = 0; x < part.getWidth(); x++) {
        assertThat(bgr.getRGB(x, y)).isEqualTo(part.getRGB(x, y));
      }
    }
  }
}
