package org.figstream.processors.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncoderDescriptorTest {
  private static final String IMAGE =
      """
      {"name": "img", "kind": "image", "model": "%s", "input": "pixels", "size": 224,
       "output": "features", "dimensions": 1280%s}
      """;
  private static final String TEXT =
      """
      {"name": "txt", "kind": "text", "model": "%s", "tokenizer": "%s", "output": "last_hidden_state",
       "pooling": "mean", "dimensions": 384%s}
      """;

  @TempDir Path dir;

  @Test
  void shouldResolveRelativeModelAndTokenizerAgainstTheDescriptorsFolder() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("models/minilm"));
    EncoderDescriptor d =
        EncoderDescriptor.read(
            write(
                folder.resolve("text.json"),
                TEXT.formatted("model.onnx", "../shared/tokenizer.json", "")));

    assertThat(d.model()).isEqualTo(folder.resolve("model.onnx").toString());
    assertThat(d.tokenizer()).isEqualTo(dir.resolve("models/shared/tokenizer.json").toString());
  }

  @Test
  void shouldKeepAbsoluteAndClasspathReferencesAsTheyAre() throws IOException {
    String absolute = dir.resolve("elsewhere/model.onnx").toString();
    EncoderDescriptor image =
        EncoderDescriptor.read(write(dir.resolve("image.json"), IMAGE.formatted(absolute, "")));
    EncoderDescriptor text =
        EncoderDescriptor.read(
            write(
                dir.resolve("text.json"),
                TEXT.formatted(
                    "classpath:all-minilm-l6-v2.onnx",
                    "classpath:all-minilm-l6-v2-tokenizer.json",
                    "")));

    assertThat(image.model()).isEqualTo(absolute);
    assertThat(image.tokenizer()).isNull();
    assertThat(text.model()).isEqualTo("classpath:all-minilm-l6-v2.onnx");
    assertThat(text.tokenizer()).isEqualTo("classpath:all-minilm-l6-v2-tokenizer.json");
  }

  @Test
  void shouldFillImageDefaults() throws IOException {
    EncoderDescriptor d =
        EncoderDescriptor.read(write(dir.resolve("image.json"), IMAGE.formatted("m.onnx", "")));

    assertThat(d.isImage()).isTrue();
    assertThat(d.layout()).isEqualTo("NCHW");
    assertThat(d.resize()).isEqualTo("squash");
    assertThat(d.scale()).isEqualTo(255f);
    assertThat(d.mean()).containsExactly(0f, 0f, 0f);
    assertThat(d.std()).containsExactly(1f, 1f, 1f);
    assertThat(d.pooling()).isEqualTo("none");
    assertThat(d.normalize()).isFalse();
  }

  @Test
  void shouldFillTextDefaults() throws IOException {
    EncoderDescriptor d =
        EncoderDescriptor.read(
            write(dir.resolve("text.json"), TEXT.formatted("m.onnx", "t.json", "")));

    assertThat(d.isImage()).isFalse();
    assertThat(d.maxTokens()).isEqualTo(256);
    assertThat(d.idsInput()).isEqualTo("input_ids");
    assertThat(d.maskInput()).isNull();
    assertThat(d.typesInput()).isNull();
  }

  @Test
  void shouldUpperCaseTheLayout() throws IOException {
    EncoderDescriptor d =
        EncoderDescriptor.read(
            write(dir.resolve("image.json"), IMAGE.formatted("m.onnx", ", \"layout\": \"nhwc\"")));

    assertThat(d.layout()).isEqualTo("NHWC");
  }

  @Test
  void shouldReadTheBuiltInDescriptorsOfTheModelsFolder() {
    EncoderDescriptor image = BuiltinModels.resolve(BuiltinModels.IMAGE);
    EncoderDescriptor text = BuiltinModels.resolve(BuiltinModels.TEXT);

    assertThat(image.name()).isEqualTo("mobilenet-v2-nsfwjs");
    assertThat(image.layout()).isEqualTo("NHWC");
    assertThat(image.size()).isEqualTo(224);
    assertThat(image.dimensions()).isEqualTo(1280);
    assertThat(text.name()).isEqualTo("e5-small-v2");
    assertThat(text.pooling()).isEqualTo("mean");
    assertThat(text.dimensions()).isEqualTo(384);
    assertThat(text.maxTokens()).isEqualTo(256);
    assertThat(text.prefix(TextRole.CAPTION)).isEmpty();
    assertThat(text.prefix(TextRole.CONCEPT)).isEmpty();
    assertThat(text.dynamicQuantization()).isFalse();
    EncoderDescriptor minilm = BuiltinModels.resolve(BuiltinModels.MINILM);
    assertThat(minilm.name()).isEqualTo("all-MiniLM-L6-v2");
    assertThat(minilm.dimensions()).isEqualTo(384);
    EncoderDescriptor int8 = BuiltinModels.resolve(BuiltinModels.E5_INT8);
    assertThat(int8.name()).isEqualTo("e5-small-v2-q");
    assertThat(int8.model()).isEqualTo("classpath:e5-small-v2-q.onnx");
    assertThat(int8.dynamicQuantization()).isTrue();
  }

  @Test
  void shouldRefuseDynamicQuantizationOnAnImageEncoder() throws IOException {
    Path file =
        write(
            dir.resolve("img.json"), IMAGE.formatted("m.onnx", ", \"dynamicQuantization\": true"));

    assertThatThrownBy(() -> EncoderDescriptor.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dynamicQuantization is for text encoders");
  }

  @Test
  void shouldReadAPrefixForEachRoleAndDefaultToNone() throws IOException {
    EncoderDescriptor prefixed =
        EncoderDescriptor.read(
            write(
                dir.resolve("e5.json"),
                TEXT.formatted(
                    "m.onnx",
                    "t.json",
                    ", \"captionPrefix\": \"query: \", \"conceptPrefix\": \"passage: \"")));
    EncoderDescriptor plain =
        EncoderDescriptor.read(
            write(dir.resolve("plain.json"), TEXT.formatted("m.onnx", "t.json", "")));

    assertThat(prefixed.prefix(TextRole.CAPTION)).isEqualTo("query: ");
    assertThat(prefixed.prefix(TextRole.CONCEPT)).isEqualTo("passage: ");
    assertThat(plain.prefix(TextRole.CAPTION)).isEmpty();
    assertThat(plain.prefix(TextRole.CONCEPT)).isEmpty();
  }

  @Test
  void shouldRefuseAPrefixOnAnImageEncoder() throws IOException {
    Path file =
        write(dir.resolve("img.json"), IMAGE.formatted("m.onnx", ", \"captionPrefix\": \"x\""));

    assertThatThrownBy(() -> EncoderDescriptor.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prefixes are for text encoders");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "name      | {\"kind\": \"image\", \"model\": \"m\", \"input\": \"x\", \"size\": 2, \"output\": \"o\", \"dimensions\": 3}",
        "model     | {\"name\": \"n\", \"kind\": \"image\", \"input\": \"x\", \"size\": 2, \"output\": \"o\", \"dimensions\": 3}",
        "output    | {\"name\": \"n\", \"kind\": \"image\", \"model\": \"m\", \"input\": \"x\", \"size\": 2, \"dimensions\": 3}",
        "input     | {\"name\": \"n\", \"kind\": \"image\", \"model\": \"m\", \"size\": 2, \"output\": \"o\", \"dimensions\": 3}",
        "tokenizer | {\"name\": \"n\", \"kind\": \"text\", \"model\": \"m\", \"output\": \"o\", \"dimensions\": 3}",
        "kind      | {\"name\": \"n\", \"model\": \"m\", \"input\": \"x\", \"size\": 2, \"output\": \"o\", \"dimensions\": 3}",
      })
  void shouldRefuseAMissingRequiredField(String field, String json) throws IOException {
    Path file = write(dir.resolve(field + ".json"), json);

    assertThatThrownBy(() -> EncoderDescriptor.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("'" + field + "'");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "kind, audio, NHWC, none, squash",
    "layout, image, CHWN, none, squash",
    "pooling, image, NHWC, max, squash",
    "resize, image, NHWC, none, pad",
  })
  void shouldRefuseAValueOutsideTheAllowedOnes(
      String field, String kind, String layout, String pooling, String resize) throws IOException {
    Path file =
        write(
            dir.resolve("bad.json"),
            """
        {"name": "n", "kind": "%s", "model": "m", "input": "x", "size": 2, "layout": "%s", "pooling": "%s",
         "resize": "%s", "output": "o", "dimensions": 3}
        """
                .formatted(kind, layout, pooling, resize));

    assertThatThrownBy(() -> EncoderDescriptor.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + field + "' must be one of");
  }

  @Test
  void shouldRefuseUnknownProperties() throws IOException {
    Path file = write(dir.resolve("typo.json"), IMAGE.formatted("m.onnx", ", \"normalise\": true"));

    assertThatThrownBy(() -> EncoderDescriptor.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("normalise");
  }

  @Test
  void shouldRefuseAnImageEncoderWithoutSize() throws IOException {
    Path file =
        write(
            dir.resolve("nosize.json"),
            IMAGE.formatted("m.onnx", "").replace("\"size\": 224,", ""));

    assertThatThrownBy(() -> EncoderDescriptor.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("size > 0");
  }

  private static Path write(Path file, String json) throws IOException {
    return Files.writeString(file, json);
  }
}
