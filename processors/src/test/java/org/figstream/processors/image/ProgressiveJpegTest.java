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

  /** The JPEG with its frame header (SOF0 or SOF2) saying {@code width} x {@code height}. */
  private static byte[] declaring(byte[] jpeg, int width, int height) {
    byte[] out = jpeg.clone();
    for (int i = 2; i + 8 < out.length; i++) {
      int marker = out[i + 1] & 0xFF;
      if ((out[i] & 0xFF) == 0xFF && (marker == 0xC0 || marker == 0xC2)) {
        // length (2), precision (1), height (2), width (2)
        out[i + 5] = (byte) (height >> 8);
        out[i + 6] = (byte) height;
        out[i + 7] = (byte) (width >> 8);
        out[i + 8] = (byte) width;
        return out;
      }
    }
    throw new AssertionError("no frame header");
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void shouldMakeTheDecoderWaitForALargeProgressiveJpegOnly() throws Exception {
    ImageDecoder decoder = new ImageDecoder(ImageSettings.DEFAULTS);
    // 20 MP declared: over the 16 MP of a large one, under the 120 MP limit; the scans are a small
    // image's, so the decode ends in an error, after its turn
    byte[] progressive = declaring(jpeg(true), 5000, 4000);
    byte[] baseline = declaring(jpeg(false), 5000, 4000);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> holder =
        CompletableFuture.supplyAsync(
            () ->
                run(
                    () -> {
                      holding.countDown();
                      await(release);
                      return "held";
                    }));
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> large =
        CompletableFuture.runAsync(() -> tryDecode(decoder, progressive));
    tryDecode(decoder, baseline); // does not wait: it returns while the turn is held
    Thread.sleep(300);
    assertThat(large).isNotDone();

    release.countDown();
    holder.get(10, TimeUnit.SECONDS);
    large.get(30, TimeUnit.SECONDS);
  }

  private static void tryDecode(ImageDecoder decoder, byte[] bytes) {
    try {
      decoder.decode(bytes);
    } catch (org.figstream.processors.api.ImageRejectedException e) {
      // expected: the declared size is not what the scans hold
    }
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
