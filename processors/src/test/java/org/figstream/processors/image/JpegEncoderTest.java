package org.figstream.processors.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

class JpegEncoderTest {

  /** What ImageIO's JPEG writer makes of the image as it is, with no copy in between. */
  private static byte[] direct(BufferedImage image, float quality) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  @Test
  void shouldWriteTheSameJpegAsTheWriterDoesFromPackedPixels() throws IOException {
    BufferedImage photo =
        RgbConverter.toRgb(
            ImageIO.read(new ByteArrayInputStream(SampleImages.bytes("elife-30274-v1/fig1.jpg"))));
    assertThat(photo.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat(JpegEncoder.encode(photo, 0.9f)).isEqualTo(direct(photo, 0.9f));
    // a part shares its parent's array and starts inside it
    BufferedImage part = photo.getSubimage(13, 7, 101, 57);
    assertThat(JpegEncoder.encode(part, 0.85f)).isEqualTo(direct(part, 0.85f));
    BufferedImage bgr = JpegEncoder.asBgrBytes(part);
    for (int y = 0; y < part.getHeight(); y++) {
      for (int x = 0; x < part.getWidth(); x++) {
        assertThat(bgr.getRGB(x, y)).isEqualTo(part.getRGB(x, y));
      }
    }
  }
}
