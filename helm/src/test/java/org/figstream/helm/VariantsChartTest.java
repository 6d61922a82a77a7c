package org.figstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;

/** What the GPU switch and the Strimzi switch change. */
class VariantsChartTest {
  static final String GPU = "nvidia.com/gpu";

  @Test
  void shouldRequestAGpuAndTheTensorRtBuildOnlyWhenAsked() {
    RenderedChart gpu = RenderedChart.of("gpu");
    RenderedChart cpu = RenderedChart.of("cpu");
    CommandSpec gpuRun = StatefulSetChartTest.run(gpu);

    assertThat(gpu.container().at("/resources/limits").path(GPU).asInt()).isEqualTo(1);
    assertThat(gpuRun.findOption("--device").getValue().toString()).isEqualTo("tensorrt");
    assertThat(gpu.container().path("image").asText())
        .isEqualTo("figstream/figstream-tensorrt:0.1.0");
    assertThat(gpu.pod().at("/nodeSelector").path("nvidia.com/gpu.present").asText())
        .isEqualTo("true");
    assertThat(gpu.pod().at("/tolerations/0/key").asText()).isEqualTo(GPU);

    assertThat(cpu.manifest).doesNotContain(GPU);
    assertThat(cpu.args()).noneMatch(a -> a.startsWith("--device"));
    // the app's default device
    assertThat(StatefulSetChartTest.run(cpu).findOption("--device").getValue().toString())
        .isEqualTo("cpu");
    assertThat(cpu.container().path("image").asText()).isEqualTo("figstream/figstream:0.1.0");
  }

  @Test
  void shouldRenderNoStrimziObjectWithYourOwnKafka() {
    RenderedChart own = RenderedChart.of("own-kafka");
    CommandSpec run = StatefulSetChartTest.run(own);

    assertThat(own.objects)
        .extracting(o -> o.path("apiVersion").asText())
        .noneMatch(v -> v.startsWith("kafka.strimzi.io/"));
    assertThat(own.env())
        .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka-0.kafka:9092,kafka-1.kafka:9092")
        .containsEntry("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT")
        .doesNotContainKey("KAFKA_SSL_TRUSTSTORE_LOCATION");
    // nobody else creates the topics there: the app does, told so (its default on a cluster is no)
    assertThat(run.findOption("--create-topics").getValue().toString()).isEqualTo("true");
    assertThat(run.findOption("--partitions").getValue().toString()).isEqualTo("12");
    assertThat(run.findOption("--dedup-partitions").getValue().toString()).isEqualTo("1");
    assertThat(run.findOption("--replication-factor").getValue().toString()).isEqualTo("3");
    assertThat(run.findOption("--dataset").getValue().toString()).isEqualTo("true");
  }

  @Test
  void shouldLeaveTheDatasetToConnectAndTheTopicsToStrimzi() throws java.io.IOException {
    RenderedChart chart = RenderedChart.of("cpu");
    CommandSpec run = StatefulSetChartTest.run(chart);

    assertThat(run.findOption("--dataset").getValue().toString()).isEqualTo("false");
    assertThat(run.findOption("--create-topics").getValue().toString()).isEqualTo("false");
    JsonNode podMonitor = chart.only("PodMonitor");
    assertThat(podMonitor.at("/spec/selector/matchLabels"))
        .isEqualTo(chart.statefulSet().at("/spec/selector/matchLabels"));
    assertThat(chart.only("ConfigMap").at("/metadata/labels/grafana_dashboard").asText())
        .isEqualTo("1");
    assertThat(chart.only("ConfigMap").at("/data/figstream.json").asText().strip())
        .isEqualTo(
            java.nio.file.Files.readString(RenderedChart.CHART.resolve("dashboards/figstream.json"))
                .strip());
  }
}
