package org.figstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The chart rendered by Helm's own Go library (helm-java, no helm binary) with one of its ci/
 * values files, parsed into objects. Rendered once per variant and shared by the tests.
 */
final class RenderedChart {
  /** Surefire runs in the module folder, helm/. */
  static final Path CHART = Path.of("figstream").toAbsolutePath();

  static final String RELEASE = "figstream";
  static final String NAMESPACE = "figstream";

  /** helm template assumes Kubernetes 1.20 without a cluster; the chart asks for 1.27 or later. */
  static final String KUBE_VERSION = "1.30.0";

  /** A pod name as the StatefulSet makes them, for variables taken from metadata.name. */
  static final String POD = RELEASE + "-1";

  /** Every ci/*-values.yaml, by the name before -values.yaml. */
  static final List<String> VARIANTS =
      List.of("cpu", "gpu", "own-kafka", "scram", "tls", "strimzi-v1beta2");

  static final ObjectMapper YAML = new YAMLMapper();

  private static final Map<String, RenderedChart> RENDERED = new ConcurrentHashMap<>();

  final String variant;
  final String manifest;
  final List<JsonNode> objects;

  /** values.yaml with the variant's file over it, as Helm merges them. */
  final JsonNode values;

  private RenderedChart(String variant, String manifest, List<JsonNode> objects, JsonNode values) {
    this.variant = variant;
    this.manifest = manifest;
    this.objects = objects;
    this.values = values;
  }

  static RenderedChart of(String variant) {
    return RENDERED.computeIfAbsent(variant, RenderedChart::render);
  }

  static Path valuesFile(String variant) {
    return CHART.resolve("ci").resolve(variant + "-values.yaml");
  }

  private static RenderedChart render(String variant) {
    String manifest =
        new Helm(CHART)
            .template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion(KUBE_VERSION)
            .withValuesFile(valuesFile(variant))
            .call();
    List<JsonNode> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(manifest)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && doc.isObject() && !doc.isEmpty()) {
          objects.add(doc);
        }
      }
      ObjectMapper merging = new YAMLMapper();
      merging.setDefaultMergeable(true);
      JsonNode values = merging.readTree(CHART.resolve("values.yaml").toFile());
      values = merging.readerForUpdating(values).readValue(valuesFile(variant).toFile());
      return new RenderedChart(variant, manifest, objects, values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<JsonNode> ofKind(String kind) {
    return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
  }

  JsonNode only(String kind) {
    List<JsonNode> found = ofKind(kind);
    assertThat(found).as("%s objects in %s", kind, variant).hasSize(1);
    return found.get(0);
  }

  Map<String, Long> countsByKind() {
    return objects.stream()
        .collect(
            Collectors.groupingBy(
                o -> o.path("kind").asText(), TreeMap::new, Collectors.counting()));
  }

  boolean strimzi() {
    return values.at("/strimzi/enabled").asBoolean();
  }

  /** strimzi.apiVersion: v1 or v1beta2. */
  String strimziApi() {
    return values.at("/strimzi/apiVersion").asText();
  }

  /**
   * One of the KafkaConnect's group.id, config.storage.topic, offset.storage.topic and
   * status.storage.topic: a field of its own in v1 (groupId, ...), a config key in v1beta2.
   */
  String connectSetting(String key) {
    JsonNode spec = only("KafkaConnect").path("spec");
    if (strimziApi().equals("v1beta2")) {
      return spec.path("config").path(key).asText();
    }
    String[] words = key.split("\\.");
    StringBuilder field = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      field.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return spec.path(field.toString()).asText();
  }

  JsonNode statefulSet() {
    return only("StatefulSet");
  }

  /** The pod template's spec. */
  JsonNode pod() {
    return statefulSet().at("/spec/template/spec");
  }

  JsonNode container() {
    return pod().at("/containers/0");
  }

  List<String> args() {
    List<String> args = new ArrayList<>();
    container().path("args").forEach(a -> args.add(a.asText()));
    return args;
  }

  /**
   * The container's environment as the pod would see it: a value, the pod's name for metadata.name,
   * and {@code secret:<name>/<key>} where a Secret's key stands.
   */
  Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode e : container().path("env")) {
      JsonNode from = e.path("valueFrom");
      String value;
      if (from.has("fieldRef")) {
        assertThat(from.at("/fieldRef/fieldPath").asText()).isEqualTo("metadata.name");
        value = POD;
      } else if (from.has("secretKeyRef")) {
        value =
            "secret:"
                + from.at("/secretKeyRef/name").asText()
                + "/"
                + from.at("/secretKeyRef/key").asText();
      } else {
        value = e.path("value").asText();
      }
      assertThat(env.put(e.path("name").asText(), value)).as("env %s twice", e).isNull();
    }
    return env;
  }
}
