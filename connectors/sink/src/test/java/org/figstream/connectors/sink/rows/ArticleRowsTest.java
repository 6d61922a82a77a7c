package org.figstream.connectors.sink.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.figstream.connectors.sink.TopicRecord;
import org.figstream.records.codec.RecordSchemas;
import org.junit.jupiter.api.Test;

/** Article rows carry no map anywhere: datasets has no map type. */
class ArticleRowsTest {
  @Test
  void shouldTurnEveryMapNestedOrNotIntoKeyValueListsSortedByKey() {
    Schema article = RecordSchemas.ARTICLE;
    Schema journalSchema = article.getField("journal").schema().getTypes().get(1);
    GenericData.Record journal = new GenericData.Record(journalSchema);
    journal.put("title", "eLife");
    journal.put("ids", Map.of("publisher-id", "eLife", "nlm-ta", "Elife"));
    journal.put("issns", List.of());
    GenericData.Record a = new GenericData.Record(article);
    a.put("articleKey", "PMC1");
    a.put("articleIds", Map.of("pmid", "9", "doi", "10.1/x", "pmc", "PMC1"));
    a.put("journal", journal);
    a.put("pubDates", List.of());
    a.put("subset", new GenericData.EnumSymbol(article.getField("subset").schema(), "commercial"));
    a.put("keywords", List.of("k"));
    a.put("subjects", List.of());
    a.put("abstracts", List.of());
    a.put("relatedArticles", List.of());

    GenericRecord row =
        ArticleRows.row(a, new TopicRecord("articles", 1, 7, 0, "PMC1", new byte[0], null));

    assertThat(row.get("article_ids").toString())
        .isEqualTo(
            "[{\"key\": \"doi\", \"value\": \"10.1/x\"}, "
                + "{\"key\": \"pmc\", \"value\": \"PMC1\"}, {\"key\": \"pmid\", \"value\": \"9\"}]");
    assertThat(((GenericRecord) row.get("journal")).get("ids").toString())
        .isEqualTo(
            "[{\"key\": \"nlm-ta\", \"value\": \"Elife\"}, {\"key\": \"publisher-id\", \"value\": \"eLife\"}]");
    assertThat(row.get("subset")).isEqualTo("commercial");
    assertThat(row.get("kafka_offset")).isEqualTo(7L);
    assertThat(ArticleRows.ROW.toString()).doesNotContain("\"map\"");
    assertThat(GenericData.get().validate(ArticleRows.ROW, row)).isTrue();
  }

  @Test
  void shouldLiftThePubmedCitationToNullableSnakeCaseColumnsDerivedFromItsSchema() {
    List<Schema.Field> pubmed =
        ArticleRows.ROW.getFields().stream()
            .filter(f -> f.name().startsWith(ArticleRows.PUBMED_PREFIX))
            .toList();

    assertThat(pubmed.stream().map(Schema.Field::name))
        .containsExactly(
            "pubmed_pmid",
            "pubmed_version",
            "pubmed_status",
            "pubmed_pmcid",
            "pubmed_title",
            "pubmed_book_article",
            "pubmed_mesh_headings",
            "pubmed_publication_types",
            "pubmed_chemicals",
            "pubmed_keywords",
            "pubmed_grants",
            "pubmed_abstract_sections",
            "pubmed_references",
            "pubmed_date_completed",
            "pubmed_date_revised");
    assertThat(ArticleRows.ROW.getField("pubmed")).isNull();
    assertThat(pubmed)
        .allSatisfy(
            f -> assertThat(f.schema().getTypes().get(0).getType()).isEqualTo(Schema.Type.NULL));
    Schema mesh = ArticleRows.ROW.getField("pubmed_mesh_headings").schema().getTypes().get(1);
    Schema heading = mesh.getElementType();
    assertThat(heading.getFields().stream().map(Schema.Field::name))
        .containsExactly("descriptor_name", "descriptor_ui", "major_topic", "qualifiers");
    assertThat(
            heading.getField("qualifiers").schema().getElementType().getFields().stream()
                .map(Schema.Field::name))
        .containsExactly("name", "ui", "major_topic");
    assertThat(
            ArticleRows.ROW
                .getField("pubmed_date_revised")
                .schema()
                .getTypes()
                .get(1)
                .getLogicalType()
                .getName())
        .isEqualTo("date");
    // the columns before them are article.v1's, unchanged
    Schema v1 = ArticleRows.rowSchema(RecordSchemas.all().get("article.v1"));
    assertThat(ArticleRows.ROW.getFields().subList(0, v1.getFields().size() - 2))
        .isEqualTo(v1.getFields().subList(0, v1.getFields().size() - 2));
  }
}
