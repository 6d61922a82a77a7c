package org.figstream.processors.embed;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.providers.OrtTensorRTProviderOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * Loads an ONNX file into a DJL model on the OnnxRuntime engine, with the session options the
 * accelerator asks for. The options are built here rather than through DJL's {@code ortDevice}
 * shortcut because that one cannot turn on FP16 or the TensorRT engine cache.
 */
public final class OrtModels {
  static final String INTRA_OP_SPINNING = "session.intra_op.allow_spinning";
  static final String INTER_OP_SPINNING = "session.inter_op.allow_spinning";

  private OrtModels() {}

  static Model load(EncoderDescriptor descriptor, Accelerator accelerator) {
    Device device =
        accelerator.device().equals("cpu") ? Device.cpu() : Device.gpu(accelerator.deviceId());
    Model model = Model.newInstance(descriptor.name(), device, "OnnxRuntime");
    try (InputStream in = ModelFiles.open(descriptor.model())) {
      model.load(in, Map.of("sessionOptions", sessionOptions(accelerator)));
      return model;
    } catch (IOException e) {
      model.close();
      throw new UncheckedIOException("cannot read model " + descriptor.model(), e);
    } catch (MalformedModelException | OrtException | RuntimeException e) {
      model.close();
      String hint =
          accelerator.device().equals("cpu")
              ? ""
              : " ("
                  + accelerator.device()
                  + " needs the GPU build, "
                  + "./mvnw -Pgpu, on a node with CUDA 12 and cuDNN 9"
                  + (accelerator.device().equals("tensorrt") ? " and TensorRT 10" : "")
                  + "; this build or node has no such provider)";
      throw new IllegalStateException(
          "cannot load model "
              + descriptor.name()
              + " from "
              + descriptor.model()
              + " on "
              + accelerator.device()
              + ": "
              + e.getMessage()
              + hint,
          e);
    }
  }

  /** Session options for the accelerator; the caller closes them. */
  public static OrtSession.SessionOptions sessionOptions(Accelerator accelerator)
      throws OrtException, IOException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    if (accelerator.threads() > 0) {
      options.setIntraOpNumThreads(accelerator.threads());
    }
    // Sequential execution (ONNX Runtime's default, which DJL keeps) runs one operator at a time
    // on
    // the intra-op pool; an inter-op pool would only sit there.
    options.setInterOpNumThreads(1);
    String spin = accelerator.spinning() ? "1" : "0";
    options.addConfigEntry(INTRA_OP_SPINNING, spin);
    options.addConfigEntry(INTER_OP_SPINNING, spin);
    switch (accelerator.device()) {
      case "tensorrt" -> {
        Files.createDirectories(accelerator.engineCache());
        OrtTensorRTProviderOptions trt = new OrtTensorRTProviderOptions(accelerator.deviceId());
        trt.add("trt_fp16_enable", accelerator.fp16() ? "1" : "0");
        trt.add("trt_engine_cache_enable", "1");
        trt.add("trt_engine_cache_path", accelerator.engineCache().toString());
        options.addTensorrt(trt);
        // Nodes TensorRT cannot take fall back to CUDA, then to the CPU.
        options.addCUDA(accelerator.deviceId());
      }
      case "cuda" -> options.addCUDA(accelerator.deviceId());
      default -> {}
    }
    return options;
  }
}
