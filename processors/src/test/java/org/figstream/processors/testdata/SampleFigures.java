package org.figstream.processors.testdata;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.figstream.records.FigureRecord;

/**
 * Every figure-caption pair the extractor finds in samples/articles, by pair id, in article order.
 */
public final class SampleFigures {
  private static Map<String, FigureRecord> figures;
  private static Map<String, String> folders;

  private SampleFigures() {}

  public static synchronized Map<String, FigureRecord> all() {
    if (figures == null) {
      Map<String, FigureRecord> out = new LinkedHashMap<>();
      Map<String, String> dirs = new LinkedHashMap<>();
      for (SampleRecords.Extracted a : SampleRecords.articles()) {
        for (FigureRecord f : a.figures()) {
          out.put(f.pairId(), f);
          dirs.put(f.pairId(), a.sample().dir());
        }
      }
      figures = Collections.unmodifiableMap(out);
      folders = dirs;
    }
    return figures;
  }

  public static FigureRecord get(String pairId) {
    FigureRecord f = all().get(pairId);
    if (f == null) {
      throw new IllegalArgumentException("no sample figure " + pairId);
    }
    return f;
  }

  /** The figure's image file under samples/articles; null when its media file is missing. */
  public static synchronized Path imageFile(FigureRecord figure) {
    all();
    String dir = folders.get(figure.pairId());
    if (dir == null) {
      throw new IllegalArgumentException("not a sample figure: " + figure.pairId());
    }
    return figure.mediaFile() == null
        ? null
        : SampleArticles.root().resolve(dir).resolve(figure.mediaFile());
  }
}
