package org.figstream.processors.label;

import java.util.Collections;
import java.util.List;
import org.figstream.processors.embed.BuiltinModels;
import org.figstream.processors.embed.EncoderDescriptor;
import org.figstream.processors.embed.OnnxTextEncoder;
import org.figstream.processors.embed.TextEncoder;
import org.figstream.processors.embed.TextRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement of how close the default caption encoder runs to the CPU's arithmetic: CPU time a
 * token on one intra-op thread for batches of texts of one length (so no padding), and the
 * arithmetic rate that implies. A BERT-style encoder does about 2 x (4 d^2 + 2 d f) multiply-adds a
 * token a layer in its projections and 4 d L in attention (d the width, f the feed-forward width, L
 * the length). {@code -Dfigstream.measure=true -Dtest=TokenCostMeasurement}.
 */
@EnabledIfSystemProperty(named = "figstream.measure", matches = "true")
class TokenCostMeasurement {
  private static final int LAYERS = 12;
  private static final int WIDTH = 384;
  private static final int FEED_FORWARD = 1536;
  private static final int[] LENGTHS = {8, 16, 32, 64, 128, 200};
  private static final int[] BATCHES = {1, 2, 4, 8, 16};
  private static final int TOKENS_A_SHAPE = 16 * 128 * 4;

  @Test
  void measure() {
    EncoderDescriptor d = BuiltinModels.resolve(BuiltinModels.TEXT);
    try (TextEncoder encoder = new OnnxTextEncoder(d, TextModelComparison.ONE_THREAD)) {
      // "cell" is one token in e5's vocabulary; with [CLS] and [SEP] a text of n words is n + 2
      for (int round = 0; round < 2; round++) {
        for (int length : LENGTHS) {
          for (int batch : BATCHES) {
            String text = String.join(" ", Collections.nCopies(length - 2, "cell"));
            List<String> texts = Collections.nCopies(batch, text);
            int calls = Math.max(2, TOKENS_A_SHAPE / (batch * length));
            encoder.embed(texts, TextRole.CAPTION);
            long cpu = TextModelComparison.processCpuNanos();
            for (int i = 0; i < calls; i++) {
              encoder.embed(texts, TextRole.CAPTION);
            }
            double msToken =
                (TextModelComparison.processCpuNanos() - cpu)
                    / 1e6
                    / ((double) calls * batch * length);
            double flops =
                2.0
                    * LAYERS
                    * (4.0 * WIDTH * WIDTH + 2.0 * WIDTH * FEED_FORWARD + 2.0 * WIDTH * length);
            if (round == 1) {
              System.out.printf(
                  "%s: %d texts of %d tokens: %.3f CPU-ms a call, %.3f a token, %.0f GFLOP/s%n",
                  d.name(),
                  batch,
                  length,
                  msToken * batch * length,
                  msToken,
                  flops / (msToken * 1e6));
            }
          }
        }
      }
    }
  }
}
