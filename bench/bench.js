// Benchmarks of the built package (dist/) against the hand-written limit and
// schema-library peers with the same rules, all in one process so that the
// ratios compare runs on the same machine at the same time. Each case handles
// the same array of distinct objects per call; figures are medians per object.
// Run with `npm run bench`.
import { CreateImageVariationUsage$inboundSchema as orqSchema } from '@orq-ai/node/models/operations/createimagevariation.js';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Type } from '@sinclair/typebox';
import { type } from 'arktype';
import { do_not_optimize, measure } from 'mitata';
import * as v from 'valibot';
import { z } from 'zod';
import {
  ImageUsageSchema,
  isImageUsage,
  parseImageUsage,
  safeParseImageUsage,
  StrictImageUsageSchema,
  sumImageUsage,
  WireImageUsageSchema,
  WireOrSdkImageUsageSchema,
} from '../dist/index.js';

// With --cached, every object carries cached tokens (every other one with their
// details): a run of its own, as a process that parses one producer's shapes
// (V8 tunes each function to the shapes it has met, and mixing the two runs'
// shapes in one process measures that mix instead).
const CACHED = process.argv.includes('--cached');
const N = 1024;
const SUM_N = 100_000;

/** A valid SDK-form object, different for each index; with `cached`, cached tokens too (every other one with details). */
function sdkUsage(index, cached = false) {
  const text = 50 + (index % 97);
  const image = index % 3 === 0 ? 0 : 823 + index;
  const outputText = index % 5;
  const outputImage = 4160 + (index % 7);
  const usage = {
    totalTokens: text + image + outputText + outputImage,
    inputTokens: text + image,
    outputTokens: outputText + outputImage,
    inputTokensDetails: { textTokens: text, imageTokens: image },
  };
  if (index % 2 === 0) usage.outputTokensDetails = { textTokens: outputText, imageTokens: outputImage };
  if (cached) {
    const cachedText = text >> 1;
    const cachedImage = image >> 2;
    usage.cachedTokens = cachedText + cachedImage;
    if (index % 2 === 1) usage.cachedTokensDetails = { cachedTextTokens: cachedText, cachedImageTokens: cachedImage };
  }
  return usage;
}

/** The same object in the wire form. */
function wireUsage(index, cached = false) {
  const u = sdkUsage(index, cached);
  const wire = {
    total_tokens: u.totalTokens,
    input_tokens: u.inputTokens,
    output_tokens: u.outputTokens,
    input_tokens_details: { text_tokens: u.inputTokensDetails.textTokens, image_tokens: u.inputTokensDetails.imageTokens },
  };
  if (u.outputTokensDetails) {
    wire.output_tokens_details = { text_tokens: u.outputTokensDetails.textTokens, image_tokens: u.outputTokensDetails.imageTokens };
  }
  if (u.cachedTokens !== undefined) wire.cached_tokens = u.cachedTokens;
  if (u.cachedTokensDetails) {
    const { cachedTextTokens, cachedImageTokens } = u.cachedTokensDetails;
    wire.cached_tokens_details = { cached_text_tokens: cachedTextTokens, cached_image_tokens: cachedImageTokens };
  }
  return wire;
}

/** An invalid SDK-form object: one nested count is a string. */
function invalidUsage(index) {
  const usage = sdkUsage(index, CACHED);
  usage.inputTokensDetails.imageTokens = String(usage.inputTokensDetails.imageTokens);
  return usage;
}

/**
 * An invalid SDK-form object with three broken fields: a negative count, a
 * string and an undefined details object. (A fresh literal: `delete` would
 * turn the object into a slow dictionary, and every object path that ever met
 * one with it, including the other cases'.)
 */
function threeInvalid(index) {
  const { inputTokens, outputTokens } = sdkUsage(index);
  return { totalTokens: -1, inputTokens: String(inputTokens), outputTokens, inputTokensDetails: undefined };
}

const sdk = Array.from({ length: N }, (_, index) => sdkUsage(index, CACHED));
const wire = Array.from({ length: N }, (_, index) => wireUsage(index, CACHED));
const invalid = Array.from({ length: N }, (_, index) => invalidUsage(index));
const invalid3 = Array.from({ length: N }, (_, index) => threeInvalid(index));
const manyUsages = Array.from({ length: SUM_N }, (_, index) => sdkUsage(index, CACHED));

// The hand-written limit: a type guard, and the guard plus building the output
// object, of the same shape as the package's (the cached fields optional).
const isCount = (value) => typeof value === 'number' && value >= 0 && value !== Infinity;
function handGuard(u) {
  if (typeof u !== 'object' || u === null) return false;
  if (!isCount(u.totalTokens) || !isCount(u.inputTokens) || !isCount(u.outputTokens)) return false;
  const i = u.inputTokensDetails;
  if (typeof i !== 'object' || i === null || !isCount(i.textTokens) || !isCount(i.imageTokens)) return false;
  const o = u.outputTokensDetails;
  if (o !== undefined && (typeof o !== 'object' || o === null || !isCount(o.textTokens) || !isCount(o.imageTokens))) return false;
  const c = u.cachedTokens;
  if (c !== undefined && !isCount(c)) return false;
  const d = u.cachedTokensDetails;
  return d === undefined || (typeof d === 'object' && d !== null && isCount(d.cachedTextTokens) && isCount(d.cachedImageTokens));
}
function handGuardAndCopy(u) {
  if (!handGuard(u)) return undefined;
  const i = u.inputTokensDetails;
  const o = u.outputTokensDetails;
  const out = { totalTokens: u.totalTokens, inputTokens: u.inputTokens, outputTokens: u.outputTokens, inputTokensDetails: { textTokens: i.textTokens, imageTokens: i.imageTokens } };
  if (o !== undefined) out.outputTokensDetails = { textTokens: o.textTokens, imageTokens: o.imageTokens };
  if (u.cachedTokens !== undefined) out.cachedTokens = u.cachedTokens;
  const d = u.cachedTokensDetails;
  if (d !== undefined) out.cachedTokensDetails = { cachedTextTokens: d.cachedTextTokens, cachedImageTokens: d.cachedImageTokens };
  return out;
}

// The same for the wire form: the guard of the wire keys, building the SDK-form output.
function handWireGuardAndCopy(u) {
  if (typeof u !== 'object' || u === null) return undefined;
  if (!isCount(u.total_tokens) || !isCount(u.input_tokens) || !isCount(u.output_tokens)) return undefined;
  const i = u.input_tokens_details;
  if (typeof i !== 'object' || i === null || !isCount(i.text_tokens) || !isCount(i.image_tokens)) return undefined;
  const o = u.output_tokens_details;
  if (o != null && (typeof o !== 'object' || !isCount(o.text_tokens) || !isCount(o.image_tokens))) return undefined;
  const c = u.cached_tokens;
  if (c !== undefined && !isCount(c)) return undefined;
  const d = u.cached_tokens_details;
  if (d != null && (typeof d !== 'object' || !isCount(d.cached_text_tokens) || !isCount(d.cached_image_tokens))) return undefined;
  const out = { totalTokens: u.total_tokens, inputTokens: u.input_tokens, outputTokens: u.output_tokens, inputTokensDetails: { textTokens: i.text_tokens, imageTokens: i.image_tokens } };
  if (o != null) out.outputTokensDetails = { textTokens: o.text_tokens, imageTokens: o.image_tokens };
  if (c !== undefined) out.cachedTokens = c;
  if (d != null) out.cachedTokensDetails = { cachedTextTokens: d.cached_text_tokens, cachedImageTokens: d.cached_image_tokens };
  return out;
}

// A hand-written sum that checks what sumImageUsage must check (a safe integer
// >= 0 per count, the cached ones optional; the usage and details objects, not
// functions), adds output without details as image output and cached tokens
// without details as the one kind of an input of one kind, as the sum does,
// and throws on the first bad element, without naming it.
const isSafeCount = (value) => Number.isSafeInteger(value) && value >= 0;
function handCheckedSum(usages) {
  let total = 0, input = 0, output = 0, inText = 0, inImage = 0, outText = 0, outImage = 0, cached = 0, cachedText = 0, cachedImage = 0;
  let anyDetails = false;
  for (const u of usages) {
    if (typeof u !== 'object' || u === null) throw new TypeError('bad element');
    const i = u.inputTokensDetails;
    const o = u.outputTokensDetails;
    const c = u.cachedTokens;
    const d = u.cachedTokensDetails;
    if (
      typeof i !== 'object' || i === null ||
      !isSafeCount(u.totalTokens) || !isSafeCount(u.inputTokens) || !isSafeCount(u.outputTokens) ||
      !isSafeCount(i.textTokens) || !isSafeCount(i.imageTokens) ||
      (o !== undefined && (typeof o !== 'object' || o === null || !isSafeCount(o.textTokens) || !isSafeCount(o.imageTokens))) ||
      (c !== undefined && !isSafeCount(c)) ||
      (d !== undefined && (typeof d !== 'object' || d === null || !isSafeCount(d.cachedTextTokens) || !isSafeCount(d.cachedImageTokens)))
    ) {
      throw new TypeError('bad element');
    }
    total += u.totalTokens; input += u.inputTokens; output += u.outputTokens;
    inText += i.textTokens; inImage += i.imageTokens;
    if (o === undefined) outImage += u.outputTokens;
    else { anyDetails = true; outText += o.textTokens; outImage += o.imageTokens; }
    if (c !== undefined) cached += c;
    if (d !== undefined) { cachedText += d.cachedTextTokens; cachedImage += d.cachedImageTokens; }
    else if (c > 0) { if (i.imageTokens === 0) cachedText += c; else if (i.textTokens === 0) cachedImage += c; }
  }
  if (!(Math.max(total, input, output, inText, inImage, outText, outImage, cached, cachedText, cachedImage) <= Number.MAX_SAFE_INTEGER)) throw new RangeError('too large');
  return [total, input, output, inText, inImage, outText, outImage, anyDetails, cached, cachedText, cachedImage];
}

// Peers with the same rules: every count a finite number >= 0, output details optional.
const count = v.pipe(v.number(), v.finite(), v.minValue(0));
const valibotDetails = v.object({ textTokens: count, imageTokens: count });
const plainValibot = v.object({
  totalTokens: count,
  inputTokens: count,
  outputTokens: count,
  inputTokensDetails: valibotDetails,
  outputTokensDetails: v.optional(valibotDetails),
});
const valibotWireDetails = v.object({ text_tokens: count, image_tokens: count });
const plainValibotWire = v.object({
  total_tokens: count,
  input_tokens: count,
  output_tokens: count,
  input_tokens_details: valibotWireDetails,
  output_tokens_details: v.nullish(valibotWireDetails),
});
// The strict rules in plain valibot: safe integers, and the sums checked on the parsed object.
const strictCount = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const strictDetails = v.object({ textTokens: strictCount, imageTokens: strictCount });
const plainValibotStrict = v.pipe(
  v.object({
    totalTokens: strictCount,
    inputTokens: strictCount,
    outputTokens: strictCount,
    inputTokensDetails: strictDetails,
    outputTokensDetails: v.optional(strictDetails),
  }),
  v.check(
    (u) =>
      u.totalTokens === u.inputTokens + u.outputTokens &&
      u.inputTokens === u.inputTokensDetails.textTokens + u.inputTokensDetails.imageTokens &&
      (u.outputTokensDetails === undefined || u.outputTokens === u.outputTokensDetails.textTokens + u.outputTokensDetails.imageTokens),
  ),
);
const zodCount = z.number().nonnegative(); // zod 4 numbers are finite
const zodDetails = z.object({ textTokens: zodCount, imageTokens: zodCount });
const zodSchema = z.object({
  totalTokens: zodCount,
  inputTokens: zodCount,
  outputTokens: zodCount,
  inputTokensDetails: zodDetails,
  outputTokensDetails: zodDetails.optional(),
});
// ArkType: '+': 'delete' drops unknown keys into a fresh object, as parseImageUsage does.
// (Its 'number >= 0' lets Infinity through: a slightly looser rule.)
const arkDetails = type({ '+': 'delete', textTokens: 'number >= 0', imageTokens: 'number >= 0' });
const arkSchema = type({
  '+': 'delete',
  totalTokens: 'number >= 0',
  inputTokens: 'number >= 0',
  outputTokens: 'number >= 0',
  inputTokensDetails: arkDetails,
  'outputTokensDetails?': arkDetails,
});
const tbCount = Type.Number({ minimum: 0 });
const tbDetails = Type.Object({ textTokens: tbCount, imageTokens: tbCount });
const typeboxCheck = TypeCompiler.Compile(
  Type.Object({
    totalTokens: tbCount,
    inputTokens: tbCount,
    outputTokens: tbCount,
    inputTokensDetails: tbDetails,
    outputTokensDetails: Type.Optional(tbDetails),
  }),
);

// Every case must accept every valid input and reject every invalid one, or its figure means nothing.
for (const [name, accepts] of [
  ['hand guard', handGuard],
  ['isImageUsage', isImageUsage],
  ['parseImageUsage', (x) => safeParseImageUsage(x).success],
  ['v.safeParse(ImageUsageSchema)', (x) => v.safeParse(ImageUsageSchema, x).success],
  ['plain valibot', (x) => v.safeParse(plainValibot, x).success],
  ['plain valibot strict', (x) => v.safeParse(plainValibotStrict, x).success],
  ['v.safeParse(StrictImageUsageSchema)', (x) => v.safeParse(StrictImageUsageSchema, x).success],
  ['v.safeParse(WireOrSdkImageUsageSchema)', (x) => v.safeParse(WireOrSdkImageUsageSchema, x).success],
  ['zod 4', (x) => zodSchema.safeParse(x).success],
  ['arktype', (x) => !(arkSchema(x) instanceof type.errors)],
  ['typebox', (x) => typeboxCheck.Check(x)],
]) {
  if (!sdk.every(accepts) || invalid.some(accepts)) throw new Error(`${name} does not agree with the rules`);
}
// The package and the hand-written limit give the same output, cached fields included.
for (const [form, inputs, hand] of [['SDK', sdk, handGuardAndCopy], ['wire', wire, handWireGuardAndCopy]]) {
  if (!inputs.every((x) => JSON.stringify(parseImageUsage(x)) === JSON.stringify(hand(x)) && (hand(x).cachedTokens > 0) === CACHED)) {
    throw new Error(`the ${form} parse and its hand-written limit disagree`);
  }
}
if (!wire.every((x) => orqSchema.safeParse(x).success)) throw new Error('orq schema rejects valid input');
for (const [name, accepts] of [
  ['hand wire guard', (x) => handWireGuardAndCopy(x) !== undefined],
  ['v.safeParse(WireImageUsageSchema)', (x) => v.safeParse(WireImageUsageSchema, x).success],
  ['plain valibot wire', (x) => v.safeParse(plainValibotWire, x).success],
]) {
  if (!wire.every(accepts)) throw new Error(`${name} rejects valid wire input`);
}
if (invalid3.some((x) => safeParseImageUsage(x).success || v.safeParse(plainValibot, x).success)) throw new Error('three broken fields pass');
{
  // The hand-written sum adds what sumImageUsage adds (half the usages have no output details, counted as image output).
  const ours = sumImageUsage(manyUsages);
  const hand = handCheckedSum(manyUsages);
  const same = [ours.totalTokens, ours.inputTokens, ours.outputTokens, ours.inputTokensDetails.textTokens, ours.inputTokensDetails.imageTokens];
  if (JSON.stringify(hand.slice(0, 5)) !== JSON.stringify(same) || hand[6] !== ours.outputTokensDetails.imageTokens || hand[7] !== true) throw new Error('the hand-written sum disagrees');
  if (invalid.some((x) => { try { handCheckedSum([x]); return true; } catch { return false; } })) throw new Error('the hand-written sum takes a bad element');
}

const cases = {
  'hand-written guard': () => { for (const x of sdk) do_not_optimize(handGuard(x)); },
  'hand-written guard + copy': () => { for (const x of sdk) do_not_optimize(handGuardAndCopy(x)); },
  'hand-written wire guard + copy': () => { for (const x of wire) do_not_optimize(handWireGuardAndCopy(x)); },
  isImageUsage: () => { for (const x of sdk) do_not_optimize(isImageUsage(x)); },
  'parseImageUsage (SDK)': () => { for (const x of sdk) do_not_optimize(parseImageUsage(x)); },
  'parseImageUsage (wire)': () => { for (const x of wire) do_not_optimize(parseImageUsage(x)); },
  'v.safeParse(ImageUsageSchema)': () => { for (const x of sdk) do_not_optimize(v.safeParse(ImageUsageSchema, x)); },
  'plain valibot object': () => { for (const x of sdk) do_not_optimize(v.safeParse(plainValibot, x)); },
  'v.safeParse(WireImageUsageSchema)': () => { for (const x of wire) do_not_optimize(v.safeParse(WireImageUsageSchema, x)); },
  'plain valibot object (wire)': () => { for (const x of wire) do_not_optimize(v.safeParse(plainValibotWire, x)); },
  'v.safeParse(StrictImageUsageSchema)': () => { for (const x of sdk) do_not_optimize(v.safeParse(StrictImageUsageSchema, x)); },
  'plain valibot object (strict)': () => { for (const x of sdk) do_not_optimize(v.safeParse(plainValibotStrict, x)); },
  'v.safeParse(WireOrSdkImageUsageSchema)': () => { for (const x of wire) do_not_optimize(v.safeParse(WireOrSdkImageUsageSchema, x)); },
  'zod 4': () => { for (const x of sdk) do_not_optimize(zodSchema.safeParse(x)); },
  'orq SDK schema (zod, wire)': () => { for (const x of wire) do_not_optimize(orqSchema.safeParse(x)); },
  arktype: () => { for (const x of sdk) do_not_optimize(arkSchema(x)); },
  'typebox compiled Check': () => { for (const x of sdk) do_not_optimize(typeboxCheck.Check(x)); },
  'invalid: safeParseImageUsage': () => { for (const x of invalid) do_not_optimize(safeParseImageUsage(x)); },
  'invalid: plain valibot': () => { for (const x of invalid) do_not_optimize(v.safeParse(plainValibot, x)); },
  'invalid: zod 4': () => { for (const x of invalid) do_not_optimize(zodSchema.safeParse(x)); },
  'invalid x3: safeParseImageUsage': () => { for (const x of invalid3) do_not_optimize(safeParseImageUsage(x)); },
  'invalid x3: plain valibot': () => { for (const x of invalid3) do_not_optimize(v.safeParse(plainValibot, x)); },
  'invalid x3: zod 4': () => { for (const x of invalid3) do_not_optimize(zodSchema.safeParse(x)); },
  'sumImageUsage (100k)': () => do_not_optimize(sumImageUsage(manyUsages)),
  'checked loop sum (100k)': () => do_not_optimize(handCheckedSum(manyUsages)),
  'plain loop sum (100k)': () => {
    let total = 0, input = 0, output = 0, inText = 0, inImage = 0, outText = 0, outImage = 0;
    let allDetails = true;
    for (const u of manyUsages) {
      total += u.totalTokens; input += u.inputTokens; output += u.outputTokens;
      inText += u.inputTokensDetails.textTokens; inImage += u.inputTokensDetails.imageTokens;
      const o = u.outputTokensDetails;
      if (o === undefined) allDetails = false;
      else { outText += o.textTokens; outImage += o.imageTokens; }
    }
    do_not_optimize([total, input, output, inText, inImage, outText, outImage, allDetails]);
  },
};
// Interleaved rounds: every case is measured once per round (mitata's
// measure: warm-up, batching, do_not_optimize), so a burst of load from
// another process hits all cases alike instead of a few. npm run bench runs
// node with --no-allocation-site-pretenuring: without it, V8 decides per run
// whether to allocate the outputs of a case straight into the old generation,
// and the cases that build objects (the guard plus copy, every parser) swing
// between two speeds from one run to the next. A case's figure is
// the median over rounds of its median; a ratio is the median over rounds of
// the ratio of the two medians in that round.
const ROUNDS = Number(process.argv.find((arg) => arg.startsWith('--rounds='))?.slice(9) ?? 7);
const only = process.argv.find((arg) => arg.startsWith('--filter='))?.slice('--filter='.length);
const names = Object.keys(cases).filter((name) => !only || only.split(',').some((part) => name.includes(part)));
const perRound = Object.fromEntries(names.map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const name of names) {
    const stats = await measure(cases[name], { min_cpu_time: 80e6 });
    perRound[name].push(stats.p50 / (name.includes('100k') ? SUM_N : N));
  }
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const perItem = (name) => median(perRound[name]);
const ratio = (a, b) => median(perRound[a].map((value, round) => value / perRound[b][round]));
const rows = names.map((name) => [name, perItem(name)]);
const date = new Date().toISOString().slice(0, 10);
console.log(`Medians per object (ns), ${ROUNDS} interleaved rounds, node ${process.version}, ${date}, cached fields ${CACHED ? 'present' : 'absent'}:`);
for (const [name, ns] of rows) console.log(`  ${name.padEnd(32)} ${ns.toFixed(1).padStart(9)}`);
if (only) process.exit(0);

// Peers that return a validated fresh object, as parseImageUsage does; TypeBox's
// compiled Check only answers true or false, so it is set against isImageUsage.
const peers = ['plain valibot object', 'zod 4', 'orq SDK schema (zod, wire)', 'arktype'];
const fastestPeer = (name) => Math.max(...peers.map((peer) => ratio(name, peer)));
const targets = [
  ['isImageUsage / hand-written guard', ratio('isImageUsage', 'hand-written guard'), 1.2],
  ['isImageUsage / typebox compiled Check', ratio('isImageUsage', 'typebox compiled Check'), 1],
  ['parseImageUsage (SDK) / guard + copy', ratio('parseImageUsage (SDK)', 'hand-written guard + copy'), 1.5],
  ['parseImageUsage (wire) / wire guard + copy', ratio('parseImageUsage (wire)', 'hand-written wire guard + copy'), 1.5],
  ['parseImageUsage (SDK) / fastest peer with output', fastestPeer('parseImageUsage (SDK)'), 1],
  ['parseImageUsage (wire) / fastest peer with output', fastestPeer('parseImageUsage (wire)'), 1],
  ['v.safeParse(ImageUsageSchema) / plain valibot', ratio('v.safeParse(ImageUsageSchema)', 'plain valibot object'), 0.1],
  ['v.safeParse(WireImageUsageSchema) / plain valibot', ratio('v.safeParse(WireImageUsageSchema)', 'plain valibot object (wire)'), 0.1],
  ['v.safeParse(StrictImageUsageSchema) / plain valibot', ratio('v.safeParse(StrictImageUsageSchema)', 'plain valibot object (strict)'), 0.1],
  ['v.safeParse(WireOrSdkImageUsageSchema) / plain valibot', ratio('v.safeParse(WireOrSdkImageUsageSchema)', 'plain valibot object (wire)'), 0.1],
  ['invalid, 1 field: safeParseImageUsage / plain valibot', ratio('invalid: safeParseImageUsage', 'invalid: plain valibot'), 1.2],
  ['invalid, 3 fields: safeParseImageUsage / plain valibot', ratio('invalid x3: safeParseImageUsage', 'invalid x3: plain valibot'), 1.2],
  ['invalid, 1 field: safeParseImageUsage / zod 4', ratio('invalid: safeParseImageUsage', 'invalid: zod 4'), undefined],
  ['invalid, 3 fields: safeParseImageUsage / zod 4', ratio('invalid x3: safeParseImageUsage', 'invalid x3: zod 4'), undefined],
  ['sumImageUsage / checked loop', ratio('sumImageUsage (100k)', 'checked loop sum (100k)'), 1.2],
  ['sumImageUsage / plain loop', ratio('sumImageUsage (100k)', 'plain loop sum (100k)'), undefined],
];
console.log(`\nTargets (median of per-round ratios), cached fields ${CACHED ? 'present' : 'absent'}:`);
for (const [name, value, limit] of targets) {
  const verdict = limit === undefined ? '' : `  target <= ${limit}  ${value <= limit ? 'met' : 'MISSED'}`;
  console.log(`  ${name.padEnd(56)} ${value.toFixed(3).padStart(7)}${verdict}`);
}
