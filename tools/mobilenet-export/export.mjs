// Export the MobileNetV2 bundled in nsfwjs@4.3.0 (a tfjs layers model) as an ONNX image feature
// extractor: input `input_nhwc` float32 [N,224,224,3] (RGB, x/255), output `features` float32
// [N,1280] (the pooled feature, cut before the classifier's Dense layers).
//
// Usage: node export.mjs [out.onnx]   (default: ../../models/mobilenet_v2_features.onnx, next to this script)
//
// The weights come from the installed npm package (nsfwjs ships them as JS modules), so nothing is
// fetched at run time. The graph is built by walking the Keras layers one by one; each layer maps
// to one ONNX node named after it, which keeps the file easy to inspect against the tfjs model.
// Output is deterministic: no timestamps, fixed order, little-endian raw tensors.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { load } from 'nsfwjs';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const here = path.dirname(fileURLToPath(import.meta.url));
const outPath = process.argv[2]
  ? path.resolve(process.argv[2])
  : path.join(here, '../../models/mobilenet_v2_features.onnx');

const CUT_LAYER = 'flatten_1'; // last layer kept; after it come dense_1..dense_3 (the 5-class head)
const OUTPUT = 'features';
const INPUT = 'input_nhwc';

await tf.setBackend('cpu');
// nsfwjs resolves 'MobileNetV2' to its bundled dist/models/mobilenet_v2/*.min.js (model JSON and
// base64 weights) and loads them with tf.loadLayersModel; `.model` is the tf.LayersModel.
const model = (await load('MobileNetV2')).model;

// ---- small ONNX builders ---------------------------------------------------------------------
const nodes = [];
const initializers = [];
const initNames = new Set();

function floatTensor(name, dims, values) {
  // Write float32 little-endian explicitly, independent of the host byte order.
  const buf = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => buf.writeFloatLE(v, i * 4));
  return onnx.TensorProto.create({ dims, dataType: onnx.TensorProto.DataType.FLOAT, name, rawData: buf });
}
function int64Tensor(name, dims, values) {
  const buf = Buffer.alloc(values.length * 8);
  values.forEach((v, i) => buf.writeBigInt64LE(BigInt(v), i * 8));
  return onnx.TensorProto.create({ dims, dataType: onnx.TensorProto.DataType.INT64, name, rawData: buf });
}
function addInit(tensor) {
  // Shared constants (zero/six) are added once, when first used.
  if (!initNames.has(tensor.name)) {
    initNames.add(tensor.name);
    initializers.push(tensor);
  }
  return tensor.name;
}
const A = onnx.AttributeProto.AttributeType;
const attrInts = (name, ints) => onnx.AttributeProto.create({ name, ints, type: A.INTS });
const attrInt = (name, i) => onnx.AttributeProto.create({ name, i, type: A.INT });
const attrFloat = (name, f) => onnx.AttributeProto.create({ name, f, type: A.FLOAT });
const attrStr = (name, s) => onnx.AttributeProto.create({ name, s: Buffer.from(s), type: A.STRING });
function addNode(opType, name, input, output, attribute = []) {
  const n = { input, output: [output], name, opType };
  if (attribute.length) n.attribute = attribute;
  nodes.push(onnx.NodeProto.create(n));
}

// Keras 'same' with stride 1 pads symmetrically; for stride 2 the model uses explicit ZeroPadding2D
// + 'valid', so SAME_UPPER (extra pad at the end, as TF does) is exact for every 'same' here.
const autoPad = (padding) => ({ same: 'SAME_UPPER', valid: 'VALID' })[padding];

function assertPlain(layer, cfg) {
  // Only what MobileNetV2 uses is supported; fail loudly rather than export something wrong.
  if (cfg.activation !== 'linear') throw new Error(`${layer.name}: activation ${cfg.activation}`);
  if (cfg.dilationRate.some((d) => d !== 1)) throw new Error(`${layer.name}: dilation`);
  if (cfg.dataFormat !== 'channelsLast') throw new Error(`${layer.name}: dataFormat`);
}

// tfjs weights -> ONNX layout. tf.transpose on the CPU backend only moves values (bit-exact).
const conv2dKernel = (k) => tf.transpose(k, [3, 2, 0, 1]); // [kh,kw,cin,cout] -> [cout,cin,kh,kw]
function depthwiseKernel(k) {
  // [kh,kw,c,mult] -> [c,mult,kh,kw] -> [c*mult,1,kh,kw]: output channel c*mult+m reads input c.
  const [kh, kw, c, mult] = k.shape;
  return tf.transpose(k, [2, 3, 0, 1]).reshape([c * mult, 1, kh, kw]);
}
function addConv(layer, cfg, kernel, group) {
  const inputs = [layer.inboundNodes[0].inboundLayers[0].name, addInit(floatTensor(`${layer.name}_W`, kernel.shape, kernel.dataSync()))];
  const w = layer.getWeights();
  if (cfg.useBias) inputs.push(addInit(floatTensor(`${layer.name}_B`, w[1].shape, w[1].dataSync())));
  const attrs = [];
  if (group > 1) attrs.push(attrInt('group', group));
  attrs.push(attrInts('strides', cfg.strides), attrInts('kernel_shape', cfg.kernelSize), attrStr('auto_pad', autoPad(cfg.padding)));
  addNode('Conv', layer.name, inputs, layer.name, attrs);
}

// ---- walk the layers (model.layers is in topological order) ----------------------------------
let done = false;
for (const layer of model.layers) {
  if (done) break;
  const cfg = layer.getConfig();
  const name = layer.name;
  const src = layer.inboundNodes[0].inboundLayers.map((l) => l.name);
  switch (layer.getClassName()) {
    case 'InputLayer':
      // ONNX Conv is NCHW; the model's input is NHWC. One Transpose at the input, named after the
      // Keras input layer so the rest of the graph can refer to it by that name.
      addNode('Transpose', name, [INPUT], name, [attrInts('perm', [0, 3, 1, 2])]);
      break;
    case 'ZeroPadding2D': {
      // Keras [[top,bottom],[left,right]] on H,W -> ONNX pads [N,C,H,W begins, N,C,H,W ends].
      const [[t, b], [l, r]] = cfg.padding;
      addNode('Pad', name, [src[0], addInit(int64Tensor(`${name}_pads`, [8], [0, 0, t, l, 0, 0, b, r]))], name);
      break;
    }
    case 'Conv2D':
      assertPlain(layer, cfg);
      addConv(layer, cfg, conv2dKernel(layer.getWeights()[0]), 1);
      break;
    case 'DepthwiseConv2D': {
      assertPlain(layer, cfg);
      const k = layer.getWeights()[0];
      addConv(layer, cfg, depthwiseKernel(k), k.shape[2]);
      break;
    }
    case 'BatchNormalization': {
      // Inference form; tfjs weight order is gamma, beta, moving mean, moving variance.
      if (cfg.axis !== -1 && cfg.axis !== 3) throw new Error(`${name}: BN axis ${cfg.axis}`);
      const [g, b, m, v] = layer.getWeights();
      const ins = [src[0]];
      for (const [suffix, t] of [['g', g], ['b', b], ['m', m], ['v', v]]) {
        ins.push(addInit(floatTensor(`${name}_${suffix}`, t.shape, t.dataSync())));
      }
      addNode('BatchNormalization', name, ins, name, [attrFloat('epsilon', cfg.epsilon)]);
      break;
    }
    case 'ReLU': {
      // ReLU6 = Clip(x, 0, 6); opset 13 takes min/max as scalar inputs.
      if (cfg.maxValue == null || (cfg.negativeSlope ?? 0) !== 0 || (cfg.threshold ?? 0) !== 0) throw new Error(`${name}: ReLU variant`);
      const lo = addInit(floatTensor('zero', [], [0]));
      const hi = addInit(floatTensor(cfg.maxValue === 6 ? 'six' : `${name}_max`, [], [cfg.maxValue]));
      addNode('Clip', name, [src[0], lo, hi], name);
      break;
    }
    case 'Add':
      addNode('Add', name, src, name);
      break;
    case 'AveragePooling2D':
      if (cfg.padding !== 'valid') throw new Error(`${name}: pool padding`);
      addNode('AveragePool', name, [src[0]], name, [attrInts('kernel_shape', cfg.poolSize), attrInts('strides', cfg.strides)]);
      break;
    case 'Flatten':
      // After the 7x7 pool the map is 1x1, so flattening NCHW gives the same order as Keras' NHWC.
      if (name !== CUT_LAYER) throw new Error(`unexpected Flatten ${name}`);
      addNode('Flatten', OUTPUT, [src[0]], OUTPUT, [attrInt('axis', 1)]);
      done = true;
      break;
    default:
      throw new Error(`unsupported layer ${layer.getClassName()} ${name}`);
  }
}
if (!done) throw new Error(`cut layer ${CUT_LAYER} not found`);

// ---- model ------------------------------------------------------------------------------------
const F = onnx.TensorProto.DataType.FLOAT;
const valueInfo = (name, dims) => onnx.ValueInfoProto.create({
  name,
  type: { tensorType: { elemType: F, shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } } },
});
const graph = onnx.GraphProto.create({
  node: nodes,
  name: 'mobilenet_v2_features',
  initializer: initializers,
  input: [valueInfo(INPUT, ['N', 224, 224, 3])],
  output: [valueInfo(OUTPUT, ['N', 1280])],
});
const modelProto = onnx.ModelProto.create({
  irVersion: 7, // the IR version that goes with opset 13
  producerName: 'nsfwjs-mobilenet_v2-to-onnx',
  graph,
  opsetImport: [{ domain: '', version: 13 }],
});
const bytes = onnx.ModelProto.encode(modelProto).finish();
fs.mkdirSync(path.dirname(outPath), { recursive: true });
fs.writeFileSync(outPath, bytes);
console.log(`wrote ${outPath}: ${bytes.length} bytes, ${nodes.length} nodes, ${initializers.length} initializers`);
