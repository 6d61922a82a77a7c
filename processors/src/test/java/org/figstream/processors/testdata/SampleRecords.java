package org.figstream.processors.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.records.Article;
import org.figstream.records.ConceptLabels;
import org.figstream.records.ConceptScore;
import org.figstream.records.Embedding;
import org.figstream.records.FigureRecord;
import org.figstream.records.License;
import org.figstream.records.LicenseCode;
import org.figstream.records.NormalizedImage;
import org.figstream.records.PublishedFigure;
import org.figstream.records.Taxonomy;

/**
 * The sample articles as figstream's record types ({@link Article}, {@link PublishedFigure} and
 * their parts): the one builder tests and benchmarks share. They encode what it builds with {@code
 * RecordCodecs}, so their bytes are the ones the topology writes, never a hand-made copy of the
 * schema that could drift from it.
 */
public final class SampleRecords {

  /** One sample folder and what the extractor makes of it. */
  public record Extracted(
      SampleArticles.Sample sample, Article article, List<FigureRecord> figures) {

    public ExtractedArticle extracted() {
      return new ExtractedArticle(article, figures);
    }

    /**
     * The figure's image file, normalised as the stage does; null when the article came without it.
     */
    public NormalizedImage image(FigureRecord f, ImageNormalizer normalizer) {
      if (f.mediaFile() == null || !sample.media().contains(f.mediaFile())) {
        return null;
      }
      try {
        return normalizer.normalize(
            Files.readAllBytes(SampleArticles.root().resolve(sample.dir()).resolve(f.mediaFile())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static List<Extracted> articles;

  private SampleRecords() {}

  /**
   * Every article of {@code samples/articles} with its figures, in folder order, extracted once.
   */
  public static synchronized List<Extracted> articles() {
    if (articles == null) {
      List<Extracted> out = new ArrayList<>();
      JatsExtractor extractor = new JatsExtractor();
      for (SampleArticles.Sample s : SampleArticles.all()) {
        for (ExtractedArticle e : extractor.extract(s.xml(), s.media())) {
          out.add(new Extracted(s, e.article(), e.figures()));
        }
      }
      articles = List.copyOf(out);
    }
    return articles;
  }

  /** The article under another license, its subset following it as the extractor derives it. */
  public static Article relicensed(Article a, LicenseCode code) {
    License was = a.license();
    License license =
        new License(was == null ? null : was.url(), was == null ? null : was.text(), code);
    return new Article(
        a.articleKey(),
        a.pmcid(),
        a.version(),
        a.pmid(),
        a.doi(),
        a.articleIds(),
        a.articleType(),
        a.title(),
        a.journal(),
        a.pubDates(),
        license,
        code.subset(),
        a.keywords(),
        a.subjects(),
        a.abstractText(),
        a.abstracts(),
        a.relatedArticles(),
        a.pubmed());
  }

  /**
   * The pair as the stage publishes it before enrichment: its normalised image, or {@code missing}
   * when the article came without the file.
   */
  public static PublishedFigure published(FigureRecord f, NormalizedImage image) {
    if (image != null) {
      return PublishedFigure.withImage(f, image);
    }
    return PublishedFigure.withoutImage(f, f.mediaFile() == null ? "missing" : null);
  }

  /**
   * A seeded random unit vector of an encoder's size: shaped as the encoder's output, and
   * compressing as badly as a real one, which is what benchmarks need.
   */
  public static Embedding embedding(String model, int dimensions, Random random) {
    float[] v = new float[dimensions];
    double norm = 0;
    for (int i = 0; i < dimensions; i++) {
      v[i] = (float) random.nextGaussian();
      norm += v[i] * v[i];
    }
    for (int i = 0; i < dimensions; i++) {
      v[i] = (float) (v[i] / Math.sqrt(norm));
    }
    return new Embedding(model, v);
  }

  /**
   * Zero-shot labels drawn from the taxonomy: a global concept and a runner-up, up to three locals.
   */
  public static ConceptLabels labels(Taxonomy taxonomy, Random random) {
    List<String> globals = taxonomy.globals();
    String global = globals.get(random.nextInt(globals.size()));
    List<String> locals = taxonomy.globalToLocals().get(global);
    float score = 0.5f + random.nextFloat() * 0.5f;
    List<ConceptScore> globalScores = new ArrayList<>();
    globalScores.add(new ConceptScore(global, score));
    globalScores.add(
        new ConceptScore(globals.get(random.nextInt(globals.size())), score * random.nextFloat()));
    List<ConceptScore> localScores = new ArrayList<>();
    for (int i = 0; i < Math.min(3, locals.size()); i++) {
      score *= random.nextFloat();
      localScores.add(new ConceptScore(locals.get(random.nextInt(locals.size())), score));
    }
    return new ConceptLabels(
        "zero-shot", random.nextBoolean() ? "single" : "multiple", globalScores, localScores);
  }
}
