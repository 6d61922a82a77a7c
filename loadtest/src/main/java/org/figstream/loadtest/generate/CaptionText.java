package org.figstream.loadtest.generate;

import java.util.SplittableRandom;

/**
 * Caption-like text: a title sentence, then sentences about panels (A), (B), ..., from a vocabulary
 * of biomedical words, of the drawn length.
 */
final class CaptionText {
  private static final String[] WORDS =
      ("cells expression protein levels mice tumour tissue analysis treatment control signal "
              + "mutant wild-type knockdown inhibitor receptor pathway kinase activation binding "
              + "response infection neurons mitochondria nuclear cytoplasmic staining antibody "
              + "fluorescence confocal images quantification mean error bars replicates independent "
              + "experiments significance p-value student t-test ANOVA scale bar micrometres arrows "
              + "indicate representative sections samples patients cohort survival dose time course "
              + "western blot lysates loading actin tubulin GAPDH RNA sequencing transcripts genes "
              + "upregulated downregulated clusters heatmap volcano plot fold change lineage marker "
              + "progenitor differentiation proliferation apoptosis migration invasion wound healing "
              + "organoids zebrafish larvae embryos drosophila yeast strains plasmid constructs "
              + "luciferase reporter promoter enhancer chromatin methylation acetylation histone "
              + "transcription factor ligand serum plasma concentration ELISA cytokines interleukin "
              + "macrophages lymphocytes T-cells B-cells flow cytometry gating population percentage "
              + "structure domain residues crystal cryo-EM density model simulation trajectory")
          .split(" ");

  private CaptionText() {}

  static String word(SplittableRandom r) {
    return WORDS[r.nextInt(WORDS.length)];
  }

  /** {@code words} words of caption: the first sentence is the title. */
  static String[] caption(SplittableRandom r, int words) {
    int titleWords = Math.min(words, 4 + r.nextInt(9));
    String title = sentence(r, titleWords);
    StringBuilder body = new StringBuilder();
    int left = words - titleWords;
    char panel = 'A';
    while (left > 0) {
      int n = Math.min(left, 6 + r.nextInt(20));
      if (body.length() > 0) {
        body.append(' ');
      }
      if (r.nextInt(3) > 0 && panel <= 'H') {
        body.append('(').append(panel++).append(") ");
        n = Math.max(1, n - 1);
        left--;
      }
      body.append(sentence(r, n));
      left -= n;
    }
    return new String[] {title, body.toString()};
  }

  static String sentence(SplittableRandom r, int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String w = word(r);
      if (i == 0) {
        s.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
      } else {
        s.append(' ').append(w);
      }
    }
    return s.append('.').toString();
  }
}
