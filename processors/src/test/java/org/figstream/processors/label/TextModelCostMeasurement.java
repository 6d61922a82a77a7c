package org.figstream.processors.label;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.embed.BuiltinModels;
import org.figstream.processors.embed.OnnxTextEncoder;
import org.figstream.processors.embed.TextEncoder;
import org.figstream.processors.ocr.TextDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement on the development set only: the default labels (text evidence included) with the
 * default caption encoder and with another ({@code -Dfigstream.measure.textModel}, a built-in name
 * or a descriptor file; e5's int8 weights by default), and each encoder's time per figure (caption
 * and sentences, one intra-op thread, rounds interleaved, batches of {@code
 * -Dfigstream.measure.batch}, 16 by default). {@code -Dfigstream.measure=true
 * -Dtest=TextModelCostMeasurement}.
 */
@EnabledIfSystemProperty(named = "figstream.measure", matches = "true")
class TextModelCostMeasurement {
  private static final int ROUNDS = 5;
  private static final int BATCH = Integer.getInteger("figstream.measure.batch", 16);

  @Test
  void measure() throws Exception {
    Map<String, TextEncoder> encoders = new LinkedHashMap<>();
    encoders.put(
        BuiltinModels.TEXT,
        new OnnxTextEncoder(
            BuiltinModels.resolve(BuiltinModels.TEXT), TextModelComparison.ONE_THREAD));
    String other = System.getProperty("figstream.measure.textModel", BuiltinModels.E5_INT8);
    encoders.put(
        other, new OnnxTextEncoder(BuiltinModels.resolve(other), TextModelComparison.ONE_THREAD));
    List<String> texts = new ArrayList<>();
    int figures = 0;
    for (String caption : DevCaptions.all()) {
      texts.add(caption);
      texts.addAll(CaptionSentences.of(caption));
      figures++;
    }
    try (TextDetector detector =
        TextDetector.load(Accelerator.CPU, LabelSettings.TEXT_DETECTION_SIDE)) {
      encoders.values().forEach(e -> TextModelComparison.time(e, texts, BATCH));
      Map<String, long[]> nanos = new LinkedHashMap<>();
      for (int round = 0; round < ROUNDS; round++) {
        for (var e : encoders.entrySet()) {
          nanos.computeIfAbsent(e.getKey(), k -> new long[ROUNDS])[round] =
              TextModelComparison.time(e.getValue(), texts, BATCH);
        }
      }
      for (var e : encoders.entrySet()) {
        ConceptLabeller labeller = Labellers.create(LabelSettings.defaults(), null, e.getValue());
        LabelEvaluation.Result m =
            LabelEvaluation.run(HandLabels.split(HandLabels.DEV), labeller, e.getValue(), detector);
        System.out.printf(
            "%s: dev top-1 %d/%d, top-3 %d, answered %d (right %d); %.1f ms a figure (caption and"
                + " sentences, median of %d rounds, one thread, batches of %d)%n",
            e.getKey(),
            m.top1(),
            m.n(),
            m.top3(),
            m.answered(),
            m.answeredRight(),
            TextModelComparison.median(nanos.get(e.getKey())) / 1e6 / figures,
            ROUNDS,
            BATCH);
      }
    } finally {
      encoders.values().forEach(TextEncoder::close);
    }
  }
}
