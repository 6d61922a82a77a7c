package org.figstream.processors.embed;

import java.nio.file.Path;

/**
 * Where the encoders run. CPU uses ONNX Runtime's default provider; CUDA and TensorRT need the GPU
 * build ({@code -Pgpu}, onnxruntime_gpu) and a GPU node with CUDA 12, cuDNN 9 and, for TensorRT,
 * TensorRT 10 installed.
 *
 * @param device {@code cpu}, {@code cuda} or {@code tensorrt}
 * @param deviceId the GPU to use
 * @param fp16 TensorRT: build FP16 engines
 * @param engineCache TensorRT: where built engines are kept between runs (under the data
 *     directory); building one takes minutes, loading a cached one seconds
 * @param threads CPU: intra-op threads per session, 0 for ONNX Runtime's default (all cores)
 */
public record Accelerator(
    String device, int deviceId, boolean fp16, Path engineCache, int threads) {
  public static final Accelerator CPU = new Accelerator("cpu", 0, false, null, 0);

  public Accelerator {
    if (!device.equals("cpu") && !device.equals("cuda") && !device.equals("tensorrt")) {
      throw new IllegalArgumentException("device must be cpu, cuda or tensorrt, not " + device);
    }
    if (device.equals("tensorrt") && engineCache == null) {
      throw new IllegalArgumentException("TensorRT needs an engine cache directory");
    }
  }
}
