package org.figstream.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.embed.BuiltinModels;
import org.figstream.processors.embed.EmbeddingSettings;
import org.figstream.processors.label.LabelSettings;
import org.figstream.processors.ocr.OcrDefault;
import picocli.CommandLine.Option;

/**
 * Which encoders embed figures, where they run, how work is batched, and how figures are labelled.
 */
final class AnnotationOptions {
  enum Device {
    cpu,
    cuda,
    tensorrt
  }

  @Option(
      names = "--image-model",
      defaultValue = BuiltinModels.IMAGE,
      description =
          "Image encoder: the built-in ${DEFAULT-VALUE} (1280-d), an encoder descriptor JSON "
              + "file (see models/README.md), or none (default: ${DEFAULT-VALUE}).")
  String imageModel;

  @Option(
      names = "--text-model",
      defaultValue = BuiltinModels.TEXT,
      description =
          "Caption encoder: the built-in ${DEFAULT-VALUE}, "
              + BuiltinModels.E5_INT8
              + " (its int8 weights: half the CPU time, labels a little worse) or "
              + BuiltinModels.MINILM
              + " (384-d each), a descriptor file, or none (default: ${DEFAULT-VALUE}).")
  String textModel;

  @Option(
      names = "--labels",
      defaultValue = "zero-shot",
      description =
          "zero-shot (captions against concept descriptions), biomedica-clusters (BIOMEDICA's "
              + "PCA + KMeans cluster labels, needs --clusters) or none (default: ${DEFAULT-VALUE}).")
  String labels;

  @Option(
      names = "--concept-descriptions",
      description =
          "A concept-descriptions JSON file replacing the "
              + "built-in one (same form as processors/.../label/concept-descriptions.json).")
  Path descriptions;

  @Option(
      names = "--clusters",
      description =
          "Folder with pca_mean.npy, pca_components.npy, centroids.npy "
              + "and cluster_labels.json, for --labels biomedica-clusters.")
  Path clusters;

  @Option(
      names = "--top-k",
      defaultValue = "3",
      description = "Global and local concepts kept per figure (default: ${DEFAULT-VALUE}).")
  int topK;

  @Option(
      names = "--ambiguous-below",
      defaultValue = "0.5",
      description =
          "Zero-shot: a figure whose calibrated top score is under this is labelled Ambiguous"
              + " first, its candidates after; 0: never (default: ${DEFAULT-VALUE}).")
  double ambiguousBelow;

  @Option(
      names = "--device",
      defaultValue = "cpu",
      description =
          "Where encoders run: cpu, cuda or tensorrt; cuda and tensorrt need the GPU build "
              + "(./mvnw -Pgpu) on a node with CUDA 12 and cuDNN 9 (and TensorRT 10) (default: ${DEFAULT-VALUE}).")
  Device device;

  @Option(
      names = "--device-id",
      defaultValue = "0",
      description = "GPU index (default: ${DEFAULT-VALUE}).")
  int deviceId;

  @Option(
      names = "--fp16",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "TensorRT: build FP16 engines (default: ${DEFAULT-VALUE}).")
  boolean fp16;

  @Option(
      names = "--inference-threads",
      defaultValue = "1",
      description =
          "CPU threads per model call; 0 lets ONNX Runtime use every core. One thread per call"
              + " and one call per core (--inference-concurrency 0) gave the most figures per"
              + " second on the CPU (default: ${DEFAULT-VALUE}).")
  int inferenceThreads;

  @Option(
      names = "--batch-size",
      defaultValue = "16",
      description = "Most images or captions in one model call (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--batch-wait",
      defaultValue = "PT0.02S",
      description =
          "Longest a batch waits to fill before it runs, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration batchWait;

  @Option(
      names = "--inference-concurrency",
      defaultValue = "0",
      description =
          "Batches of one model run at once; 0: one per core on the CPU, one on a GPU"
              + " (default: ${DEFAULT-VALUE}).")
  int inferenceConcurrency;

  @Option(
      names = "--ocr",
      negatable = true,
      // --ocr is true and --no-ocr false whatever APP_OCR says (without it, picocli's negatable
      // options flip the default)
      fallbackValue = "true",
      description =
          "Read the text in each figure's image (PaddleOCR lines with boxes and scores) onto its record"
              + " and dataset row. Default: off with --device cpu (reading costs about 25 times the"
              + " text detection the labeller runs), on with cuda or tensorrt.")
  Boolean ocr;

  EmbeddingSettings embedding(Path dataDir) {
    Accelerator accelerator =
        new Accelerator(
            device.name(),
            deviceId,
            fp16,
            device == Device.tensorrt ? dataDir.resolve("cache/tensorrt") : null,
            inferenceThreads);
    return new EmbeddingSettings(
        imageModel, textModel, accelerator, batchSize, batchWait, concurrency());
  }

  /** The batches of one model at once: as asked, or by default one per core on the CPU. */
  int concurrency() {
    if (inferenceConcurrency > 0) {
      return inferenceConcurrency;
    }
    return device == Device.cpu ? Runtime.getRuntime().availableProcessors() : 1;
  }

  /** Whether figures are read: as asked, or by default where a GPU runs the models. */
  boolean ocr(Path dataDir) {
    return OcrDefault.enabled(ocr, embedding(dataDir).accelerator());
  }

  LabelSettings labelling() {
    return new LabelSettings(labels, descriptions, clusters, topK, ambiguousBelow);
  }
}
