package org.figstream.processors.label;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.figstream.processors.embed.BuiltinModels;
import org.figstream.processors.embed.EncoderDescriptor;
import org.figstream.processors.embed.PlannedEncoders;
import org.figstream.processors.embed.TextEncoder;
import org.figstream.processors.embed.TextRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement on the development set's captions: the default caption encoder's CPU time with each
 * way of splitting a batch into model calls (the cost-model plan, the two-thirds rule before it,
 * one padded call), one intra-op thread, batches of 16 as the pipeline's micro-batcher makes them:
 * the whole captions, then the sentences after their titles (what the sentence gate embeds). Rounds
 * interleaved; also the largest difference between the plans' vectors. {@code
 * -Dfigstream.measure=true -Dtest=CallPlanMeasurement}.
 */
@EnabledIfSystemProperty(named = "figstream.measure", matches = "true")
class CallPlanMeasurement {
  private static final int ROUNDS = 5;
  private static final int BATCH = 16;
  private static final List<String> PLANS = List.of("planned", "spread", "one-call");

  @Test
  void measure() {
    List<String> captions = DevCaptions.all();
    List<String> sentences = new ArrayList<>();
    captions.forEach(c -> sentences.addAll(CaptionSentences.of(c)));
    EncoderDescriptor d = BuiltinModels.resolve(BuiltinModels.TEXT);
    Map<String, TextEncoder> encoders = new LinkedHashMap<>();
    PLANS.forEach(p -> encoders.put(p, PlannedEncoders.of(d, TextModelComparison.ONE_THREAD, p)));
    try {
      Map<String, long[]> nanos = new LinkedHashMap<>();
      for (int round = -1; round < ROUNDS; round++) {
        for (var e : encoders.entrySet()) {
          long cpu = TextModelComparison.processCpuNanos();
          embed(e.getValue(), captions);
          embed(e.getValue(), sentences);
          if (round >= 0) {
            nanos.computeIfAbsent(e.getKey(), k -> new long[ROUNDS])[round] =
                TextModelComparison.processCpuNanos() - cpu;
          }
        }
      }
      List<float[]> reference = embed(encoders.get("one-call"), captions);
      for (String plan : PLANS) {
        List<float[]> vectors = embed(encoders.get(plan), captions);
        float moved = 0;
        for (int i = 0; i < vectors.size(); i++) {
          for (int k = 0; k < vectors.get(i).length; k++) {
            moved = Math.max(moved, Math.abs(vectors.get(i)[k] - reference.get(i)[k]));
          }
        }
        System.out.printf(
            "%s: %.1f CPU-ms a figure (%d captions, %d sentences; median of %d rounds, one"
                + " thread, batches of %d); vectors within %.1e of one padded call%n",
            plan,
            TextModelComparison.median(nanos.get(plan)) / 1e6 / captions.size(),
            captions.size(),
            sentences.size(),
            ROUNDS,
            BATCH,
            moved);
      }
    } finally {
      encoders.values().forEach(TextEncoder::close);
    }
  }

  private static List<float[]> embed(TextEncoder encoder, List<String> texts) {
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i += BATCH) {
      out.addAll(
          encoder.embed(texts.subList(i, Math.min(texts.size(), i + BATCH)), TextRole.CAPTION));
    }
    return out;
  }
}
