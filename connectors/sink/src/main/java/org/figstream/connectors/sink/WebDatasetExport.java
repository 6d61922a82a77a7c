package org.figstream.connectors.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.parquet.hadoop.ParquetReader;
import org.figstream.connectors.sink.manifest.DatasetLayout;
import org.figstream.connectors.sink.manifest.Manifest;
import org.figstream.connectors.sink.manifest.ManifestStore;
import org.figstream.connectors.sink.manifest.ShardEntry;
import org.figstream.connectors.sink.rows.FigureRows;
import org.figstream.connectors.sink.shard.ParquetFiles;

/**
 * Writes the live figures that have an image as WebDataset tar shards in BIOMEDICA's sample layout:
 * {@code <key>.jpg}, {@code <key>.txt} (the caption) and {@code <key>.json} (ids, license, labels,
 * size). Every sample goes to a shard drawn at random (seeded by the manifest generation, so an
 * export can be repeated), so the figures of one article end up spread over the shards instead of
 * side by side. The tars are written in one pass with every shard open, so memory does not grow
 * with the dataset.
 */
final class WebDatasetExport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DatasetFiles files;
  private final SinkSettings settings;

  WebDatasetExport(DatasetFiles files, SinkSettings settings) {
    this.files = files;
    this.settings = settings;
  }

  /** Writes the export for {@code manifest} under temporary names; returns the tar paths. */
  List<String> export(Manifest manifest, LiveRows live) throws IOException {
    List<ShardEntry> sources = new ArrayList<>();
    for (ShardEntry f : manifest.files()) {
      if (f.table().equals(DatasetLayout.FIGURES) && !f.deletes()) {
        sources.add(f);
      }
    }
    long samples = count(sources, live);
    int shards =
        (int)
            Math.max(
                1, (samples + settings.webdatasetSamples() - 1) / settings.webdatasetSamples());
    String folder = "webdataset/" + String.format("%06d", manifest.generation());
    List<String> names = new ArrayList<>();
    List<TarArchiveOutputStream> tars = new ArrayList<>();
    Random random = new Random(manifest.generation());
    try {
      for (int i = 0; i < shards; i++) {
        String name = folder + "/shard-" + String.format("%06d", i) + ".tar";
        Files.createDirectories(files.path(name).getParent());
        names.add(name);
        TarArchiveOutputStream tar =
            new TarArchiveOutputStream(Files.newOutputStream(files.temporary(name)));
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tars.add(tar);
      }
      for (ShardEntry source : sources) {
        try (ParquetReader<GenericRecord> reader =
            ParquetFiles.reader(files.readable(source.path()), null)) {
          for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
            if (r.get("image") != null
                && live.isLive(r.get("pair_id").toString(), (Long) r.get("kafka_offset"))) {
              writeSample(tars.get(random.nextInt(shards)), r);
            }
          }
        }
      }
    } finally {
      for (TarArchiveOutputStream tar : tars) {
        tar.close();
      }
    }
    for (String name : names) {
      ManifestStore.force(files.temporary(name));
    }
    return names;
  }

  /**
   * Live rows with an image, from three small columns: sizes the export before the images are read.
   */
  private long count(List<ShardEntry> sources, LiveRows live) throws IOException {
    Schema projection =
        SchemaBuilder.record("Sample")
            .fields()
            .requiredString("pair_id")
            .requiredLong("kafka_offset")
            .optionalInt("image_width")
            .endRecord();
    long n = 0;
    for (ShardEntry source : sources) {
      try (ParquetReader<GenericRecord> reader =
          ParquetFiles.reader(files.readable(source.path()), projection)) {
        for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
          if (r.get("image_width") != null
              && live.isLive(r.get("pair_id").toString(), (Long) r.get("kafka_offset"))) {
            n++;
          }
        }
      }
    }
    return n;
  }

  /**
   * A WebDataset key: {@link FigureRows#sampleKey}, the stem the figures table's image path has
   * too.
   */
  static String key(String pairId) {
    return FigureRows.sampleKey(pairId);
  }

  private static void writeSample(TarArchiveOutputStream tar, GenericRecord r) throws IOException {
    String key = key(r.get("pair_id").toString());
    java.nio.ByteBuffer image = (java.nio.ByteBuffer) ((GenericRecord) r.get("image")).get("bytes");
    byte[] jpeg = new byte[image.remaining()];
    image.duplicate().get(jpeg);
    entry(tar, key + ".jpg", jpeg);
    entry(tar, key + ".txt", String.valueOf(r.get("caption")).getBytes(StandardCharsets.UTF_8));
    entry(tar, key + ".json", JSON.writeValueAsBytes(metadata(r)));
  }

  private static ObjectNode metadata(GenericRecord r) {
    ObjectNode json = JSON.createObjectNode();
    for (String column :
        List.of(
            "pair_id",
            "pmcid",
            "article_version",
            "article_doi",
            "journal",
            "year",
            "license",
            "license_url",
            "subset",
            "figure_id",
            "label",
            "figure_doi",
            "image_width",
            "image_height",
            "pixel_sha256",
            "duplicate_of",
            "panel_type",
            "source",
            "pipeline_version")) {
      Object v = r.get(column);
      if (v instanceof Integer i) {
        json.put(column, i);
      } else if (v != null) {
        json.put(column, v.toString());
      }
    }
    ArrayNode labels = json.putArray("global_labels");
    Object global = r.get("global_labels");
    if (global != null) {
      for (Object o : (List<?>) global) {
        GenericRecord c = (GenericRecord) o;
        labels
            .addObject()
            .put("concept", c.get("concept").toString())
            .put("score", (Float) c.get("score"));
      }
    }
    return json;
  }

  private static void entry(TarArchiveOutputStream tar, String name, byte[] bytes)
      throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(bytes.length);
    e.setModTime(0);
    tar.putArchiveEntry(e);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }
}
