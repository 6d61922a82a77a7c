package org.figstream.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;
import org.figstream.connectors.feed.pubmed.PubmedXmlParser;
import org.figstream.connectors.sink.rows.ArticleRows;
import org.figstream.connectors.sink.shard.ParquetFiles;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.records.Article;
import org.figstream.records.FigureRecord;
import org.figstream.records.PubmedRecord;
import org.figstream.records.Topics;
import org.figstream.records.codec.RecordCodec;
import org.figstream.records.codec.RecordCodecs;
import org.figstream.records.codec.RecordSchemas;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The articles table's PubMed columns read back with DuckDB: two real citations parsed from NLM's
 * XML by the feed's own parser (figstream-feed is on the sink's test classpath through
 * figstream-topology; the sink's main code does not depend on it), an article whose citation is not
 * known yet, an article.v1 record of an older figstream, and an articles shard written before the
 * PubMed columns existed. The citations belong to other PMIDs than the sample articles they are
 * attached to here: the sink does not join, it writes what the articles topic carries. Expected
 * values are read from the XML files (connectors/feed/src/test/resources/pubmed, provenance in its
 * README), not from the parser's output.
 */
class PubmedColumnsTest {
  /** PMID 29768149 (NEJM 2018): MEDLINE, 23 MeSH headings, 6 publication types, no references. */
  private static final PubmedRecord NEJM = citation("pubmed-29768149.xml");

  /** PMID 29963580 (J Med Imaging 2018): PubMed-not-MEDLINE, no MeSH, 49 references. */
  private static final PubmedRecord JMI = citation("biopython-pubmed7.xml");

  /** The MeSH headings of pubmed-29768149.xml in order: DescriptorName and its UI. */
  private static final List<List<String>> NEJM_MESH =
      List.of(
          List.of("Administration, Inhalation", "D000280"),
          List.of("Adolescent", "D000293"),
          List.of("Adult", "D000328"),
          List.of("Aged", "D000368"),
          List.of("Asthma", "D001249"),
          List.of("Bronchodilator Agents", "D001993"),
          List.of("Budesonide", "D019819"),
          List.of("Child", "D002648"),
          List.of("Double-Blind Method", "D004311"),
          List.of("Drug Administration Schedule", "D004334"),
          List.of("Drug Combinations", "D004338"),
          List.of("Female", "D005260"),
          List.of("Forced Expiratory Volume", "D005541"),
          List.of("Formoterol Fumarate", "D000068759"),
          List.of("Glucocorticoids", "D005938"),
          List.of("Humans", "D006801"),
          List.of("Maintenance Chemotherapy", "D060046"),
          List.of("Male", "D008297"),
          List.of("Medication Adherence", "D055118"),
          List.of("Middle Aged", "D008875"),
          List.of("Surveys and Questionnaires", "D011795"),
          List.of("Terbutaline", "D013726"),
          List.of("Young Adult", "D055815"));

  /** The PublicationTypes of pubmed-29768149.xml in order: name and UI. */
  private static final List<List<String>> NEJM_TYPES =
      List.of(
          List.of("Clinical Trial, Phase III", "D017428"),
          List.of("Comparative Study", "D003160"),
          List.of("Journal Article", "D016428"),
          List.of("Multicenter Study", "D016448"),
          List.of("Randomized Controlled Trial", "D016449"),
          List.of("Research Support, Non-U.S. Gov't", "D013485"));

  @TempDir Path dir;

  /** The sample article with the most figures; the others in folder order. */
  private final ExtractedArticle indexed =
      SampleTopics.ARTICLES.stream()
          .max(Comparator.comparingInt(a -> a.figures().size()))
          .orElseThrow();

  private final List<ExtractedArticle> others =
      SampleTopics.ARTICLES.stream().filter(a -> a != indexed).toList();
  private final ExtractedArticle unindexed = others.get(0);
  private final ExtractedArticle v1 = others.get(1);
  private final ExtractedArticle unknown = others.get(2);
  private final ExtractedArticle oldShard = others.get(3);
  private final String deletedPair = indexed.figures().get(0).pairId();

  /**
   * Every sample article and its figures: one with the NEJM citation, one with the JMI one, one as
   * an article.v1 record, the others without a citation; one figure of the first deleted.
   */
  @BeforeEach
  void write() throws IOException {
    SampleTopics topics = SampleTopics.empty();
    for (ExtractedArticle a : SampleTopics.ARTICLES) {
      if (a == v1) {
        topics.articleV1(a.article(), "commercial");
      } else {
        PubmedRecord citation = a == indexed ? NEJM : a == unindexed ? JMI : null;
        topics.article(a.article().withPubmed(citation), "commercial");
      }
      for (FigureRecord f : a.figures()) {
        topics.figure(f, a.article(), "commercial");
      }
    }
    topics.tombstone(Topics.FIGURES, deletedPair, "superseded");
    try (DatasetSink sink =
        DatasetSinkTest.open(SinkSettings.defaults(dir), FaultPoint.Hook.NONE)) {
      sink.write(topics.records());
      sink.commitAll();
    }
  }

  @Test
  void shouldWriteTheMeshHeadingsWithQualifiersAndMajorFlagsExactly() {
    List<List<Object>> rows =
        Duck.rows(
            "SELECT m.descriptor_name, m.descriptor_ui, m.major_topic, "
                + "array_to_string([q.name || '|' || q.ui || '|' || q.major_topic::VARCHAR "
                + "FOR q IN m.qualifiers], '; ') "
                + "FROM (SELECT unnest(pubmed_mesh_headings) AS m FROM "
                + articles()
                + " WHERE article_key = '"
                + indexed.article().articleKey()
                + "')");

    assertThat(rows.stream().map(r -> List.of((String) r.get(0), (String) r.get(1))).toList())
        .containsExactlyElementsOf(NEJM_MESH);
    // MajorTopicYN="N" on every descriptor of the file: its major topics are qualifiers
    assertThat(rows).allSatisfy(r -> assertThat(r.get(2)).isEqualTo(false));
    Map<Object, Object> qualifiers =
        rows.stream().collect(Collectors.toMap(r -> r.get(0), r -> r.get(3)));
    assertThat(qualifiers)
        .containsEntry("Asthma", "drug therapy|Q000188|true")
        .containsEntry(
            "Bronchodilator Agents",
            "administration & dosage|Q000008|true; adverse effects|Q000009|false")
        .containsEntry("Glucocorticoids", "administration & dosage|Q000008|false")
        .containsEntry("Adult", "");
  }

  @Test
  void shouldWriteTheCitationsScalarsPublicationTypesDatesAndReferences() {
    List<List<Object>> rows =
        Duck.rows(
            "SELECT article_key, pubmed_pmid, pubmed_version, pubmed_status, pubmed_book_article, "
                + "array_to_string([t.name || '|' || t.ui FOR t IN pubmed_publication_types], '; '), "
                + "pubmed_date_completed::VARCHAR, pubmed_date_revised::VARCHAR, "
                + "typeof(pubmed_date_revised), len(pubmed_mesh_headings), len(pubmed_references), "
                + "pubmed_references[1].citation, pubmed_references[1].pmid, "
                + "pubmed_references[1].doi, len(pubmed_chemicals), "
                + "array_to_string([s.label FOR s IN pubmed_abstract_sections], '; ') FROM "
                + articles()
                + " WHERE pubmed_pmid IS NOT NULL ORDER BY pubmed_pmid");
    String types =
        NEJM_TYPES.stream().map(t -> t.get(0) + "|" + t.get(1)).collect(Collectors.joining("; "));
    assertThat(rows)
        .containsExactly(
            Arrays.asList(
                indexed.article().articleKey(),
                "29768149",
                1,
                "MEDLINE",
                false,
                types,
                "2018-05-24",
                "2022-04-10",
                "DATE",
                23L,
                0L,
                nullValue(),
                nullValue(),
                nullValue(),
                6L,
                "BACKGROUND; METHODS; RESULTS; CONCLUSIONS"),
            Arrays.asList(
                unindexed.article().articleKey(),
                "29963580",
                1,
                "PubMed-not-MEDLINE",
                false,
                "Journal Article|D016428",
                nullValue(),
                "2018-11-14",
                "DATE",
                0L, // a known citation without MeSH: an empty list, not null
                49L,
                "Radiology. 2015 Jan;274(1):250-9",
                "25144646",
                nullValue(),
                0L,
                rows.get(1).get(15)));
  }

  @Test
  void shouldLeaveEveryPubmedColumnNullWhenTheCitationIsUnknownOrTheRecordIsArticleV1() {
    List<String> pubmed =
        ArticleRows.ROW.getFields().stream()
            .map(Schema.Field::name)
            .filter(n -> n.startsWith(ArticleRows.PUBMED_PREFIX))
            .toList();
    assertThat(pubmed).hasSize(RecordSchemas.PUBMED.getFields().size());
    String allNull = pubmed.stream().map(c -> c + " IS NULL").collect(Collectors.joining(" AND "));

    assertThat(
            Duck.strings(
                "SELECT article_key FROM " + articles() + " WHERE " + allNull + " ORDER BY 1"))
        .containsExactlyElementsOf(
            others.subList(1, others.size()).stream()
                .map(a -> a.article().articleKey())
                .sorted()
                .toList());
    // the article.v1 record kept everything else it had
    assertThat(
            Duck.rows(
                "SELECT title, pmid, doi FROM "
                    + articles()
                    + " WHERE article_key = '"
                    + v1.article().articleKey()
                    + "'"))
        .containsExactly(
            Arrays.asList(v1.article().title(), v1.article().pmid(), v1.article().doi()));
    assertThat(
            Duck.count(
                "SELECT count(*) FROM "
                    + articles()
                    + " WHERE article_key = '"
                    + unknown.article().articleKey()
                    + "' AND pubmed_mesh_headings IS NULL"))
        .isEqualTo(1);
  }

  @Test
  void shouldDecodeAnArticleV1RecordWithTheCodecAsAnArticleWithoutCitation() {
    SampleTopics topics = SampleTopics.empty().articleV1(v1.article(), "commercial");
    byte[] bytes = topics.records().get(0).value();
    assertThat(RecordCodec.fingerprintOf(bytes, Topics.ARTICLES))
        .isEqualTo(RecordSchemas.fingerprint(RecordSchemas.all().get("article.v1")));

    Article decoded = RecordCodecs.ARTICLES.decode(bytes, Topics.ARTICLES);

    assertThat(decoded.pubmed()).isNull();
    assertThat(decoded.articleKey()).isEqualTo(v1.article().articleKey());
    assertThat(decoded.title()).isEqualTo(v1.article().title());
    assertThat(decoded.articleIds()).isEqualTo(v1.article().articleIds());
  }

  @Test
  void shouldAnswerTheDocumentedMeshQueriesOnTheDatasetTheSinkWrote() throws IOException {
    String docs = Files.readString(repository().resolve("docs/dataset.md"));
    String perDescriptor = LiveRows.figuresPerMajorMeshQuery("data/dataset");
    String byTypeAndDescriptor =
        LiveRows.figuresByMeshAndPublicationTypeQuery(
            "data/dataset", "D001249", "Randomized Controlled Trial");
    assertThat(docs).contains(perDescriptor + ";\n").contains(byTypeAndDescriptor + ";\n");
    long figures = indexed.figures().size() - 1; // one deleted
    assertThat(figures).isPositive();

    assertThat(Duck.rows(perDescriptor.replace("data/dataset", dir.toString())))
        .containsExactly(
            List.of("Asthma", "D001249", figures),
            List.of("Bronchodilator Agents", "D001993", figures),
            List.of("Budesonide", "D019819", figures),
            List.of("Formoterol Fumarate", "D000068759", figures),
            List.of("Terbutaline", "D013726", figures));
    assertThat(Duck.strings(byTypeAndDescriptor.replace("data/dataset", dir.toString())))
        .containsExactlyElementsOf(
            indexed.figures().stream()
                .map(FigureRecord::pairId)
                .filter(p -> !p.equals(deletedPair))
                .sorted()
                .toList());
    // the card has them too
    String card = Files.readString(dir.resolve("README.md"));
    assertThat(card).contains(LiveRows.figuresPerMajorMeshQuery("."));
  }

  @Test
  void shouldReadOldShardsWithoutPubmedColumnsBesideNewOnesByName() throws IOException {
    // an articles shard as figstream wrote it before article.v2: the article.v1 row schema
    Schema oldRow = ArticleRows.rowSchema(RecordSchemas.all().get("article.v1"));
    assertThat(oldRow.getFields().stream().map(Schema.Field::name))
        .noneMatch(n -> n.startsWith(ArticleRows.PUBMED_PREFIX));
    SampleTopics v1Topic = SampleTopics.empty().articleV1(oldShard.article(), "commercial");
    TopicRecord at = v1Topic.records().get(0);
    GenericRecord oldArticle = decodeAs(at.value(), RecordSchemas.all().get("article.v1"));
    Path shard = dir.resolve("articles/commercial/part-old.parquet");
    try (ParquetWriter<GenericRecord> w =
        ParquetFiles.writer(shard, oldRow, 1 << 20, Map.of("figstream.format", "2"))) {
      w.write(ArticleRows.row(oldArticle, at, oldRow));
    }
    String both = "read_parquet('" + dir + "/articles/*/*.parquet', union_by_name = true)";

    assertThat(Duck.count("SELECT count(*) FROM " + both)).isEqualTo(10);
    // without union_by_name DuckDB refuses the glob (why the docs and the card read articles with
    // it)
    assertThatThrownBy(
            () ->
                Duck.count(
                    "SELECT count(pubmed_pmid) FROM read_parquet('"
                        + dir
                        + "/articles/*/*.parquet')"))
        .hasMessageContaining("union_by_name");
    assertThat(
            Duck.count(
                "SELECT count(*) FROM "
                    + both
                    + " WHERE article_key = '"
                    + oldShard.article().articleKey()
                    + "' AND pubmed_pmid IS NULL AND pubmed_mesh_headings IS NULL"))
        .isEqualTo(2);
    // the documented query still answers, the old shard's rows without MeSH
    assertThat(Duck.rows(LiveRows.figuresPerMajorMeshQuery(dir.toString()))).hasSize(5);
  }

  private String articles() {
    return "read_parquet('" + dir + "/articles/*/*.parquet', union_by_name = true)";
  }

  private static GenericRecord decodeAs(byte[] bytes, Schema schema) throws IOException {
    return new org.apache.avro.message.BinaryMessageDecoder<GenericRecord>(
            GenericData.get(), schema)
        .decode(bytes);
  }

  private static Object nullValue() {
    return null;
  }

  private static Path repository() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("connectors/feed/src/test/resources/pubmed"))) {
        return p;
      }
    }
    throw new IllegalStateException("not inside the figstream repository");
  }

  private static PubmedRecord citation(String file) {
    Path xml = repository().resolve("connectors/feed/src/test/resources/pubmed").resolve(file);
    try {
      List<PubmedRecord> records = new PubmedXmlParser().parse(Files.readAllBytes(xml)).records();
      assertThat(records).hasSize(1);
      return records.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
