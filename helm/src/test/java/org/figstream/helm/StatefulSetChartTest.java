package org.figstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.figstream.cli.KafkaClientConfig;
import org.figstream.cli.Main;
import org.figstream.runtime.Pipeline;
import org.figstream.runtime.ops.OpsServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The StatefulSet against the app itself: its CLI, its Kafka settings, its ops server. */
class StatefulSetChartTest {
  static final List<String> VARIANTS = RenderedChart.VARIANTS;

  /** The chart's arguments and APP_* variables as figstream's own CLI parses them. */
  static CommandLine.Model.CommandSpec run(RenderedChart chart) {
    CommandLine cli = Main.commandLine(chart.env());
    ParseResult parsed = cli.parseArgs(chart.args().toArray(String[]::new));
    assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("run");
    return parsed.subcommand().commandSpec();
  }

  static String option(CommandLine.Model.CommandSpec run, String name) {
    return String.valueOf((Object) run.findOption(name).getValue());
  }

  @ParameterizedTest
  @FieldSource("VARIANTS")
  void shouldMountTheVolumeWhereTheAppKeepsItsState(String variant) {
    RenderedChart chart = RenderedChart.of(variant);
    String dataDir = option(run(chart), "--data-dir");

    JsonNode mount = mount(chart, "data");
    assertThat(mount.path("mountPath").asText()).isEqualTo("/var/lib/figstream").isEqualTo(dataDir);
    // Instance gives the Streams app <data-dir>/streams as its state dir
    assertThat(Path.of(dataDir, "streams").startsWith(mount.path("mountPath").asText())).isTrue();
    assertThat(chart.statefulSet().at("/spec/volumeClaimTemplates/0/metadata/name").asText())
        .isEqualTo("data");
  }

  @ParameterizedTest
  @FieldSource("VARIANTS")
  void shouldProbeTheOpsServerPathsOnItsPort(String variant) {
    RenderedChart chart = RenderedChart.of(variant);
    JsonNode c = chart.container();
    CommandLine.Model.CommandSpec run = run(chart);

    assertThat(c.at("/startupProbe/httpGet/path").asText()).isEqualTo(OpsServer.LIVE_PATH);
    assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo(OpsServer.LIVE_PATH);
    assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo(OpsServer.READY_PATH);
    assertThat(c.at("/ports/0/name").asText()).isEqualTo("metrics");
    assertThat(c.at("/ports/0/containerPort").asText())
        .isEqualTo(option(run, "--http-port"))
        .isEqualTo("9464");
    // a probe from the kubelet comes from outside the pod's loopback
    assertThat(option(run, "--http-host")).isEqualTo("0.0.0.0");
    JsonNode annotations = chart.statefulSet().at("/spec/template/metadata/annotations");
    assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo(OpsServer.METRICS_PATH);
    assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo("9464");
  }

  @ParameterizedTest
  @FieldSource("VARIANTS")
  void shouldGiveStaticMembershipToTheStreamsMainConsumerOnly(String variant) {
    RenderedChart chart = RenderedChart.of(variant);
    Map<String, Object> kafka = KafkaClientConfig.resolve(null, null, chart.env());
    Properties p = new Properties();
    p.putAll(kafka);
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, Pipeline.APPLICATION_ID);
    StreamsConfig streams = new StreamsConfig(p);

    // Streams suffixes each thread's consumer: <pod>-<thread index>
    assertThat(streams.getMainConsumerConfigs(Pipeline.APPLICATION_ID, "c", 0))
        .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, RenderedChart.POD + "-0");
    assertThat(streams.getRestoreConsumerConfigs("c"))
        .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    // the enrichment stage, the feed's cursor and the tallies get the plain settings
    assertThat(kafka).doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    // and a stopping pod stays in the group, so its restart takes its tasks back without a
    // rebalance (a member that leaves hands them to another pod at once)
    assertThat(Pipeline.staticMember(kafka)).isTrue();
    assertThat(option(run(chart), "--instance-id")).isEqualTo(RenderedChart.POD);
    assertThat(streams.getInt(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(2);
    assertThat(streams.getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
    assertThat(chart.statefulSet().at("/spec/podManagementPolicy").asText()).isEqualTo("Parallel");
  }

  @ParameterizedTest
  @FieldSource("VARIANTS")
  void shouldRunAsNonRootOnAReadOnlyRootWithAWritableTmp(String variant) {
    RenderedChart chart = RenderedChart.of(variant);
    JsonNode pod = chart.pod();

    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(10001);
    assertThat(chart.container().at("/securityContext/readOnlyRootFilesystem").asBoolean())
        .isTrue();
    assertThat(mount(chart, "tmp").path("mountPath").asText()).isEqualTo("/tmp");
    Map<String, JsonNode> volumes = new HashMap<>();
    pod.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
    assertThat(volumes.get("tmp").has("emptyDir")).isTrue();
    assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isEqualTo(120);
  }

  @ParameterizedTest
  @FieldSource("VARIANTS")
  void shouldSizeTheHeapFromTheMemoryLimit(String variant) {
    RenderedChart chart = RenderedChart.of(variant);

    assertThat(chart.env().get("JAVA_TOOL_OPTIONS"))
        .startsWith("-XX:MaxRAMPercentage=50 ")
        .contains(" -XX:+UseParallelGC");
    assertThat(chart.container().at("/resources/limits/memory").asText())
        .isEqualTo(chart.values.at("/resources/limits/memory").asText())
        .isNotEmpty();
    assertThat(chart.container().at("/resources/requests/memory").asText())
        .isEqualTo(chart.container().at("/resources/limits/memory").asText());
  }

  @ParameterizedTest
  @FieldSource("VARIANTS")
  void shouldPassThePubmedIdentityWithTheKeyFromASecret(String variant) {
    RenderedChart chart = RenderedChart.of(variant);
    CommandLine.Model.CommandSpec run = run(chart);
    JsonNode pubmed = chart.values.path("pubmed");
    boolean on = pubmed.path("enabled").asBoolean();
    String email = pubmed.path("email").asText();
    String secret = pubmed.at("/apiKeySecret/name").asText();

    assertThat(option(run, "--no-pubmed")).isEqualTo(String.valueOf(!on));
    assertThat(option(run, "--pubmed-email")).isEqualTo(on && !email.isEmpty() ? email : "null");
    // the key is never a value in the manifest, only a reference to the Secret holding it (env()
    // reads a secretKeyRef as secret:<name>/<key>)
    assertThat(option(run, "--pubmed-api-key"))
        .isEqualTo(on && !secret.isEmpty() ? "secret:" + secret + "/api-key" : "null");
  }

  private static JsonNode mount(RenderedChart chart, String volume) {
    for (JsonNode m : chart.container().path("volumeMounts")) {
      if (m.path("name").asText().equals(volume)) {
        return m;
      }
    }
    throw new AssertionError("no volume mount " + volume + " in " + chart.variant);
  }
}
