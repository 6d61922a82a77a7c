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
 * @param threads CPU: intra-op threads per session, 0 for ONNX Runtime's default (one per physical
 *     core)
 * @param spinning whether ONNX Runtime's pool threads spin-wait for work between and after
 *     operators ({@code session.intra_op.allow_spinning} and {@code
 *     session.inter_op.allow_spinning}). Off by default: with an image and a text session each
 *     owning a pool as large as the machine, spinning threads burn the cores the other session and
 *     the preprocessing need (measured in docs/benchmarks.md, "Hot path")
 */
public record Accelerator(
    String device, int deviceId, boolean fp16, Path engineCache, int threads, boolean spinning) {
  public static final Accelerator CPU = new Accelerator("cpu", 0, false, null, 0, false);

  public Accelerator {
    if (!device.equals("cpu") && !device.equals("cuda") && !device.equals("tensorrt")) {
      throw new IllegalArgumentException("device must be cpu, cuda or tensorrt, not " + device);
    }
    if (device.equals("tensorrt") && engineCache == null) {
      throw new IllegalArgumentException("TensorRT needs an engine cache directory");
    }
    if (threads < 0) {
      throw new IllegalArgumentException("inference threads must be 0 (default) or more");
    }
  }

  /** Without spin-waiting, the default. */
  public Accelerator(String device, int deviceId, boolean fp16, Path engineCache, int threads) {
    this(device, deviceId, fp16, engineCache, threads, false);
  }

  /** The same accelerator with pool threads spinning or not. */
  public Accelerator withSpinning(boolean spin) {
    return new Accelerator(device, deviceId, fp16, engineCache, threads, spin);
  }
}
