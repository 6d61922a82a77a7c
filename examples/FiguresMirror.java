import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A dataset mirror in one file: follows the figures topic with plain Kafka and Avro (no figstream code),
 * keeps the live pairs (an upsert replaces a pair, a tombstone deletes it) and writes each image to
 * OUT/<pair id with / as _>.jpg (PMC99000001_fig1_1.jpg). Run it from the repository root while `./figstream run --sample` is running:
 *
 *   java -cp "app/target/lib/*" examples/FiguresMirror.java 127.0.0.1:PORT mirror-out 20
 */
public class FiguresMirror {
  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    Path out = Path.of(args.length > 1 ? args[1] : "mirror-out");
    Duration idle = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 30);
    Schema schema = new Schema.Parser().parse(Path.of("records/schemas/figure.v3.avsc").toFile());
    BinaryMessageDecoder<GenericRecord> decoder = new BinaryMessageDecoder<>(GenericData.get(), schema);
    Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "group.id", "figures-mirror-" + Instant.now(),
        "auto.offset.reset", "earliest", "isolation.level", "read_committed");
    Map<String, String> live = new TreeMap<>();
    Files.createDirectories(out);
    try (KafkaConsumer<String, byte[]> consumer =
             new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of("figures"));
      Instant lastRecord = Instant.now();
      while (Duration.between(lastRecord, Instant.now()).compareTo(idle) < 0) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          lastRecord = Instant.now();
          Path file = out.resolve(r.key().replace('/', '_') + ".jpg");
          if (r.value() == null) {             // tombstone: superseded, retracted or removed
            live.remove(r.key());
            Files.deleteIfExists(file);
            continue;
          }
          GenericRecord pair = decoder.decode(r.value());
          GenericRecord figure = (GenericRecord) pair.get("figure");
          GenericRecord image = (GenericRecord) pair.get("image");
          if (image != null) {
            ByteBuffer jpeg = (ByteBuffer) image.get("jpeg");
            byte[] bytes = new byte[jpeg.remaining()];
            jpeg.get(bytes);
            Files.write(file, bytes);
          }
          live.put(r.key(), String.valueOf(figure.get("caption")));
        }
      }
    }
    live.forEach((id, caption) -> System.out.println(id + "\t" + caption.substring(0, Math.min(70, caption.length()))));
    System.out.println(live.size() + " live pairs, images in " + out);
  }
}
