package org.figstream.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.crd.generator.CRDGenerator;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Version;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.strimzi.api.annotations.ApiVersion;
import io.strimzi.api.annotations.KubeVersion;
import io.strimzi.api.annotations.VersionRange;
import io.strimzi.api.kafka.model.connect.KafkaConnect;
import io.strimzi.api.kafka.model.connector.KafkaConnector;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * OpenAPI schemas of every kind the chart renders, made offline from Maven Central artifacts: the
 * Strimzi CRDs by Strimzi's own CRD generator from its model (io.strimzi:api), the Kubernetes kinds
 * by fabric8's CRD generator from fabric8's Kubernetes model (generated from Kubernetes' OpenAPI
 * spec). Both are made strict (no unknown fields), as the API server's pruning would silently drop
 * a mistyped key.
 */
final class ObjectSchemas {
  private static final ObjectMapper YAML = RenderedChart.YAML;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

  private static Map<String, Schema> schemas;

  private ObjectSchemas() {}

  /** The errors of one rendered object; an object of a kind without a schema is an error too. */
  static List<String> errors(JsonNode object) {
    String key = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    Schema schema = all().get(key);
    // Strimzi 1.2.0's generator is Java 21 bytecode: where only a JDK 17 runs the tests, the v1
    // objects cannot be checked against its schemas, and the test says so rather than fail
    Assumptions.assumeTrue(
        schema != null || !key.startsWith("kafka.strimzi.io/v1/") || StrimziV1Crds.available(),
        "no Java 21 or later to run Strimzi 1.2.0's CRD generator: v1 objects not validated");
    if (schema == null) {
      return List.of("no schema for " + key);
    }
    try {
      return schema.validate(JSON.writeValueAsString(object), InputFormat.JSON).stream()
          .map(Error::toString)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static synchronized Map<String, Schema> all() {
    if (schemas == null) {
      schemas = new HashMap<>();
      try {
        strimzi(KafkaTopic.class, KafkaUser.class, KafkaConnect.class, KafkaConnector.class);
        if (StrimziV1Crds.available()) {
          for (String crd : StrimziV1Crds.generate().values()) {
            addCrdVersion(crd, "v1");
          }
        }
        kubernetes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return schemas;
  }

  /**
   * The v1beta2 schemas, as in the CRDs Strimzi 0.45 installs (its model, io.strimzi:api 0.45.0, on
   * this classpath); the v1 ones come from Strimzi 1.2.0 (StrimziV1Crds).
   */
  @SafeVarargs
  private static void strimzi(Class<? extends CustomResource>... kinds)
      throws IOException, ReflectiveOperationException {
    // io.strimzi.crdgenerator.CrdGenerator is package-private (its main() exits the JVM):
    // reflection
    Class<?> generator = Class.forName("io.strimzi.crdgenerator.CrdGenerator");
    var constructor = generator.getConstructor(VersionRange.class, ApiVersion.class);
    constructor.setAccessible(true);
    Object instance = constructor.newInstance(KubeVersion.V1_16_PLUS, ApiVersion.V1);
    var generate = generator.getMethod("generate", Class.class, java.io.Writer.class);
    generate.setAccessible(true);
    for (Class<? extends CustomResource> kind : kinds) {
      StringWriter crd = new StringWriter();
      generate.invoke(instance, kind, crd);
      addCrdVersion(crd.toString(), "v1beta2");
    }
  }

  /** One version's schema of a CRD, under group/version/kind. */
  private static void addCrdVersion(String crd, String name) throws IOException {
    JsonNode spec = YAML.readTree(crd).path("spec");
    String key = spec.path("group").asText() + "/" + name + "/" + spec.at("/names/kind").asText();
    for (JsonNode version : spec.path("versions")) {
      if (version.path("name").asText().equals(name)) {
        add(key, version.at("/schema/openAPIV3Schema"));
      }
    }
    if (!schemas.containsKey(key)) {
      throw new IllegalStateException("no " + key + " in the CRD");
    }
  }

  /**
   * A custom resource whose spec is a whole Kubernetes object: its generated CRD holds that
   * object's schema under spec.
   */
  private static void kubernetes() throws IOException {
    Path dir = Files.createTempDirectory("figstream-helm-schemas");
    new CRDGenerator()
        .inOutputDir(dir.toFile())
        .forCRDVersions("v1")
        .customResourceClasses(
            StatefulSetObject.class,
            ServiceObject.class,
            ConfigMapObject.class,
            PersistentVolumeClaimObject.class,
            PodMonitorObject.class)
        .generate();
    Map<String, String> apiVersions =
        Map.of(
            "StatefulSetObject", "apps/v1/StatefulSet",
            "ServiceObject", "v1/Service",
            "ConfigMapObject", "v1/ConfigMap",
            "PersistentVolumeClaimObject", "v1/PersistentVolumeClaim",
            "PodMonitorObject", "monitoring.coreos.com/v1/PodMonitor");
    for (File file : dir.toFile().listFiles()) {
      JsonNode spec = YAML.readTree(file).path("spec");
      String key = apiVersions.get(spec.at("/names/kind").asText());
      add(key, spec.at("/versions/0/schema/openAPIV3Schema/properties/spec"));
      Files.delete(file.toPath());
    }
    Files.delete(dir);
  }

  private static void add(String key, JsonNode schema) {
    JsonNode strict = strict(schema.deepCopy());
    schemas.put(key, REGISTRY.getSchema(strict.toString(), InputFormat.JSON));
  }

  /**
   * Every object schema that lists its properties allows no others. Not the oneOf alternatives (no
   * type of their own), which list only the properties that tell them apart.
   */
  private static JsonNode strict(JsonNode node) {
    if (node instanceof ObjectNode o) {
      if (o.has("properties")
          && o.path("type").asText().equals("object")
          && !o.has("additionalProperties")
          && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
        o.put("additionalProperties", false);
      }
      o.forEach(ObjectSchemas::strict);
    } else if (node.isArray()) {
      node.forEach(ObjectSchemas::strict);
    }
    return node;
  }

  @Group("schemas.figstream.test")
  @Version("v1")
  public static class StatefulSetObject extends CustomResource<StatefulSet, Void>
      implements Namespaced {}

  @Group("schemas.figstream.test")
  @Version("v1")
  public static class ServiceObject extends CustomResource<Service, Void> implements Namespaced {}

  @Group("schemas.figstream.test")
  @Version("v1")
  public static class ConfigMapObject extends CustomResource<ConfigMap, Void>
      implements Namespaced {}

  @Group("schemas.figstream.test")
  @Version("v1")
  public static class PersistentVolumeClaimObject
      extends CustomResource<PersistentVolumeClaim, Void> implements Namespaced {}

  @Group("schemas.figstream.test")
  @Version("v1")
  public static class PodMonitorObject extends CustomResource<PodMonitor, Void>
      implements Namespaced {}
}
