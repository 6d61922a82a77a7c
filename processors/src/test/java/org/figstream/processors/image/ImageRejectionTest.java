package org.figstream.processors.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.figstream.processors.api.ImageRejectedException;
import org.figstream.processors.api.ImageRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and broken input: always a typed rejection, bombs refused before any pixel is decoded.
 */
class ImageRejectionTest {

  private static final Duration FAST = Duration.ofSeconds(2);
  private final ImageNormalizer normalizer = new ImageNormalizer();

  private Reason reasonFor(byte[] bytes) {
    return reasonFor(normalizer, bytes);
  }

  private static Reason reasonFor(ImageNormalizer normalizer, byte[] bytes) {
    try {
      normalizer.normalize(bytes);
    } catch (ImageRejectedException e) {
      return e.reason();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void shouldRejectAPngWhoseHeaderClaims100000By100000BeforeDecoding() {
    byte[] bomb = SyntheticImages.png(100_000, 100_000, 8, 2, new byte[] {0x78, (byte) 0x9c, 3, 0});
    assertThat(bomb).hasSizeLessThan(100); // 30 GB of RGB if decoded
    assertThatThrownBy(() -> assertTimeoutPreemptively(FAST, () -> normalizer.normalize(bomb)))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
              assertThat(e).hasMessageContaining("100000x100000 = 10000000000 pixels");
            });
  }

  @Test
  void shouldRejectAFullyValidCompressedPngBombBeforeDecoding() {
    byte[] bomb = SyntheticImages.pngBomb(20_000); // 400 MP, a 1.6 GB RGB raster once decoded
    assertThat(bomb.length).isLessThan(200_000);
    assertTimeoutPreemptively(
        FAST, () -> assertThat(reasonFor(bomb)).isEqualTo(Reason.TOO_MANY_PIXELS));
  }

  @Test
  void shouldRejectTiffAndJpegHeadersThatClaimHugeDimensions() {
    assertTimeoutPreemptively(
        FAST,
        () -> {
          assertThat(reasonFor(SyntheticImages.tiff(60_000, 60_000)))
              .isEqualTo(Reason.TOO_MANY_PIXELS);
          assertThat(reasonFor(SyntheticImages.jpegHeader(65_000, 65_000)))
              .isEqualTo(Reason.TOO_MANY_PIXELS);
        });
  }

  @Test
  void shouldApplyAConfiguredPixelLimitToRealFiles() {
    ImageNormalizer strict = new ImageNormalizer(ImageSettings.DEFAULTS.withMaxPixels(1_000_000));
    byte[] t001 = SampleImages.bytes("pone.0056489/pone.0056489.t001.tif"); // 4103x4151
    assertThatThrownBy(() -> strict.normalize(t001))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS))
        .hasMessageContaining("4103x4151");
    // 600x183 = 109,800 pixels passes the same limit
    assertThat(strict.normalize(SampleImages.bytes("elife-30274-v1/fig1.jpg")).width())
        .isEqualTo(600);
  }

  @Test
  void shouldRejectZeroDimensions() {
    assertThat(reasonFor(SyntheticImages.tiff(0, 10))).isEqualTo(Reason.BAD_DIMENSIONS);
    assertThat(reasonFor(SyntheticImages.jpegHeader(10, 0))).isEqualTo(Reason.BAD_DIMENSIONS);
    // the JDK's PNG reader refuses width 0 itself while reading IHDR: a broken header
    assertThat(reasonFor(SyntheticImages.png(0, 10, 8, 2, new byte[] {0x78, (byte) 0x9c, 3, 0})))
        .isEqualTo(Reason.CORRUPT);
  }

  @Test
  void shouldRejectEmptyAndOversizedInput() {
    assertThat(reasonFor(new byte[0])).isEqualTo(Reason.EMPTY);
    assertThat(reasonFor(null)).isEqualTo(Reason.EMPTY);
    ImageNormalizer small = new ImageNormalizer(ImageSettings.DEFAULTS.withMaxBytes(10_000));
    assertThat(reasonFor(small, SampleImages.bytes("elife-30274-v1/fig1.jpg")))
        .isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void shouldRejectRandomBytesTextAndUnacceptedFormatsAsUnsupported() {
    byte[] random = new byte[4096];
    new Random(42).nextBytes(random);
    assertThat(reasonFor(random)).isEqualTo(Reason.UNSUPPORTED_FORMAT);
    assertThat(reasonFor(SampleImages.bytes("elife-19405/elife-19405.xml")))
        .isEqualTo(Reason.UNSUPPORTED_FORMAT);
    byte[] bmp =
        SyntheticImages.write(new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR), "bmp", null);
    assertThat(reasonFor(bmp))
        .isEqualTo(Reason.UNSUPPORTED_FORMAT); // decodable, not a figure format
  }

  @Test
  void shouldRejectASignatureFollowedByGarbageAsCorrupt() {
    byte[] garbage = new byte[2048];
    new Random(7).nextBytes(garbage);
    for (byte[] signature :
        new byte[][] {
          {(byte) 0xff, (byte) 0xd8, (byte) 0xff},
          {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
          {'I', 'I', 42, 0},
          {'G', 'I', 'F', '8', '9', 'a'}
        }) {
      byte[] bytes = Arrays.copyOf(signature, signature.length + garbage.length);
      System.arraycopy(garbage, 0, bytes, signature.length, garbage.length);
      assertThat(reasonFor(bytes))
          .as(new String(signature, 0, 2, StandardCharsets.ISO_8859_1))
          .isEqualTo(Reason.CORRUPT);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "elife-30274-v1/fig1.jpg",
        "pone.0091296/g002.png",
        "pone.0056489/pone.0056489.g003.tif",
        "elife-19405/elife-19405-fig1.tif"
      })
  void shouldRejectTruncatedRealFilesAsCorrupt(String file) {
    byte[] whole = SampleImages.bytes(file);
    for (double keep : new double[] {0.1, 0.5, 0.9}) {
      byte[] cut = Arrays.copyOf(whole, (int) (whole.length * keep));
      assertThat(reasonFor(cut)).as(file + " cut to " + keep).isEqualTo(Reason.CORRUPT);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "elife-30274-v1/fig1.jpg",
        "pone.0093988/g001.png",
        "pone.0056489/pone.0056489.g003.tif"
      })
  void shouldNeverThrowAnUntypedExceptionOnFlippedBytes(String file) {
    byte[] whole = SampleImages.bytes(file);
    Random random = new Random(file.hashCode());
    for (int round = 0; round < 40; round++) {
      byte[] damaged = whole.clone();
      for (int i = 0; i < 1 + round % 8; i++) { // damage anywhere, headers included
        int at =
            round % 2 == 0
                ? random.nextInt(Math.min(400, whole.length))
                : random.nextInt(whole.length);
        damaged[at] = (byte) random.nextInt(256);
      }
      try {
        normalizer.normalize(damaged); // JPEG and LZW often decode damaged data into noise: fine
      } catch (ImageRejectedException expected) {
        assertThat(expected.reason()).isNotNull();
      }
    }
  }
}
