package org.figstream.connectors.sink.rows;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.figstream.connectors.sink.TopicRecord;
import org.figstream.records.codec.RecordSchemas;

/**
 * A {@code figures} record (records/schemas/figure.v3.avsc, nested) as a figures-table row
 * (records/schemas/dataset-figure.v3.avsc, flat, snake_case): what dataset users filter and select
 * on sits in top-level columns, and the topic coordinates let readers order versions of a pair.
 */
public final class FigureRows {
  private static final Schema ROW = RecordSchemas.FIGURE_ROW;
  private static final Schema MENTION = ROW.getField("mentions").schema().getElementType();
  private static final Schema IMAGE = ROW.getField("image").schema().getTypes().get(1);
  private static final Schema CONCEPT =
      ROW.getField("global_labels").schema().getTypes().get(1).getElementType();
  private static final Schema OCR_LINE =
      ROW.getField("ocr").schema().getTypes().get(1).getElementType();
  private static final Schema OCR_BOX = OCR_LINE.getField("box").schema();

  private FigureRows() {}

  public static GenericRecord row(GenericRecord published, TopicRecord at) {
    GenericRecord figure = (GenericRecord) published.get("figure");
    GenericData.Record row = new GenericData.Record(ROW);
    row.put("pair_id", str(figure.get("pairId")));
    row.put("article_key", str(figure.get("articleKey")));
    GenericRecord article = (GenericRecord) published.get("article");
    row.put("subset", article == null ? "other" : str(article.get("subset")));
    if (article != null) {
      row.put("pmcid", str(article.get("pmcid")));
      row.put("article_version", article.get("version"));
      row.put("pmid", str(article.get("pmid")));
      row.put("article_doi", str(article.get("doi")));
      row.put("journal", str(article.get("journal")));
      row.put("year", str(article.get("year")));
      row.put("license", str(article.get("licenseCode")));
      row.put("license_url", str(article.get("licenseUrl")));
    }
    GenericRecord provenance = (GenericRecord) published.get("provenance");
    if (provenance != null) {
      if (row.get("pmcid") == null) {
        row.put("pmcid", str(provenance.get("pmcid")));
        row.put("article_version", provenance.get("version"));
      }
      row.put("source", str(provenance.get("source")));
      row.put("processed_at", provenance.get("processedAt"));
      row.put("pipeline_version", str(provenance.get("pipelineVersion")));
    }
    copyFigure(figure, row);
    copyImage((GenericRecord) published.get("image"), row, (String) row.get("pair_id"));
    row.put("image_problem", str(published.get("imageProblem")));
    row.put("duplicate_of", str(published.get("duplicateOf")));
    row.put("duplicate_kind", str(published.get("duplicateKind")));
    copyEmbedding((GenericRecord) published.get("imageEmbedding"), row, "image_embedding");
    copyEmbedding((GenericRecord) published.get("captionEmbedding"), row, "caption_embedding");
    copyLabels((GenericRecord) published.get("labels"), row);
    row.put("ocr", ocr(published.get("ocr")));
    row.put("kafka_partition", at.partition());
    row.put("kafka_offset", at.offset());
    return row;
  }

  private static void copyFigure(GenericRecord f, GenericData.Record row) {
    row.put("kind", str(f.get("kind")));
    row.put("figure_id", str(f.get("figureId")));
    row.put("graphic_index", f.get("graphicIndex"));
    row.put("group_id", str(f.get("groupId")));
    row.put("parent_id", str(f.get("parentId")));
    row.put("specific_use", str(f.get("specificUse")));
    row.put("context", str(f.get("context")));
    row.put("label", str(f.get("label")));
    row.put("caption_title", str(f.get("captionTitle")));
    row.put("caption", str(f.get("caption")));
    row.put("figure_doi", str(f.get("doi")));
    row.put("href", str(f.get("href")));
    row.put("media_file", str(f.get("mediaFile")));
    List<GenericRecord> mentions = new ArrayList<>();
    Object given = f.get("mentions");
    if (given != null) {
      for (Object o : (List<?>) given) {
        GenericRecord m = (GenericRecord) o;
        GenericData.Record out = new GenericData.Record(MENTION);
        out.put("xref_text", str(m.get("xrefText")));
        out.put("sentence", str(m.get("sentence")));
        out.put("paragraph", str(m.get("paragraph")));
        mentions.add(out);
      }
    }
    row.put("mentions", mentions);
  }

  /**
   * The image as Hugging Face datasets' Image struct ({@code bytes}, {@code path}), and the
   * perceptual hash as 16 hex digits: a nullable int64 column becomes float64 in pandas, which
   * cannot hold every 64-bit hash.
   */
  private static void copyImage(GenericRecord image, GenericData.Record row, String pairId) {
    if (image == null) {
      return;
    }
    GenericData.Record struct = new GenericData.Record(IMAGE);
    struct.put("bytes", image.get("jpeg"));
    struct.put("path", sampleKey(pairId) + ".jpg");
    row.put("image", struct);
    row.put("image_width", image.get("width"));
    row.put("image_height", image.get("height"));
    row.put("original_width", image.get("originalWidth"));
    row.put("original_height", image.get("originalHeight"));
    row.put("original_format", str(image.get("originalFormat")));
    row.put("pixel_sha256", str(image.get("pixelSha256")));
    Object hash = image.get("perceptualHash");
    row.put("perceptual_hash", hash == null ? null : HexFormat.of().toHexDigits((Long) hash));
  }

  private static void copyEmbedding(
      GenericRecord embedding, GenericData.Record row, String column) {
    if (embedding != null) {
      row.put(column, embedding.get("vector"));
      row.put(column + "_model", str(embedding.get("model")));
    }
  }

  private static void copyLabels(GenericRecord labels, GenericData.Record row) {
    if (labels == null) {
      return;
    }
    row.put("label_method", str(labels.get("method")));
    row.put("panel_type", str(labels.get("panelType")));
    row.put("global_labels", concepts(labels.get("global")));
    row.put("local_labels", concepts(labels.get("local")));
  }

  private static List<GenericRecord> concepts(Object given) {
    if (given == null) {
      return null;
    }
    List<GenericRecord> out = new ArrayList<>();
    for (Object o : (List<?>) given) {
      GenericRecord c = (GenericRecord) o;
      GenericData.Record score = new GenericData.Record(CONCEPT);
      score.put("concept", str(c.get("concept")));
      score.put("score", c.get("score"));
      out.add(score);
    }
    return out;
  }

  /** The lines read in the image; null (not run) stays null, apart from an empty list. */
  private static List<GenericRecord> ocr(Object given) {
    if (given == null) {
      return null;
    }
    List<GenericRecord> out = new ArrayList<>();
    for (Object o : (List<?>) given) {
      GenericRecord line = (GenericRecord) o;
      GenericRecord box = (GenericRecord) line.get("box");
      GenericData.Record b = new GenericData.Record(OCR_BOX);
      for (String side : List.of("x", "y", "width", "height")) {
        b.put(side, box.get(side));
      }
      GenericData.Record l = new GenericData.Record(OCR_LINE);
      l.put("text", str(line.get("text")));
      l.put("box", b);
      l.put("score", line.get("score"));
      out.add(l);
    }
    return out;
  }

  /**
   * A pair's name as a file stem, in the image's {@code path} and as the WebDataset key: the pair
   * id with the characters WebDataset gives meaning to ({@code /} and {@code .}) replaced.
   */
  public static String sampleKey(String pairId) {
    return pairId.replace('/', '_').replace('.', '-');
  }

  static String str(Object o) {
    return o == null ? null : o.toString();
  }
}
