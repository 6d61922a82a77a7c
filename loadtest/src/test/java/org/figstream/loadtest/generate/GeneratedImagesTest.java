package org.figstream.loadtest.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.figstream.loadtest.generate.ArticlePlan.FloatPlan;
import org.figstream.loadtest.generate.ArticlePlan.Origin;
import org.figstream.processors.api.ImageRejectedException;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.records.NormalizedImage;
import org.junit.jupiter.api.Test;

/**
 * The generated images through the real ImageNormalizer: they decode and normalise, and dedup (by
 * the normaliser's own pixel SHA-256 and perceptual hash) would find only the intended duplicates.
 */
class GeneratedImagesTest {
  /** DedupSettings.DEFAULTS.maxDistance() in topology: hashes this close count as near. */
  private static final int NEAR_DISTANCE = 6;

  private static final ImageNormalizer NORMALIZER = new ImageNormalizer();

  private record Normalised(String path, FloatPlan plan, NormalizedImage image) {}

  @Test
  void shouldNormaliseDistinctImagesExceptTheIntendedDuplicates() {
    ArticlePlanner planner =
        new ArticlePlanner(
            GeneratorSettings.defaults(11, 45)
                .withShares(0.06, 0.06, 0, 0, 0)
                .withLargeImages(0, 0));
    List<Normalised> all =
        IntStream.range(0, 45)
            .parallel()
            .mapToObj(i -> planner.plan(i, 1))
            .flatMap(
                plan ->
                    plan.images().stream()
                        .map(
                            f ->
                                new Normalised(
                                    plan.versionId() + "/" + f.file(),
                                    f,
                                    NORMALIZER.normalize(ImageRenderer.render(f.image())))))
            .toList();
    Map<String, Normalised> byPath = new HashMap<>();
    all.forEach(n -> byPath.put(n.path(), n));
    List<Normalised> originals =
        all.stream().filter(n -> n.plan().origin() == Origin.ORIGINAL).toList();
    List<Normalised> exact =
        all.stream().filter(n -> n.plan().origin() == Origin.EXACT_DUPLICATE).toList();
    List<Normalised> near =
        all.stream().filter(n -> n.plan().origin() == Origin.NEAR_DUPLICATE).toList();

    assertThat(all).hasSizeGreaterThan(150);
    assertThat(exact).isNotEmpty();
    assertThat(near).isNotEmpty();
    List<String> tooClose = new ArrayList<>();
    for (int a = 0; a < originals.size(); a++) {
      for (int b = a + 1; b < originals.size(); b++) {
        NormalizedImage x = originals.get(a).image();
        NormalizedImage y = originals.get(b).image();
        if (x.pixelSha256().equals(y.pixelSha256())
            || NormalizedImage.hammingDistance(x.perceptualHash(), y.perceptualHash())
                <= NEAR_DISTANCE) {
          tooClose.add(originals.get(a).path() + " ~ " + originals.get(b).path());
        }
      }
    }
    assertThat(tooClose).isEmpty();
    for (Normalised copy : exact) {
      Normalised source = byPath.get(copy.plan().source());
      assertThat(copy.image().pixelSha256()).isEqualTo(source.image().pixelSha256());
    }
    for (Normalised copy : near) {
      Normalised source = byPath.get(copy.plan().source());
      assertThat(copy.image().pixelSha256()).isNotEqualTo(source.image().pixelSha256());
      assertThat(
              NormalizedImage.hammingDistance(
                  copy.image().perceptualHash(), source.image().perceptualHash()))
          .isLessThanOrEqualTo(NEAR_DISTANCE);
    }
  }

  @Test
  void shouldRejectTheOverLimitScanFromItsHeader() {
    byte[] png =
        ImageRenderer.render(
            new ImageSpec(
                ImageSpec.Kind.OVER_LIMIT, 3, 12000, 10200, ImageSpec.Format.PNG, 1f, false));

    assertThatThrownBy(() -> NORMALIZER.normalize(png))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(ImageRejectedException.Reason.TOO_MANY_PIXELS));
  }

  @Test
  void shouldNormaliseAHugePhotoUnderTheLimit() {
    byte[] jpeg =
        ImageRenderer.render(
            new ImageSpec(
                ImageSpec.Kind.PHOTO, 4, 8000, 6000, ImageSpec.Format.JPEG, 0.85f, false));

    NormalizedImage image = NORMALIZER.normalize(jpeg);

    assertThat(jpeg.length).isGreaterThan(2_000_000);
    assertThat(image.width()).isEqualTo(1024);
    assertThat(image.height()).isEqualTo(768);
  }
}
