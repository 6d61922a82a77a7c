package org.figstream.processors.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

class ProgressiveJpegTest {
  private static byte[] jpeg(boolean progressive) throws IOException {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    if (progressive) {
      param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  @Test
  void shouldTellAProgressiveJpegFromABaselineOneByItsFrameHeader() throws IOException {
    byte[] progressive = jpeg(true);
    byte[] baseline = jpeg(false);

    assertThat(ProgressiveJpeg.isProgressive(progressive)).isTrue();
    assertThat(ProgressiveJpeg.isProgressive(baseline)).isFalse();
    // the JFIF header alone, cut before any frame header
    assertThat(ProgressiveJpeg.isProgressive(java.util.Arrays.copyOf(progressive, 20))).isFalse();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png);
    assertThat(ProgressiveJpeg.isProgressive(png.toByteArray())).isFalse();
  }

  @Test
  void shouldDecodeLargeProgressiveJpegsOneAtATime() throws Exception {
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    AtomicBoolean secondRanEarly = new AtomicBoolean();
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () ->
                run(
                    () -> {
                      firstRunning.countDown();
                      await(releaseFirst);
                      return "first";
                    }));
    assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<String> second =
        CompletableFuture.supplyAsync(
            () ->
                run(
                    () -> {
                      secondRanEarly.set(releaseFirst.getCount() > 0);
                      return "second";
                    }));
    // a small one does not wait
    assertThat(ProgressiveJpeg.decode(false, () -> "small")).isEqualTo("small");
    Thread.sleep(300);
    assertThat(second).isNotDone();

    releaseFirst.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
    assertThat(secondRanEarly).isFalse();
  }

  private static String run(ProgressiveJpeg.Decode<String> decode) {
    try {
      return ProgressiveJpeg.decode(true, decode);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
