package org.figstream.processors.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.twelvemonkeys.imageio.color.ColorSpaces;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.figstream.records.NormalizedImage;
import org.junit.jupiter.api.Test;

/** Colour models the samples lack: CMYK, 16-bit, palette, transparency, multi-page, Deflate. */
class ImageColourTest {

  private final ImageNormalizer normalizer = new ImageNormalizer();

  private static List<Integer> rgbAt(NormalizedImage n, int x, int y) throws IOException {
    BufferedImage jpeg = ImageIO.read(new ByteArrayInputStream(n.jpeg()));
    assertThat(jpeg.getColorModel().getNumComponents()).isEqualTo(3);
    int p = jpeg.getRGB(x, y);
    return List.of(p >> 16 & 0xff, p >> 8 & 0xff, p & 0xff);
  }

  @Test
  void shouldConvertAPhotoshopStyleCmykJpegToRgb() throws IOException {
    byte[] cmyk = BadImages.cmykJpeg();
    assertThat(HeaderProbe.jpegComponents(cmyk)).isEqualTo(4);

    NormalizedImage n = normalizer.normalize(cmyk);

    assertThat(n.originalFormat()).isEqualTo("jpeg");
    List<Integer> cyan = rgbAt(n, 8, 16);
    assertThat(cyan.get(0)).isLessThan(80); // little red, much green and blue
    assertThat(cyan.get(1)).isGreaterThan(140);
    assertThat(cyan.get(2)).isGreaterThan(180);
    assertThat(rgbAt(n, 56, 16)).allSatisfy(c -> assertThat(c).isLessThan(60));
  }

  @Test
  void shouldConvertACmykTiffToRgb() throws IOException {
    ColorSpace cmyk = ColorSpaces.getColorSpace(ColorSpaces.CS_GENERIC_CMYK);
    ColorModel cm =
        new ComponentColorModel(cmyk, false, false, ColorModel.OPAQUE, DataBuffer.TYPE_BYTE);
    byte[] tiff =
        SyntheticImages.write(
            new BufferedImage(cm, BadImages.cmykRaster(false), false, null), "tiff", "LZW");
    assertThat(HeaderProbe.tiffShortTag(tiff, 262))
        .isEqualTo(5); // PhotometricInterpretation = separated (CMYK)

    NormalizedImage n = normalizer.normalize(tiff);

    assertThat(n.originalFormat()).isEqualTo("tiff");
    List<Integer> cyan = rgbAt(n, 8, 16);
    assertThat(cyan.get(0)).isLessThan(80);
    assertThat(cyan.get(1)).isGreaterThan(140);
    assertThat(cyan.get(2)).isGreaterThan(180);
    assertThat(rgbAt(n, 56, 16)).allSatisfy(c -> assertThat(c).isLessThan(60));
  }

  /** A test card: coloured bands and a grey ramp, so scaling and rounding errors would show. */
  private static BufferedImage card(int type) {
    BufferedImage img = new BufferedImage(300, 200, type);
    Graphics2D g = img.createGraphics();
    for (int x = 0; x < 300; x++) {
      g.setColor(new Color(x * 255 / 299, 255 - x * 255 / 299, (x * 7) % 256));
      g.drawLine(x, 0, x, 99);
      g.setColor(new Color(x * 255 / 299, x * 255 / 299, x * 255 / 299));
      g.drawLine(x, 100, x, 199);
    }
    g.dispose();
    return img;
  }

  /**
   * The same picture with every 8-bit sample v widened to 16 bits as v * 257 (exact round trip).
   */
  private static BufferedImage widen(BufferedImage eight, boolean grey) {
    ColorSpace cs = ColorSpace.getInstance(grey ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
    ColorModel cm =
        new ComponentColorModel(cs, false, false, ColorModel.OPAQUE, DataBuffer.TYPE_USHORT);
    WritableRaster wide = cm.createCompatibleWritableRaster(eight.getWidth(), eight.getHeight());
    Raster src = eight.getRaster();
    int bands = src.getNumBands();
    for (int y = 0; y < eight.getHeight(); y++) {
      for (int x = 0; x < eight.getWidth(); x++) {
        for (int b = 0; b < bands; b++) {
          wide.setSample(x, y, b, src.getSample(x, y, b) * 257);
        }
      }
    }
    return new BufferedImage(cm, wide, false, null);
  }

  @Test
  void shouldGiveA16BitRgbTiffTheSamePixelsAsIts8BitTwin() {
    BufferedImage eight = card(BufferedImage.TYPE_3BYTE_BGR);
    byte[] tiff16 = SyntheticImages.write(widen(eight, false), "tiff", "ZLib");
    assertThat(HeaderProbe.tiffShortTag(tiff16, 259))
        .isEqualTo(8); // Compression = Adobe Deflate (ZIP)

    NormalizedImage wide = normalizer.normalize(tiff16);
    NormalizedImage narrow = normalizer.normalize(SyntheticImages.write(eight, "png", null));

    assertThat(wide.pixelSha256()).isEqualTo(narrow.pixelSha256());
    assertThat(wide.originalFormat()).isEqualTo("tiff");
  }

  @Test
  void shouldGiveA16BitGreyPngTheSamePixelsAsIts8BitTwinWithoutGammaShift() throws IOException {
    BufferedImage eight = card(BufferedImage.TYPE_BYTE_GRAY);
    byte[] png16 = SyntheticImages.write(widen(eight, true), "png", null);
    assertThat(png16[24]).isEqualTo((byte) 16); // IHDR bit depth

    NormalizedImage wide = normalizer.normalize(png16);

    assertThat(wide.pixelSha256())
        .isEqualTo(normalizer.normalize(SyntheticImages.write(eight, "png", null)).pixelSha256());
    // mid grey stays mid grey (a linear-light reading would brighten 128 to about 188)
    assertThat(rgbAt(wide, 150, 150)).allSatisfy(c -> assertThat(c).isBetween(124, 132));
  }

  @Test
  void shouldTakeTheFirstPageOfAMultiPageTiff() {
    BufferedImage second = new BufferedImage(50, 40, BufferedImage.TYPE_BYTE_GRAY);
    byte[] tiff =
        SyntheticImages.write(List.of(card(BufferedImage.TYPE_INT_RGB), second), "tiff", "LZW");

    NormalizedImage n = normalizer.normalize(tiff);

    assertThat(new int[] {n.originalWidth(), n.originalHeight(), n.width(), n.height()})
        .containsExactly(300, 200, 300, 200);
    assertThat(n.pixelSha256())
        .isEqualTo(
            normalizer
                .normalize(SyntheticImages.write(card(BufferedImage.TYPE_INT_RGB), "png", null))
                .pixelSha256());
  }

  @Test
  void shouldFlattenTransparentGifAndPngPixelsOntoWhite() throws IOException {
    byte[] palette = {0, (byte) 255};
    IndexColorModel twoColours =
        new IndexColorModel(
            8, 2, new byte[] {0, 0}, new byte[] {0, 0}, palette, 0); // index 0 transparent
    BufferedImage indexed = new BufferedImage(40, 20, BufferedImage.TYPE_BYTE_INDEXED, twoColours);
    indexed.getRaster().setSample(30, 10, 0, 1); // one blue pixel, rest transparent
    NormalizedImage gif = normalizer.normalize(SyntheticImages.write(indexed, "gif", null));
    assertThat(gif.originalFormat()).isEqualTo("gif");
    assertThat(rgbAt(gif, 5, 5)).allSatisfy(c -> assertThat(c).isGreaterThan(245));

    BufferedImage argb = new BufferedImage(40, 20, BufferedImage.TYPE_INT_ARGB);
    argb.setRGB(30, 10, 0xff000000); // opaque black dot on fully transparent black
    NormalizedImage png = normalizer.normalize(SyntheticImages.write(argb, "png", null));
    assertThat(rgbAt(png, 5, 5)).allSatisfy(c -> assertThat(c).isGreaterThan(245));
    assertThat(rgbAt(png, 30, 10)).allSatisfy(c -> assertThat(c).isLessThan(120));
  }
}
