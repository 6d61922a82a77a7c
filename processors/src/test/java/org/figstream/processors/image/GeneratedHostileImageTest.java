package org.figstream.processors.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.figstream.processors.api.ImageRejectedException;
import org.figstream.processors.hostile.NoNewFiles;

/**
 * Generated broken images, 2,000 cases a run from a fixed seed: small real PNG, JPEG, GIF and BMP
 * files truncated at any byte, with any byte replaced, with the dimensions in their headers made to
 * lie (up to 65,535 x 65,535), empty, or text. Every case ends in a normalised image or an {@link
 * ImageRejectedException} naming the problem, within two seconds, without running out of memory and
 * without writing a file to java.io.tmpdir or the working directory.
 */
class GeneratedHostileImageTest {
  private static final List<byte[]> IMAGES =
      List.of(encode("png"), encode("jpg"), encode("gif"), encode("bmp"));

  private static NoNewFiles files;

  private final ImageNormalizer normalizer = new ImageNormalizer();

  @BeforeContainer
  static void snapshotFiles() {
    files = NoNewFiles.snapshot();
  }

  /** Decoders may spill to cache files; none of them may be left behind. */
  @AfterContainer
  static void shouldHaveWrittenNoFile() {
    files.assertNoneSince();
  }

  @Property(tries = 2_000, seed = "20261204")
  void shouldEndInAnImageOrANamedRejectionQuickly(@ForAll("brokenImages") byte[] file) {
    long started = System.nanoTime();
    try {
      assertThat(normalizer.normalizeWithPixels(file).image()).isNotNull();
    } catch (ImageRejectedException e) {
      assertThat(e.problem()).isNotBlank();
    }
    assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(2_000);
  }

  @Provide
  Arbitrary<byte[]> brokenImages() {
    Arbitrary<byte[]> image = Arbitraries.of(IMAGES);
    return Arbitraries.frequencyOf(
        Tuple.of(
            30,
            image.flatMap(
                i -> Arbitraries.integers().between(0, i.length).map(p -> Arrays.copyOf(i, p)))),
        Tuple.of(
            30,
            image.flatMap(
                i ->
                    Combinators.combine(
                            Arbitraries.integers().between(0, i.length - 1), Arbitraries.bytes())
                        .as((p, b) -> replaced(i, p, b)))),
        Tuple.of(
            30,
            Combinators.combine(image, Arbitraries.integers().between(0, 40))
                .as(GeneratedHostileImageTest::lyingHeader)),
        Tuple.of(5, Arbitraries.just(new byte[0])),
        Tuple.of(
            5,
            Arbitraries.strings()
                .ofMaxLength(200)
                .map(s -> ("not an image " + s).getBytes(StandardCharsets.UTF_8))));
  }

  private static byte[] replaced(byte[] image, int at, byte value) {
    byte[] copy = image.clone();
    copy[at] = value;
    return copy;
  }

  /** 0xFF bytes written over the header, where the format keeps the width and height. */
  private static byte[] lyingHeader(byte[] image, int offset) {
    byte[] copy = image.clone();
    int start = Math.min(copy.length - 2, 6 + offset);
    copy[start] = (byte) 0xFF;
    copy[start + 1] = (byte) 0xFF;
    return copy;
  }

  private static byte[] encode(String format) {
    BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 48; x++) {
        image.setRGB(x, y, (x * 5) << 16 | (y * 7) << 8 | ((x + y) * 3));
      }
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
