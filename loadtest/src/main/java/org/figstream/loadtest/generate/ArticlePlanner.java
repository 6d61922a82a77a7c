package org.figstream.loadtest.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.figstream.loadtest.generate.ArticlePlan.FloatPlan;
import org.figstream.loadtest.generate.ArticlePlan.Group;
import org.figstream.loadtest.generate.ArticlePlan.License;
import org.figstream.loadtest.generate.ArticlePlan.Origin;
import org.figstream.loadtest.generate.ImageSpec.Format;
import org.figstream.loadtest.generate.ImageSpec.Kind;

/**
 * Decides each article version of a corpus from the seed alone: any article is planned on its own,
 * so that a bucket of 10,000 articles is made on request, never held.
 *
 * <p>PMCIDs are {@code PMC900000001} and up: nine digits, where real PMCIDs have eight (about
 * PMC12000000 in 2026) and the bundled samples use PMC99000001 to PMC99000010, so generated
 * articles can be mistaken for neither.
 */
public final class ArticlePlanner {
  public static final int FIRST_ID = 900_000_001;
  private static final long COUNT = 1;
  private static final long DUPLICATE = 2;
  private static final long IMAGE = 3;
  private static final long FATE = 4;
  private static final long TEXT = 5;
  private static final int TABLE_SLOT = 10_000;
  private static final License[] LICENSES = {
    new License("https://creativecommons.org/licenses/by/4.0/", "Creative Commons Attribution"),
    new License(
        "https://creativecommons.org/licenses/by-nc/4.0/",
        "Creative Commons Attribution-NonCommercial"),
    new License(
        "https://creativecommons.org/licenses/by-nc-nd/4.0/",
        "Creative Commons Attribution-NonCommercial-NoDerivatives"),
    new License(
        "https://creativecommons.org/licenses/by-nc-sa/4.0/",
        "Creative Commons Attribution-NonCommercial-ShareAlike"),
    new License("https://creativecommons.org/licenses/by-sa/4.0/", "Creative Commons ShareAlike"),
    new License(
        "https://creativecommons.org/publicdomain/zero/1.0/", "CC0 public domain dedication")
  };
  // shares of the licenses above: most of the OA subset is CC BY, then the non-commercial ones
  private static final double[] LICENSE_SHARES = {0.70, 0.10, 0.09, 0.04, 0.02, 0.05};

  /** What happens to an article the day after it appears. */
  public enum Fate {
    NONE,
    REVISED,
    RETRACTED,
    REMOVED
  }

  private final GeneratorSettings settings;

  public ArticlePlanner(GeneratorSettings settings) {
    this.settings = settings;
  }

  public GeneratorSettings settings() {
    return settings;
  }

  public static String pmcid(int index) {
    return "PMC" + (FIRST_ID + index);
  }

  public static String href(int index, boolean table, int number) {
    return String.format("synth.%d.%s%03d", FIRST_ID + index, table ? "t" : "g", number);
  }

  public int figureCount(int index) {
    return Distributions.figures(Seeds.random(settings.seed(), index, COUNT));
  }

  public Fate fate(int index) {
    double u = Seeds.random(settings.seed(), index, FATE).nextDouble();
    if (u < settings.revisions()) {
      return Fate.REVISED;
    }
    if (u < settings.revisions() + settings.retractions()) {
      return Fate.RETRACTED;
    }
    return u < settings.revisions() + settings.retractions() + settings.removals()
        ? Fate.REMOVED
        : Fate.NONE;
  }

  /** How figure {@code k} of version 1 gets its image, before a source is looked for. */
  private Origin drawnOrigin(int index, int k) {
    double u = Seeds.random(settings.seed(), index, k, DUPLICATE).nextDouble();
    return u < settings.exactDuplicates()
        ? Origin.EXACT_DUPLICATE
        : u < settings.exactDuplicates() + settings.nearDuplicates()
            ? Origin.NEAR_DUPLICATE
            : Origin.ORIGINAL;
  }

  /**
   * The image of a slot (figure k, or table) as first made: unique, from its own stream. Version 2
   * images are keyed by version too, so a replaced figure is new.
   */
  public ImageSpec originalImage(int index, int slot, int version) {
    SplittableRandom r = Seeds.random(settings.seed(), index, slot, version, IMAGE);
    long seed = r.nextLong();
    double size = r.nextDouble();
    if (slot < TABLE_SLOT && size < settings.overLimit()) {
      return new ImageSpec(
          Kind.OVER_LIMIT, seed, OverLimitPng.WIDTH, OverLimitPng.HEIGHT, Format.PNG, 1f, false);
    }
    if (slot < TABLE_SLOT && size < settings.overLimit() + settings.huge()) {
      return new ImageSpec(Kind.PHOTO, seed, 8000, 6000, Format.JPEG, 0.85f, false);
    }
    Kind kind = slot >= TABLE_SLOT ? Kind.TABLE : figureKind(r.nextDouble());
    int width;
    int height;
    switch (kind) {
      case GEL -> {
        width = 600 + r.nextInt(1000);
        height = 500 + r.nextInt(700);
      }
      case MICROSCOPY -> {
        width = 800 + r.nextInt(1200);
        height = (int) (width * (0.7 + 0.3 * r.nextDouble()));
      }
      case PHOTO -> {
        width = 1000 + r.nextInt(1600);
        height = (int) (width * (0.6 + 0.2 * r.nextDouble()));
      }
      case TABLE -> {
        width = 1200 + r.nextInt(800);
        height = 400 + r.nextInt(1200);
      }
      default -> {
        width = 1200 + r.nextInt(1200);
        height = (int) (width * (0.5 + 0.5 * r.nextDouble()));
      }
    }
    double f = r.nextDouble();
    Format format =
        switch (kind) {
          case TABLE -> f < 0.5 ? Format.PNG : Format.JPEG;
          case LINE_CHART, BAR_CHART, SCATTER_PLOT ->
              f < 0.2 ? Format.PNG : f < 0.25 ? Format.TIFF : Format.JPEG;
          case GEL -> f < 0.2 ? Format.TIFF : f < 0.3 ? Format.PNG : Format.JPEG;
          default -> f < 0.08 ? Format.TIFF : Format.JPEG;
        };
    if (format == Format.TIFF && Math.max(width, height) > 1200) {
      // TIFF originals are uncompressed-ish: kept to a few MB
      double shrink = 1200.0 / Math.max(width, height);
      width = (int) (width * shrink);
      height = (int) (height * shrink);
    }
    float quality = 0.75f + 0.2f * (float) r.nextDouble();
    return new ImageSpec(kind, seed, width, height, format, quality, false);
  }

  /** Figure kinds: charts 44%, gels 12%, microscopy 24%, photos 20%. */
  private static Kind figureKind(double u) {
    return u < 0.16
        ? Kind.LINE_CHART
        : u < 0.32
            ? Kind.BAR_CHART
            : u < 0.44
                ? Kind.SCATTER_PLOT
                : u < 0.56 ? Kind.GEL : u < 0.80 ? Kind.MICROSCOPY : Kind.PHOTO;
  }

  /** The plan of version {@code version} (1, or 2 for a revised article). */
  public ArticlePlan plan(int index, int version) {
    SplittableRandom text = Seeds.random(settings.seed(), index, version == 1 ? 0 : 1, TEXT);
    SplittableRandom stable = Seeds.random(settings.seed(), index, 0, TEXT);
    String title = CaptionText.sentence(stable, 6 + stable.nextInt(12));
    License license = license(stable.nextDouble());
    int count = figureCount(index);
    List<FloatPlan> figures = new ArrayList<>();
    List<Group> groups = new ArrayList<>();
    int shown = version == 1 ? count : count + 1;
    for (int k = 0; k < shown; k++) {
      figures.add(figure(index, k, version, count, text));
    }
    for (int k = 0; k + 1 < shown; ) {
      if (text.nextInt(8) == 0) {
        int size = Math.min(shown - k, 2 + text.nextInt(2));
        groups.add(new Group("fg" + (groups.size() + 1), CaptionText.sentence(text, 5), k, size));
        k += size;
      } else {
        k++;
      }
    }
    List<FloatPlan> tables = new ArrayList<>();
    int tableCount = Distributions.tables(Seeds.random(settings.seed(), index, COUNT, 1));
    for (int t = 0; t < tableCount; t++) {
      String href = href(index, true, t + 1);
      ImageSpec image = originalImage(index, TABLE_SLOT + t, 1);
      String[] caption = CaptionText.caption(text, 5 + text.nextInt(15));
      Origin origin = version == 1 ? Origin.ORIGINAL : Origin.KEPT_FROM_VERSION_1;
      tables.add(described("tab", "Table ", t, caption, href, image, 1, origin, null));
    }
    return new ArticlePlan(
        pmcid(index),
        index,
        version,
        title,
        license,
        figures,
        tables,
        groups,
        Seeds.mix(settings.seed(), index, version, TEXT, 1));
  }

  private FloatPlan figure(int index, int k, int version, int count, SplittableRandom text) {
    String href = href(index, false, k + 1);
    String[] caption = CaptionText.caption(text, Distributions.captionWords(text));
    int mentions = 1 + (text.nextInt(2)) + (text.nextInt(7) == 0 ? 1 : 0);
    ImageSpec image;
    Origin origin;
    String source = null;
    if (version > 1 && k >= count - 1) {
      image = originalImage(index, k, version); // the last figure replaced, one added
      origin = Origin.ORIGINAL;
    } else {
      FloatPlan first = versionOneImage(index, k);
      image = first.image();
      origin = version > 1 ? Origin.KEPT_FROM_VERSION_1 : first.origin();
      source = version > 1 ? pmcid(index) + ".1/" + first.file() : first.source();
    }
    return described("fig", "Figure ", k, caption, href, image, mentions, origin, source);
  }

  /** Float number {@code n + 1} with its id, label and caption (title, then body). */
  private static FloatPlan described(
      String idPrefix,
      String labelPrefix,
      int n,
      String[] caption,
      String href,
      ImageSpec image,
      int mentions,
      Origin origin,
      String source) {
    return new FloatPlan(
        idPrefix + (n + 1),
        labelPrefix + (n + 1),
        caption[0],
        caption[1],
        href,
        href + image.suffix(),
        image,
        mentions,
        origin,
        source);
  }

  /** Figure k's image in version 1: its own, or a copy of an earlier article's original. */
  private FloatPlan versionOneImage(int index, int k) {
    Origin drawn = drawnOrigin(index, k);
    if (drawn != Origin.ORIGINAL && index > 0) {
      SplittableRandom r = Seeds.random(settings.seed(), index, k, DUPLICATE, 1);
      for (int attempt = 0; attempt < 8; attempt++) {
        int other = Math.max(0, index - 1 - r.nextInt(Math.min(index, 500)));
        int figures = figureCount(other);
        if (figures == 0) {
          continue;
        }
        int slot = r.nextInt(figures);
        ImageSpec original = originalImage(other, slot, 1);
        if (drawnOrigin(other, slot) == Origin.ORIGINAL && original.kind() != Kind.OVER_LIMIT) {
          return imageOnly(
              index,
              k,
              drawn == Origin.NEAR_DUPLICATE ? original.nearDuplicate() : original,
              drawn,
              pmcid(other) + ".1/" + href(other, false, slot + 1) + original.suffix());
        }
      }
    }
    return imageOnly(index, k, originalImage(index, k, 1), Origin.ORIGINAL, null);
  }

  private static FloatPlan imageOnly(
      int index, int k, ImageSpec image, Origin origin, String source) {
    String file = href(index, false, k + 1) + image.suffix();
    return new FloatPlan(null, null, null, null, null, file, image, 0, origin, source);
  }

  private static License license(double u) {
    double sum = 0;
    for (int i = 0; i < LICENSES.length; i++) {
      sum += LICENSE_SHARES[i];
      if (u < sum) {
        return LICENSES[i];
      }
    }
    return LICENSES[0];
  }
}
