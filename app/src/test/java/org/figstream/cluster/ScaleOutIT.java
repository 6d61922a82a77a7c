package org.figstream.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.figstream.processors.testdata.SampleArticles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reduced scale-out run (loadtest/scripts/cluster-run.sh runs the full one): three {@code
 * figstream run} processes on a three-broker cluster of processes, one instance and one broker
 * SIGKILLed mid-run, against one instance on its embedded broker. Runs on the packaged jar, after
 * package (failsafe).
 */
class ScaleOutIT {

  // the bound of the reduced run in the default suite, two cluster runs: 3 min quiet (2026-12-06),
  // up to 14 under heavy load by the one-run figures of before (2.5 and 7 min)
  @Timeout(value = 16, unit = TimeUnit.MINUTES)
  @Test
  void shouldSpreadTheWorkAndPublishWhatOneInstancePublishesThoughAnInstanceAndABrokerDie(
      @TempDir Path dir) throws Exception {
    ScaleOutScenario scenario =
        new ScaleOutScenario(dir, PackagedApp.classpath(), SampleArticles.root(), 6, System.out);

    ScaleOutScenario.Outcome single = scenario.runEmbedded("single");
    ScaleOutScenario.Outcome killed = scenario.run("three-with-kills", 3, true);
    System.out.print(ScaleOutScenario.report(single, killed));

    // day 2 of the sample (RunCommandTest): 70 live pairs of 7 articles
    assertThat(single.figures()).hasSize(70);
    assertThat(killed.figures().keySet()).isEqualTo(single.figures().keySet());
    assertThat(killed.articles()).isEqualTo(single.articles()).hasSize(7);
    // the same record for every pair, but for the time it was processed
    assertThat(ScaleOutScenario.compare(single, killed).keySet())
        .isSubsetOf(ScaleOutScenario.VARYING_FIELDS);
    // nothing written twice: each live pair upserted as often since its last tombstone as in the
    // single run (an aborted transaction of the killed instance is invisible to read_committed)
    assertThat(killed.upserts()).isEqualTo(single.upserts());
    assertThat(killed.deadLetters()).isZero();
    // instance a's dataset, kept through the broker's death, as the single run's: every row once
    assertThat(single.datasetRows()).hasSize(70).doesNotHaveDuplicates();
    assertThat(killed.datasetRows()).isEqualTo(single.datasetRows());
    // the work spread: b, killed once it had enriched an article, and at least one more instance
    // enriched a share; together at least what the single instance enriched alone
    assertThat(killed.articlesPerInstance()).hasSize(3);
    assertThat(killed.articlesPerInstance().get("b")).isPositive();
    assertThat(killed.articlesPerInstance().values().stream().filter(n -> n > 0))
        .hasSizeGreaterThan(1);
    assertThat(killed.articlesPerInstance().values().stream().mapToLong(Long::longValue).sum())
        .isGreaterThanOrEqualTo(single.articlesPerInstance().get("a"));
    // instance a counted its summary on its share of the ledger, and says so (c shares it)
    assertThat(killed.events())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("three-with-kills: a: run: caught up")
                    .containsPattern("articles \\(this instance's [1-5] of 6 partitions\\)"));
    assertThat(killed.replicasOfFigures()).isEqualTo(3);
    assertThat(killed.minInsyncReplicasOfFigures()).isEqualTo("2 (DYNAMIC_TOPIC_CONFIG)");

    // the default: dedup and the ledger on one partition, run by one instance at a time (the
    // killed one, maybe); the others' summaries count nothing rather than wait on a store they lack
    ScaleOutScenario.Outcome oneDedup = scenario.run("one-dedup-partition", 3, true, 1);
    System.out.print(ScaleOutScenario.report(single, oneDedup));
    assertThat(oneDedup.figures().keySet()).isEqualTo(single.figures().keySet());
    assertThat(ScaleOutScenario.compare(single, oneDedup).keySet())
        .isSubsetOf(ScaleOutScenario.VARYING_FIELDS);
    assertThat(oneDedup.upserts()).isEqualTo(single.upserts());
    assertThat(oneDedup.deadLetters()).isZero();
    assertThat(oneDedup.datasetRows()).isEqualTo(single.datasetRows());
    assertThat(oneDedup.events())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("one-dedup-partition: a: run: caught up")
                    .satisfiesAnyOf(
                        l ->
                            assertThat(l)
                                .contains(": 70 live pairs on figures, 7 articles on articles, "),
                        l ->
                            assertThat(l)
                                .contains(
                                    ": 0 live pairs on figures, 0 articles on articles (this"
                                        + " instance's 0 of 1 partitions)")));
  }
}
