package org.figstream.loadtest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.NormalizedImage;

/**
 * The image normaliser alone (decode, convert, resize, JPEG, digests) on the image files under a
 * folder (the sample articles, or the generated corpus {@code KafkaOverhead} writes to {@code
 * RESULTS_DIR/corpus}), on one thread: CPU milliseconds an image per round, and one SHA-256 over
 * every output (the JPEG, the pixel digest and the perceptual hash) so that two builds can be shown
 * to give the same images. Compare builds by running it with each one's jars, in turns. The images
 * are read from files rather than generated in the same JVM: after the generator had run, the
 * normaliser's CPU an image moved by a third either way between runs of the same build.
 *
 * <pre>
 * java -cp 'loadtest/target/figstream-loadtest.jar:loadtest/target/lib/*' \
 *   org.figstream.loadtest.ImageNormalizeReport samples/articles 300 3
 * </pre>
 */
public final class ImageNormalizeReport {

  private ImageNormalizeReport() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    List<byte[]> images = images(Path.of(args[0]), limit);
    ImageNormalizer normalizer = new ImageNormalizer();
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int round = 1; round <= rounds; round++) {
      MessageDigest all = MessageDigest.getInstance("SHA-256");
      int rejected = 0;
      long start = threads.getCurrentThreadCpuTime();
      for (byte[] image : images) {
        try {
          NormalizedImage out = normalizer.normalize(image);
          all.update(out.jpeg());
          all.update(out.pixelSha256().getBytes(StandardCharsets.US_ASCII));
          all.update(Long.toString(out.perceptualHash()).getBytes(StandardCharsets.US_ASCII));
        } catch (RuntimeException e) {
          rejected++;
        }
      }
      double ms = (threads.getCurrentThreadCpuTime() - start) / 1e6;
      System.out.printf(
          Locale.ROOT,
          "round %d: %d images, %.2f CPU-ms an image, %d rejected, outputs %s%n",
          round,
          images.size(),
          ms / images.size(),
          rejected,
          HexFormat.of().formatHex(all.digest()).substring(0, 16));
    }
  }

  /** The first {@code limit} image files under {@code root}, by path. */
  private static List<byte[]> images(Path root, int limit) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> paths =
          files
              .filter(Files::isRegularFile)
              .filter(p -> SampleArticles.isImage(p.getFileName().toString()))
              .sorted()
              .limit(limit)
              .toList();
      List<byte[]> out = new ArrayList<>();
      for (Path p : paths) {
        out.add(Files.readAllBytes(p));
      }
      return out;
    }
  }
}
