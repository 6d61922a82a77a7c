package org.figstream.loadtest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link EmbedBenchmark} as alternating rounds (bare session, then figstream's stage from the
 * normaliser's rasters and from decoded JPEGs, for images; bare, then stage, for captions) and
 * prints images/s, captions/s, per-core rates and the stage/bare ratios per round and as medians,
 * all from one run: the machines are shared, and only ratios taken side by side hold.
 */
public final class EmbedThroughputReport {
  private static final int ROUNDS = 3;

  private EmbedThroughputReport() {}

  public static void main(String[] args) throws RunnerException {
    int cores = Runtime.getRuntime().availableProcessors();
    // What one operation embeds, counted from the samples the benchmark loads, so rates follow
    // them.
    SampleFigures samples = SampleFigures.load();
    int images = samples.rasters().size();
    int captions = samples.captions().size();
    List<Double> imageRatios = new ArrayList<>();
    List<Double> jpegRatios = new ArrayList<>();
    List<Double> textRatios = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      double bareImages = opsPerSecond("bareImages") * images;
      double stageImages = opsPerSecond("stageImages") * images;
      double stageJpegs = opsPerSecond("stageImagesFromJpeg") * images;
      double bareText = opsPerSecond("bareCaptions") * captions;
      double stageText = opsPerSecond("stageCaptions") * captions;
      imageRatios.add(stageImages / bareImages);
      jpegRatios.add(stageJpegs / bareImages);
      textRatios.add(stageText / bareText);
      System.out.printf(
          "round %d: images %6.1f/s through the stage from rasters (ratio %.2f), %6.1f/s from "
              + "decoded JPEGs (ratio %.2f), %6.1f/s bare; captions %6.1f/s through the stage, %6.1f/s bare "
              + "(ratio %.2f)%n",
          round,
          stageImages,
          stageImages / bareImages,
          stageJpegs,
          stageJpegs / bareImages,
          bareImages,
          stageText,
          bareText,
          stageText / bareText);
      if (round == ROUNDS) {
        System.out.printf(
            "per core (%d cores): %.1f images/s, %.1f captions/s through the stage%n",
            cores, stageImages / cores, stageText / cores);
      }
    }
    imageRatios.sort(null);
    jpegRatios.sort(null);
    textRatios.sort(null);
    System.out.printf(
        "median ratio, stage/bare: images %.2f from rasters, %.2f from decoded JPEGs; captions %.2f "
            + "(target >= 0.90)%n",
        imageRatios.get(ROUNDS / 2), jpegRatios.get(ROUNDS / 2), textRatios.get(ROUNDS / 2));
  }

  private static double opsPerSecond(String method) throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include(EmbedBenchmark.class.getName() + "\\." + method + "$")
            .forks(1)
            .warmupIterations(2)
            .warmupTime(TimeValue.seconds(3))
            .measurementIterations(3)
            .measurementTime(TimeValue.seconds(4))
            .build();
    Collection<RunResult> results = new Runner(options).run();
    return results.iterator().next().getPrimaryResult().getScore();
  }
}
