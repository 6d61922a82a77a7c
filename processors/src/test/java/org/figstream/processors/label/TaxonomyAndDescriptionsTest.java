package org.figstream.processors.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.Taxonomy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyAndDescriptionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PACKAGE = "/org/figstream/processors/label/";

  @TempDir Path dir;

  @Test
  void shouldHoldTheSixteenGlobalAndHundredNineteenLocalConceptsOfTheFile() throws IOException {
    JsonNode file = taxonomyFile();
    Set<String> globals = new LinkedHashSet<>();
    List<String> locals = new ArrayList<>();
    file.get("global_concepts")
        .forEach(
            g -> {
              globals.add(g.get("name").asText());
              g.get("local_concepts").forEach(l -> locals.add(l.asText()));
            });
    Taxonomy taxonomy = Taxonomy.biomedica();

    assertThat(globals).hasSize(16);
    assertThat(locals).hasSize(119).doesNotHaveDuplicates();
    assertThat(taxonomy.globals()).containsExactlyElementsOf(globals);
    assertThat(allLocals(taxonomy)).containsExactlyElementsOf(locals);
    assertThat(taxonomy.panelTypes()).containsExactly("single", "multiple");
  }

  @Test
  void shouldBeTheSameTaxonomyAsTheSharedCopy() throws IOException {
    Path shared =
        SampleArticles.root()
            .getParent()
            .getParent()
            .resolveSibling("shared")
            .resolve("taxonomy/biomedica-taxonomy.json");
    Assumptions.assumeTrue(Files.exists(shared), "no shared taxonomy at " + shared);

    assertThat(taxonomyFile()).isEqualTo(JSON.readTree(shared.toFile()));
  }

  @Test
  void shouldFindTheGlobalConceptOfALocalOne() {
    Taxonomy taxonomy = Taxonomy.biomedica();

    assertThat(taxonomy.globalOf("immunoblot")).isEqualTo("Immuno Assays");
    assertThat(taxonomy.globalOf("box plot")).isEqualTo("Plots and Charts");
    assertThat(taxonomy.isGlobal("Microscopy")).isTrue();
    assertThat(taxonomy.isGlobal("microscopy")).isFalse();
    assertThat(taxonomy.isLocal("immunoblot")).isTrue();
    assertThat(taxonomy.isLocal("Immuno Assays")).isFalse();
    assertThatThrownBy(() -> taxonomy.globalOf("hologram"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hologram");
  }

  @Test
  void shouldDescribeExactlyTheConceptsOfTheTaxonomy() {
    Taxonomy taxonomy = Taxonomy.biomedica();
    ConceptDescriptions builtin = ConceptDescriptions.builtin(taxonomy);

    assertThat(builtin.global().keySet()).containsExactlyInAnyOrderElementsOf(taxonomy.globals());
    assertThat(builtin.local().keySet()).containsExactlyInAnyOrderElementsOf(allLocals(taxonomy));
    assertThat(builtin.global().values()).allSatisfy(texts -> assertThat(texts).isNotEmpty());
    assertThat(builtin.local().values()).allSatisfy(texts -> assertThat(texts).isNotEmpty());
  }

  @Test
  void shouldGiveEveryGlobalConceptAFormButAmbiguousAndPcr() {
    Taxonomy taxonomy = Taxonomy.biomedica();
    ConceptForms forms = ConceptDescriptions.builtin(taxonomy).forms();

    assertThat(forms.drawn())
        .containsExactlyInAnyOrder(
            "Chemical Structures",
            "Graphs and Networks",
            "Illustrative Diagrams",
            "Maps",
            "Plots and Charts",
            "Scientific Formulae and Equations",
            "Screen Based Visuals",
            "Tables");
    assertThat(forms.photographic())
        .containsExactlyInAnyOrder(
            "Clinical Imaging",
            "Immuno Assays",
            "Laboratory Specimens and Cultures",
            "Microscopy",
            "Natural Images",
            "Tools and Materials");
    Set<String> formless = new LinkedHashSet<>(taxonomy.globals());
    formless.removeAll(forms.drawn());
    formless.removeAll(forms.photographic());
    assertThat(formless).containsExactlyInAnyOrder(Taxonomy.AMBIGUOUS, "PCR");
  }

  @Test
  void shouldReadAFileWithoutFormsAsNoPixelPrior() throws IOException {
    ObjectNode json = descriptions();
    json.remove("forms");

    assertThat(ConceptDescriptions.read(write(json), Taxonomy.biomedica()).forms())
        .isSameAs(ConceptForms.NONE);
  }

  @Test
  void shouldReadADescriptionsFileOfTheSameForm() throws IOException {
    Path file = write(descriptions());

    ConceptDescriptions read = ConceptDescriptions.read(file, Taxonomy.biomedica());

    assertThat(read).isEqualTo(ConceptDescriptions.builtin(Taxonomy.biomedica()));
  }

  @Test
  void shouldRefuseAFileMissingAGlobalConcept() throws IOException {
    ObjectNode json = descriptions();
    ((ObjectNode) json.get("global")).remove("Microscopy");
    Path file = write(json);

    assertThatThrownBy(() -> ConceptDescriptions.read(file, Taxonomy.biomedica()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            file + ": global concepts not described: [Microscopy]; not in the taxonomy: []");
  }

  @Test
  void shouldRefuseAFileMissingALocalConcept() throws IOException {
    ObjectNode json = descriptions();
    ((ObjectNode) json.get("local")).remove("immunoblot");
    Path file = write(json);

    assertThatThrownBy(() -> ConceptDescriptions.read(file, Taxonomy.biomedica()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ": local concepts not described: [immunoblot]; not in the taxonomy: []");
  }

  @Test
  void shouldRefuseAFileWithAConceptTheTaxonomyLacks() throws IOException {
    ObjectNode json = descriptions();
    ((ObjectNode) json.get("local")).putArray("hologram").add("A hologram of the specimen.");
    Path file = write(json);

    assertThatThrownBy(() -> ConceptDescriptions.read(file, Taxonomy.biomedica()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ": local concepts not described: []; not in the taxonomy: [hologram]");
  }

  @Test
  void shouldRefuseAConceptWithoutDescriptions() throws IOException {
    ObjectNode json = descriptions();
    ((ArrayNode) json.get("global").get("Maps")).removeAll();
    Path file = write(json);

    assertThatThrownBy(() -> ConceptDescriptions.read(file, Taxonomy.biomedica()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ": Maps needs at least one non-empty description");
  }

  private static List<String> allLocals(Taxonomy taxonomy) {
    List<String> locals = new ArrayList<>();
    taxonomy.globalToLocals().values().forEach(locals::addAll);
    return locals;
  }

  private static JsonNode resource(String name) throws IOException {
    try (InputStream in = TaxonomyAndDescriptionsTest.class.getResourceAsStream(PACKAGE + name)) {
      return JSON.readTree(in);
    }
  }

  private static JsonNode taxonomyFile() throws IOException {
    // the taxonomy is part of the wire contract, so it lives in the records module
    try (InputStream in =
        Taxonomy.class.getResourceAsStream("/org/figstream/records/biomedica-taxonomy.json")) {
      return JSON.readTree(in);
    }
  }

  private static ObjectNode descriptions() throws IOException {
    return (ObjectNode) resource("concept-descriptions.json");
  }

  private Path write(JsonNode json) throws IOException {
    return Files.writeString(dir.resolve("descriptions.json"), JSON.writeValueAsString(json));
  }
}
