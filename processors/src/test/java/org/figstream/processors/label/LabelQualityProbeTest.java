package org.figstream.processors.label;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.figstream.api.ConceptLabels;
import org.figstream.api.Embedding;
import org.figstream.api.ExtractedArticle;
import org.figstream.api.FigureRecord;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.embed.BuiltinModels;
import org.figstream.processors.embed.OnnxTextEncoder;
import org.figstream.processors.embed.TextEncoder;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.processors.testdata.SampleArticles;
import org.junit.jupiter.api.Test;

class LabelQualityProbeTest {
  @Test
  void probe() {
    Map<String, FigureRecord> figures = new HashMap<>();
    for (SampleArticles.Sample s : SampleArticles.all()) {
      for (ExtractedArticle a : new JatsExtractor().extract(s.xml(), s.media())) {
        a.figures().forEach(f -> figures.put(f.pairId(), f));
      }
    }
    Taxonomy tax = Taxonomy.biomedica();
    try (TextEncoder text = new OnnxTextEncoder(BuiltinModels.resolve("all-minilm-l6-v2"), Accelerator.CPU)) {
      ZeroShotLabeller labeller = new ZeroShotLabeller(tax, ConceptDescriptions.builtin(tax), text, null, 3);
      int ok = 0, panelOk = 0, n = 0, sentOk = 0, tabOk = 0;
      for (HandLabels.Label l : HandLabels.all().values()) {
        FigureRecord f = figures.get(l.pairId());
        String cap = f.caption();
        float[] v = text.embed(List.of(cap)).get(0);
        ConceptLabels c = labeller.label(cap, new Embedding(text.descriptor().name(), v), null);
        n++;
        java.text.BreakIterator bi = java.text.BreakIterator.getSentenceInstance(java.util.Locale.ENGLISH);
        bi.setText(cap);
        List<String> sents = new ArrayList<>();
        for (int st = bi.first(), en = bi.next(); en != java.text.BreakIterator.DONE; st = en, en = bi.next()) {
          sents.add(cap.substring(st, en));
        }
        List<float[]> sv = text.embed(sents);
        Map<String, Float> best = labeller.globalSimilarities(labeller.localSimilarities(v, null), v, null);
        Map<String, Float> whole = new HashMap<>(best);
        for (float[] x : sv) {
          labeller.globalSimilarities(labeller.localSimilarities(x, null), x, null).forEach((k, val) -> best.merge(k, val, Math::max));
        }
        String top = best.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
        if (f.kind() == org.figstream.api.FigureKind.TABLE) top = "Tables";
        String topW = whole.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
        if (f.kind() == org.figstream.api.FigureKind.TABLE) topW = "Tables";
        sentOk += top.equals(l.global()) ? 1 : 0;
        tabOk += topW.equals(l.global()) ? 1 : 0;
        boolean hit = c.global().get(0).concept().equals(l.global());
        ok += hit ? 1 : 0;
        panelOk += c.panelType().equals(l.panelType()) ? 1 : 0;
        System.out.println((hit ? "OK  " : "BAD ") + l.pairId() + " want=" + l.global() + " got=" + c.global()
            + " panel " + l.panelType() + "/" + c.panelType() + " title=" + f.captionTitle() + " | "
            + cap.substring(0, Math.min(100, cap.length())));
      }
      System.out.println("ACC " + ok + "/" + n + " panel " + panelOk + "/" + n + " sentences+tables " + sentOk + " tables " + tabOk);
    }
  }
}
