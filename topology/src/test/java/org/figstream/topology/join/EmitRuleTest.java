package org.figstream.topology.join;

import static org.assertj.core.api.Assertions.assertThat;

import org.figstream.state.ArticleEmit;
import org.figstream.topology.join.EmitRule.Verdict;
import org.junit.jupiter.api.Test;

class EmitRuleTest {
  private static final ArticleEmit WAITING = new ArticleEmit("a1", null);
  private static final ArticleEmit JOINED = new ArticleEmit("a1", "p1");

  @Test
  void shouldEmitAnArticleNotEmittedBefore() {
    assertThat(EmitRule.decide(null, WAITING)).isEqualTo(Verdict.NEW);
    assertThat(EmitRule.decide(null, JOINED)).isEqualTo(Verdict.NEW);
  }

  @Test
  void shouldDropTheSameArticleWithTheSameCitation() {
    assertThat(EmitRule.decide(WAITING, new ArticleEmit("a1", null))).isEqualTo(Verdict.UNCHANGED);
    assertThat(EmitRule.decide(JOINED, new ArticleEmit("a1", "p1"))).isEqualTo(Verdict.UNCHANGED);
    assertThat(Verdict.UNCHANGED.emits()).isFalse();
  }

  @Test
  void shouldTellACitationChangeFromAnArticleChange() {
    assertThat(EmitRule.decide(WAITING, JOINED)).isEqualTo(Verdict.PUBMED_CHANGED);
    assertThat(EmitRule.decide(JOINED, new ArticleEmit("a1", "p2")))
        .isEqualTo(Verdict.PUBMED_CHANGED);
    assertThat(EmitRule.decide(JOINED, WAITING)).isEqualTo(Verdict.PUBMED_CHANGED);
    // a new version is an article change, whatever its citation did
    assertThat(EmitRule.decide(JOINED, new ArticleEmit("a2", "p2")))
        .isEqualTo(Verdict.ARTICLE_CHANGED);
    assertThat(EmitRule.decide(JOINED, new ArticleEmit("a2", "p1")))
        .isEqualTo(Verdict.ARTICLE_CHANGED);
  }

  @Test
  void shouldAlwaysPassATombstone() {
    assertThat(EmitRule.decide(JOINED, null)).isEqualTo(Verdict.REMOVED);
    assertThat(EmitRule.decide(null, null)).isEqualTo(Verdict.REMOVED);
    assertThat(Verdict.REMOVED.emits()).isTrue();
  }
}
