package org.figstream.processors.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.figstream.records.NormalizedImage;
import org.junit.jupiter.api.Test;

/** Pixel digest (exact duplicates) and perceptual hash (near-duplicates) on the real figures. */
class ImageHashTest {

  private final ImageNormalizer normalizer = new ImageNormalizer();

  @Test
  void shouldCountDifferingBits() {
    assertThat(NormalizedImage.hammingDistance(0L, 0L)).isZero();
    assertThat(NormalizedImage.hammingDistance(0L, -1L)).isEqualTo(64);
    assertThat(NormalizedImage.hammingDistance(0b1011L, 0b0001L)).isEqualTo(2);
    assertThat(NormalizedImage.hammingDistance(Long.MIN_VALUE, 0L)).isEqualTo(1);
  }

  @Test
  void shouldNormaliseTheSameBytesToAnEqualRecord() {
    byte[] tiff = SampleImages.bytes("pone.0056489/pone.0056489.g001.tif");
    assertThat(normalizer.normalize(tiff))
        .isEqualTo(normalizer.normalize(tiff))
        .isEqualTo(SampleImages.normalized("pone.0056489/pone.0056489.g001.tif"));
  }

  @Test
  void shouldGiveIdenticalPixelsTheSameDigestWhateverTheContainer() throws IOException {
    BufferedImage decoded = ImageIO.read(SampleImages.file("pone.0091296/g001.png").toFile());
    NormalizedImage png = SampleImages.normalized("pone.0091296/g001.png");
    NormalizedImage tiff = normalizer.normalize(SyntheticImages.write(decoded, "tiff", "LZW"));
    NormalizedImage lowQuality =
        new ImageNormalizer(ImageSettings.DEFAULTS.withJpegQuality(0.3f))
            .normalize(SampleImages.bytes("pone.0091296/g001.png"));

    assertThat(tiff.originalFormat()).isEqualTo("tiff");
    assertThat(tiff.pixelSha256()).isEqualTo(png.pixelSha256());
    // the digest is of the pixels before JPEG encoding, so the output quality does not move it
    assertThat(lowQuality.pixelSha256()).isEqualTo(png.pixelSha256());
    assertThat(lowQuality.jpeg().length).isLessThan(png.jpeg().length);

    decoded.setRGB(10, 10, decoded.getRGB(10, 10) ^ 1); // one bit of one pixel
    assertThat(normalizer.normalize(SyntheticImages.write(decoded, "png", null)).pixelSha256())
        .isNotEqualTo(png.pixelSha256());
  }

  @Test
  void shouldDigestRowsAsRgbBytes() {
    BufferedImage two = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
    two.setRGB(0, 0, 0x010203);
    two.setRGB(1, 0, 0xfffefd);
    // sha256 of bytes 01 02 03 ff fe fd, from `printf '\x01\x02\x03\xff\xfe\xfd' | sha256sum`
    assertThat(PixelDigest.sha256(two))
        .isEqualTo("f6eccb246afe699a6c9544cfd0a50aa21ced3f6794e721f4de37ec54fe7867a9");
  }

  private static BufferedImage decode(NormalizedImage n) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(n.jpeg()));
  }

  private static BufferedImage scale(BufferedImage src, double factor) {
    int w = (int) Math.round(src.getWidth() * factor);
    int h = (int) Math.round(src.getHeight() * factor);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(src, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  @Test
  void shouldKeepNearDuplicatesOfEverySampleWithinSixBits() throws IOException {
    // Measured on all 62 samples: at most 4 bits for each of the three variants below.
    int worst = 0;
    for (Map.Entry<Path, NormalizedImage> e : SampleImages.normalized().entrySet()) {
      long hash = e.getValue().perceptualHash();
      BufferedImage pixels = decode(e.getValue());
      long[] variants = {
        normalizer.normalize(SyntheticImages.jpeg(pixels, 0.5f)).perceptualHash(),
        normalizer
            .normalize(SyntheticImages.write(scale(pixels, 0.9), "png", null))
            .perceptualHash(),
        normalizer.normalize(SyntheticImages.jpeg(scale(pixels, 0.75), 0.75f)).perceptualHash()
      };
      for (long v : variants) {
        int d = NormalizedImage.hammingDistance(hash, v);
        assertThat(d).as(e.getKey().toString()).isLessThanOrEqualTo(6);
        worst = Math.max(worst, d);
      }
    }
    System.out.println("worst near-duplicate distance " + worst);
  }

  @Test
  void shouldSeparateDifferentSampleFigures() {
    // All 1891 pairs of distinct samples are further apart than the near-duplicate bound of 6
    // (closest: pone.0093988 g002/g003, two plots of the same layout, 10 bits); nearly all >= 20.
    List<NormalizedImage> all = new ArrayList<>(SampleImages.normalized().values());
    int pairs = 0;
    int atLeast20 = 0;
    int closest = 64;
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        int d =
            NormalizedImage.hammingDistance(
                all.get(i).perceptualHash(), all.get(j).perceptualHash());
        pairs++;
        atLeast20 += d >= 20 ? 1 : 0;
        closest = Math.min(closest, d);
      }
    }
    System.out.printf("pairs %d, closest %d, >= 20 bits: %d%n", pairs, closest, atLeast20);
    assertThat(pairs).isEqualTo(62 * 61 / 2);
    assertThat(closest).isGreaterThan(6);
    assertThat(atLeast20).isGreaterThanOrEqualTo(pairs * 98 / 100);
    assertThat(distance("elife-30274-v1/fig1.jpg", "pone.0056489/pone.0056489.g001.tif"))
        .isGreaterThanOrEqualTo(20);
    assertThat(distance("elife-46793-v1/fig3.jpg", "pone.0091296/g007.png"))
        .isGreaterThanOrEqualTo(20);
  }

  private static int distance(String a, String b) {
    return NormalizedImage.hammingDistance(
        SampleImages.normalized(a).perceptualHash(), SampleImages.normalized(b).perceptualHash());
  }
}
