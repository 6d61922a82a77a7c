// Check our export against the reference ONNX (and against tfjs itself) on real sample images and
// on random inputs. Exits non-zero if any max |difference| exceeds 1e-4.
//
// Usage: node check.mjs [ours.onnx] [reference.onnx]
//   defaults: ../../models/mobilenet_v2_features.onnx and /work/shared/models/mobilenet_v2_features.onnx
//   (REF_ONNX=... also sets the reference). Needs `java` (JDK 17+) to decode the images: Node has no
//   image decoder without extra packages, so Preprocess.java writes the input tensors.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import * as tf from '@tensorflow/tfjs';
import { load } from 'nsfwjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.join(here, '../..');
const oursPath = path.resolve(process.argv[2] ?? path.join(repo, 'models/mobilenet_v2_features.onnx'));
const refPath = path.resolve(process.argv[3] ?? process.env.REF_ONNX ?? '/work/shared/models/mobilenet_v2_features.onnx');
const TOL = 1e-4;
const S = 224 * 224 * 3;

// Real figures from the repo's samples: photos, plots, tables; JPEG, PNG and TIFF (RGB and grey).
const IMAGES = [
  'elife-46793-v1/fig1.jpg',
  'elife-30274-v1/fig1.jpg',
  'elife-46472-v3/fig3.jpg',
  'elife-46793-v1/fig8-figsupp1.jpg',
  'pone.0093988/g002.png',
  'pone.0091296/g001.png',
  'pone.0091296/t004.png',
  'pone.0038869/pone.0038869.g001.tif',
  'elife-19405/elife-19405-fig1.tif',
  'pone.0056489/pone.0056489.g003.tif',
].map((p) => path.join(repo, 'samples/articles', p));

// TIFF needs the TwelveMonkeys ImageIO plugin; take it from the local Maven repository if present
// (newest version of each artifact), otherwise TIFFs are skipped by Preprocess.java.
function twelveMonkeysClasspath() {
  const root = path.join(process.env.M2_REPO ?? path.join(os.homedir(), '.m2/repository'), 'com/twelvemonkeys');
  const jars = [];
  for (const group of ['common', 'imageio']) {
    const g = path.join(root, group);
    if (!fs.existsSync(g)) continue;
    for (const artifact of fs.readdirSync(g).sort()) {
      const versions = fs.readdirSync(path.join(g, artifact)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
      const v = versions.at(-1);
      const jar = path.join(g, artifact, v, `${artifact}-${v}.jar`);
      if (v && fs.existsSync(jar)) jars.push(jar);
    }
  }
  return jars.join(path.delimiter);
}

// ---- inputs ------------------------------------------------------------------------------------
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mobilenet-check-'));
const cp = twelveMonkeysClasspath();
const listing = execFileSync('java', [...(cp ? ['-cp', cp] : []), path.join(here, 'Preprocess.java'), tmp, ...IMAGES], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const real = listing.trim().split('\n').filter(Boolean).map((line) => {
  const [file, size, src] = line.split('\t');
  const data = new Float32Array(fs.readFileSync(path.join(tmp, file)).buffer.slice(0));
  if (data.length !== S) throw new Error(`${file}: ${data.length} floats`);
  return { label: `${path.relative(repo, src)} (${size})`, data };
});
fs.rmSync(tmp, { recursive: true, force: true });
if (real.length < 5) throw new Error(`only ${real.length} images decoded, need at least 5`);

// Random inputs from a fixed-seed PRNG (mulberry32): uniform [0,1], as x/255 would give.
let seed = 20240601;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const random = Array.from({ length: 4 }, (_, i) => ({ label: `random #${i}`, data: Float32Array.from({ length: S }, rand) }));
const inputs = [...real, ...random];

// ---- run -------------------------------------------------------------------------------------
async function runOnnx(file) {
  const session = await ort.InferenceSession.create(file);
  const out = [];
  for (const { data } of inputs) {
    const r = await session.run({ input_nhwc: new ort.Tensor('float32', data, [1, 224, 224, 3]) });
    if (r.features.dims.join() !== '1,1280') throw new Error(`features dims ${r.features.dims}`);
    out.push(r.features.data);
  }
  return out;
}
const ours = await runOnnx(oursPath);
const ref = await runOnnx(refPath);

// The batch dimension N is symbolic: all inputs in one batch must give the per-input results.
const batched = await (await ort.InferenceSession.create(oursPath)).run({
  input_nhwc: new ort.Tensor('float32', Float32Array.from(inputs.flatMap(({ data }) => Array.from(data))), [inputs.length, 224, 224, 3]),
});
if (batched.features.dims.join() !== `${inputs.length},1280`) throw new Error(`batched dims ${batched.features.dims}`);

// tfjs on the original model, cut at the same layer: shows the export is faithful to the source too.
await tf.setBackend('cpu');
const full = (await load('MobileNetV2')).model;
const cut = tf.model({ inputs: full.inputs, outputs: full.getLayer('flatten_1').output });
const tfjs = inputs.map(({ data }) => tf.tidy(() => cut.predict(tf.tensor4d(data, [1, 224, 224, 3])).dataSync()));

const maxAbs = (a, b) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
let worstRef = 0;
let worstTf = 0;
console.log('\nmax |ours - reference|   max |ours - tfjs|   max |feature|   input');
inputs.forEach(({ label }, i) => {
  const dRef = maxAbs(ours[i], ref[i]);
  const dTf = maxAbs(ours[i], tfjs[i]);
  worstRef = Math.max(worstRef, dRef);
  worstTf = Math.max(worstTf, dTf);
  const peak = ours[i].reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  console.log(`${dRef.toExponential(2).padStart(22)}   ${dTf.toExponential(2).padStart(17)}   ${peak.toFixed(3).padStart(13)}   ${label}`);
});
console.log(`\n${real.length} images + ${random.length} random inputs`);
console.log(`max abs difference ours vs reference: ${worstRef.toExponential(3)}`);
console.log(`max abs difference ours vs tfjs:      ${worstTf.toExponential(3)}`);
const worstBatch = inputs.reduce((m, _, i) => Math.max(m, maxAbs(ours[i], batched.features.data.subarray(i * 1280, (i + 1) * 1280))), 0);
console.log(`max abs difference batch (N=${inputs.length}) vs one by one: ${worstBatch.toExponential(3)}`);
const ok = worstRef <= TOL && worstTf <= TOL && worstBatch <= TOL;
console.log(ok ? `OK (<= ${TOL})` : `FAIL (> ${TOL})`);
process.exit(ok ? 0 : 1);
