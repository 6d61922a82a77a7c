package org.figstream.loadtest.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.records.FigureKind;
import org.figstream.records.FigureRecord;
import org.junit.jupiter.api.Test;

/** Every generated XML read by the real JATS extractor, against the plan it was written from. */
class JatsOutputTest {
  private static final ArticlePlanner PLANNER =
      new ArticlePlanner(GeneratorSettings.defaults(5, 200).withShares(0.02, 0.02, 0.5, 0, 0));

  @Test
  void shouldExtractEveryFigureTableAndMentionThePlanHas() {
    JatsExtractor extractor = new JatsExtractor();
    int figures = 0;
    int grouped = 0;
    for (int i = 0; i < 200; i++) {
      for (int version = 1;
          version <= (PLANNER.fate(i) == ArticlePlanner.Fate.REVISED ? 2 : 1);
          version++) {
        ArticlePlan plan = PLANNER.plan(i, version);
        List<String> media = plan.images().stream().map(ArticlePlan.FloatPlan::file).toList();
        ExtractedArticle article = extractor.extract(JatsWriter.write(plan), media).get(0);

        List<ArticlePlan.FloatPlan> images = plan.images();
        assertThat(article.figures()).hasSize(images.size());
        for (int f = 0; f < images.size(); f++) {
          FigureRecord got = article.figures().get(f);
          ArticlePlan.FloatPlan want = images.get(f);
          assertThat(got.figureId()).isEqualTo(want.id());
          assertThat(got.kind())
              .isEqualTo(want.id().startsWith("tab") ? FigureKind.TABLE : FigureKind.FIGURE);
          assertThat(got.href()).isEqualTo(want.href());
          assertThat(got.mediaFile()).isEqualTo(want.file());
          assertThat(got.mentions()).hasSize(want.mentions());
          assertThat(got.caption()).contains(want.caption());
          grouped += got.groupId() != null ? 1 : 0;
        }
        assertThat(article.article().license().code()).isNotNull();
        assertThat(article.article().doi()).isEqualTo("10.5555/synth." + plan.pmcid().substring(3));
        figures += images.size();
      }
    }
    assertThat(figures).isGreaterThan(800);
    assertThat(grouped).isGreaterThan(50);
  }

  @Test
  void shouldWriteTheBucketsFlavourOfJats() {
    ArticlePlan plan = PLANNER.plan(3, 1);
    String xml = new String(JatsWriter.write(plan), StandardCharsets.UTF_8);

    assertThat(xml)
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE article PUBLIC");
    assertThat(xml).doesNotContain("xmlns=\"");
    assertThat(xml).contains("<graphic xlink:href=\"synth.900000004.g001\"/>");
    assertThat(plan.pmcid()).isEqualTo("PMC900000004");
  }
}
