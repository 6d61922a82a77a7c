package org.figstream.connectors.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.FigureRecord;
import org.figstream.records.NormalizedImage;

/**
 * A dataset of the first two sample articles with image files, their figures carrying the images
 * the pipeline's normaliser makes (one article commercial, one noncommercial), committed and
 * compacted with a WebDataset export: what the reader tests read back.
 */
final class ImagedDataset {
  /** The normalised image of every pair that has one, by pair id. */
  final Map<String, NormalizedImage> images = new LinkedHashMap<>();

  /** Every article written, by key, with the license subset it was given. */
  final Map<String, String> subsets = new LinkedHashMap<>();

  final Map<String, ExtractedArticle> articles = new LinkedHashMap<>();
  int figures;
  List<String> tars;

  static ImagedDataset write(Path dir) throws IOException {
    ImagedDataset d = new ImagedDataset();
    SampleTopics topics = SampleTopics.empty();
    for (SampleArticles.Sample s : SampleArticles.all()) {
      ExtractedArticle a = new JatsExtractor().extract(s.xml(), s.media()).get(0);
      List<FigureRecord> imaged =
          a.figures().stream()
              .filter(f -> f.mediaFile() != null && SampleArticles.isImage(f.mediaFile()))
              .toList();
      if (imaged.size() < 3 || d.articles.size() == 2) {
        continue;
      }
      String subset = d.articles.isEmpty() ? "commercial" : "noncommercial";
      d.articles.put(a.article().articleKey(), a);
      d.subsets.put(a.article().articleKey(), subset);
      topics.article(a.article(), subset);
      for (FigureRecord f : a.figures()) {
        NormalizedImage image =
            imaged.contains(f)
                ? new ImageNormalizer()
                    .normalize(
                        Files.readAllBytes(
                            SampleArticles.root().resolve(s.dir()).resolve(f.mediaFile())))
                : null;
        topics.figure(f, a.article(), subset, image);
        d.figures++;
        if (image != null) {
          d.images.put(f.pairId(), image);
        }
      }
    }
    try (DatasetSink sink =
        DatasetSinkTest.open(SinkSettings.defaults(dir).withWebDataset(2), FaultPoint.Hook.NONE)) {
      sink.write(topics.records());
      sink.commitAll();
      d.tars = sink.compact(false).webdataset();
    }
    return d;
  }
}
