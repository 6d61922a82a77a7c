package org.figstream.loadtest;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.image.NormalizedPixels;
import org.figstream.processors.label.CaptionSentences;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.processors.testdata.SampleRecords;
import org.figstream.records.FigureRecord;
import org.figstream.records.NormalizedImage;

/**
 * One sample figure as {@link HotPathReport} feeds it to the annotator, its image normalised once
 * up front so that no pass pays for decoding; {@code image} and {@code raster} are null without
 * one.
 */
record HotPathSample(FigureRecord figure, NormalizedImage image, BufferedImage raster) {

  /** Every figure of the sample articles, with its normalised image where it has one. */
  static List<HotPathSample> load() throws IOException {
    ImageNormalizer normalizer = new ImageNormalizer();
    List<HotPathSample> out = new ArrayList<>();
    for (SampleRecords.Extracted e : SampleRecords.articles()) {
      for (FigureRecord f : e.figures()) {
        if (f.mediaFile() == null) {
          out.add(new HotPathSample(f, null, null));
          continue;
        }
        NormalizedPixels n =
            normalizer.normalizeWithPixels(
                Files.readAllBytes(
                    SampleArticles.root().resolve(e.sample().dir()).resolve(f.mediaFile())));
        out.add(new HotPathSample(f, n.image(), n.takePixels()));
      }
    }
    return out;
  }

  /** How many texts the annotator embeds per pass, how many tokens, and how many are repeats. */
  static void printTexts(List<HotPathSample> samples) {
    List<String> all = new ArrayList<>();
    int captions = 0;
    for (HotPathSample s : samples) {
      String caption = s.figure().caption() == null ? "" : s.figure().caption().strip();
      if (!caption.isEmpty()) {
        all.add(caption);
        captions++;
        all.addAll(CaptionSentences.of(caption));
      }
    }
    long distinct = all.stream().distinct().count();
    System.out.printf(
        "texts embedded per pass: %d (%d captions, %d sentences), %d distinct%n",
        all.size(), captions, all.size() - captions, distinct);
  }
}
