package org.figstream.processors.image;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.figstream.processors.api.ImageRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Where the normaliser's time goes, phase by phase (decode, fit, JPEG encode, pixel digest,
 * perceptual hash), on the repository's real figure images, four rounds on one thread. {@code
 * -Dfigstream.measure=true -Dtest=NormaliserPhasesMeasurement}; docs/load.md, "The first profile
 * and the latest, per figure".
 */
@EnabledIfSystemProperty(named = "figstream.measure", matches = "true")
class NormaliserPhasesMeasurement {
  @Test
  void measure() throws Exception {
    List<byte[]> images = new ArrayList<>();
    for (String root : List.of("../samples/articles", "../samples/labelled")) {
      try (Stream<Path> files = Files.walk(Path.of(root))) {
        for (Path p : files.filter(Files::isRegularFile).toList()) {
          String n = p.toString().toLowerCase(Locale.ROOT);
          if (n.endsWith(".jpg") || n.endsWith(".png") || n.endsWith(".gif")) {
            images.add(Files.readAllBytes(p));
          }
        }
      }
    }
    ImageSettings settings = ImageSettings.DEFAULTS;
    ImageDecoder decoder = new ImageDecoder(settings);
    for (int round = 0; round < 4; round++) {
      long dec = 0, fit = 0, enc = 0, dig = 0, hash = 0;
      int jpegIn = 0, keptSize = 0, done = 0;
      for (byte[] b : images) {
        long t0 = System.nanoTime();
        ImageDecoder.Decoded d;
        try {
          d = decoder.decode(b);
        } catch (ImageRejectedException e) {
          continue;
        }
        long t1 = System.nanoTime();
        BufferedImage rgb = Downscaler.fit(d.image(), settings.longestSide());
        long t2 = System.nanoTime();
        JpegEncoder.encode(rgb, settings.jpegQuality());
        long t3 = System.nanoTime();
        PixelDigest.sha256(rgb);
        long t4 = System.nanoTime();
        PerceptualHash.of(rgb);
        long t5 = System.nanoTime();
        done++;
        dec += t1 - t0;
        fit += t2 - t1;
        enc += t3 - t2;
        dig += t4 - t3;
        hash += t5 - t4;
        if (d.format().toLowerCase(Locale.ROOT).contains("jp")) {
          jpegIn++;
          keptSize += rgb.getWidth() == d.width() ? 1 : 0;
        }
      }
      double n = done; // a rejected image is left out of the means
      System.out.printf(
          Locale.ROOT,
          "round %d: %d images, %d normalised (%d JPEG, %d of them not resized): ms an image: decode %.2f, fit %.2f,"
              + " encode %.2f, digest %.2f, perceptual hash %.2f%n",
          round,
          images.size(),
          done,
          jpegIn,
          keptSize,
          dec / n / 1e6,
          fit / n / 1e6,
          enc / n / 1e6,
          dig / n / 1e6,
          hash / n / 1e6);
    }
  }
}
