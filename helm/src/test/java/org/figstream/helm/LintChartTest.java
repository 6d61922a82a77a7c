package org.figstream.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class LintChartTest {
  static final java.util.List<String> VARIANTS = RenderedChart.VARIANTS;

  /** helm-java's lint takes no values file: it lints with values.yaml, as `helm lint` does. */
  @Test
  void shouldPassStrictLint() {
    LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();

    assertThat(lint.isFailed()).as("lint: %s", lint.getMessages()).isFalse();
    assertThat(lint.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
  }

  @Test
  void shouldTestEveryCiValuesFile() throws IOException {
    try (Stream<java.nio.file.Path> files = Files.list(RenderedChart.CHART.resolve("ci"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              VARIANTS.stream().map(v -> v + "-values.yaml").toList());
    }
  }

  /** values.schema.json stops a value the templates would turn into a broken object. */
  @Test
  void shouldRefuseValuesTheSchemaForbids() {
    assertThatThrownBy(() -> template().set("strimzi.authentication", "plain").call())
        .hasMessageContaining("at '/strimzi/authentication': value must be one of");
    assertThatThrownBy(() -> template().set("connect.dataset.mountPath", "/data").call())
        .hasMessageContaining("at '/connect/dataset/mountPath'");
    assertThatThrownBy(() -> template().set("strimzi.apiVersion", "v1beta1").call())
        .hasMessageContaining("at '/strimzi/apiVersion': value must be one of");
  }

  private static TemplateCommand template() {
    return new Helm(RenderedChart.CHART).template().withKubeVersion(RenderedChart.KUBE_VERSION);
  }

  @ParameterizedTest
  @FieldSource("VARIANTS")
  void shouldRenderEachVariant(String variant) {
    RenderedChart chart = RenderedChart.of(variant);

    // what each variant renders, for the report (target/surefire-reports/*-output.txt)
    System.out.println(variant + ": " + chart.countsByKind());
    assertThat(chart.statefulSet().at("/metadata/name").asText()).isEqualTo(RenderedChart.RELEASE);
  }
}
