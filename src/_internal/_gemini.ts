import { _GEMINI } from '../_shape.ts';
import type { ImageUsage } from '../types/index.ts';
import { _formatFigures, _formatNumber } from './_formatNumber.ts';
import { _isCount, _isStrictCount } from './_isCount.ts';

// The rules of the Gemini form (`_GEMINI` in `_shape.ts`), applied to a
// Gemini usage object whose shape is valid: by the fast path to the copy it
// makes, and by the schemas' checks and transformation to valibot's output.

/** One entry of a details array, as the shape allows it: `null` is proto3 JSON's default, as absent. */
interface Entry {
  readonly modality?: string | null | undefined;
  readonly tokenCount?: number | null | undefined;
}

/** A Gemini usage object whose shape is valid: counts, and arrays of entries, each absent, `null` or valid. */
export type _GeminiFields = Readonly<Record<string, number | readonly Entry[] | null | undefined>>;

/** One problem of a Gemini usage object: where, and what was expected and received. */
export interface _GeminiProblem {
  readonly path: readonly (string | number)[];
  readonly expected: string;
  readonly received: string;
}

const {
  counts: COUNTS,
  details: DETAILS,
  input: INPUT,
  output: OUTPUT,
  total: TOTAL,
  inputImage: INPUT_IMAGE,
  outputImage: OUTPUT_IMAGE,
  cached: CACHED,
  cachedImage: CACHED_IMAGE,
  modalities: MODALITIES,
  refused: REFUSED,
} = _GEMINI;

/** A count; absent or `null` is 0, as proto3 JSON leaves zeros out or writes `null` for them. */
function countOf(fields: _GeminiFields, key: string): number {
  return (fields[key] as number | null | undefined) ?? 0;
}

/** The token counts of a details array: of the entries of these modalities, or of all. */
function tokenCountsOf(fields: _GeminiFields, details: string, modalities?: readonly string[]): number[] {
  const counts: number[] = [];
  for (const { modality, tokenCount } of (fields[details] as readonly Entry[] | null | undefined) ?? []) {
    if (modalities === undefined || modalities.includes(modality ?? MODALITIES[0]!)) counts.push(tokenCount ?? 0);
  }
  return counts;
}

/** The tokens of a details array: of the entries of these modalities, or of all. */
function tokensOf(fields: _GeminiFields, details: string, modalities?: readonly string[]): number {
  return tokenCountsOf(fields, details, modalities).reduce((sum, count) => sum + count, 0);
}

/** The image tokens of one side: the entries of its image modalities in its details arrays. */
function imageTokensOf(fields: _GeminiFields, [details, modalities]: typeof INPUT_IMAGE): number {
  return details.reduce((sum, itemised) => sum + tokensOf(fields, itemised, modalities), 0);
}

/** The sum of some counts. */
function sumOf(fields: _GeminiFields, keys: readonly string[]): number {
  return keys.reduce((sum, key) => sum + countOf(fields, key), 0);
}

/**
 * The problems of a Gemini usage object whose shape is valid: an entry of a
 * refused modality (audio or video) with tokens, more image tokens than the
 * count they are part of, and under the strict rules any details array that
 * itemises more than its count, more cached tokens than input tokens (of a
 * kind), and a total that is not the sum of its parts.
 *
 * @param fields The usage object.
 * @param strict Whether the strict rules apply.
 *
 * @returns The problems, in the order of the fields; empty when there are none.
 */
export function _geminiProblems(fields: _GeminiFields, strict: boolean): _GeminiProblem[] {
  const problems: _GeminiProblem[] = [];
  for (const details of Object.keys(DETAILS)) {
    ((fields[details] as readonly Entry[] | null | undefined) ?? []).forEach(({ modality, tokenCount: count }, index) => {
      const tokenCount = count ?? 0;
      if (modality != null && REFUSED.includes(modality) && tokenCount > 0) {
        problems.push({
          path: [details, index, 'modality'],
          expected: `no ${REFUSED.join(' or ')} tokens (an ImageUsage has no place for them)`,
          received: `"${modality}" with ${_formatNumber(tokenCount)} token${tokenCount === 1 ? "" : "s"}`,
        });
      }
    });
  }
  for (const [details, count] of Object.entries(DETAILS)) {
    const image = [INPUT_IMAGE, OUTPUT_IMAGE, CACHED_IMAGE].find(([itemised]) => itemised.includes(details));
    // The image tokens must fit in their count to leave it a text part; strict, every entry must.
    if (image === undefined && !strict) continue;
    const modalities = strict ? undefined : image![1];
    const parts = tokenCountsOf(fields, details, modalities);
    const itemised = parts.reduce((sum, part) => sum + part, 0);
    if (itemised > countOf(fields, count)) {
      const [sum, figure] = _formatFigures(parts, itemised, countOf(fields, count));
      problems.push({ path: [count], expected: `>= ${sum} (the ${modalities ? `${modalities.join(' and ')} ` : ''}tokens of ${details})`, received: figure });
    }
  }
  // Each side of the ImageUsage must be a number: finite counts can add up past the largest one.
  for (const side of [INPUT, OUTPUT]) {
    if (!Number.isFinite(sumOf(fields, side))) {
      problems.push({ path: [side.find((key) => fields[key] != null)!], expected: `${side.join(' + ')} to be a finite number`, received: 'Infinity' });
    }
  }
  if (strict && fields[CACHED] != null) {
    // The cached tokens are part of the input, of each kind: the rules of an ImageUsage's cached fields.
    const cached = countOf(fields, CACHED);
    const cachedImage = imageTokensOf(fields, CACHED_IMAGE);
    const inputImage = imageTokensOf(fields, INPUT_IMAGE);
    const [image, text] = [`the ${INPUT_IMAGE[1].join(' and ')} tokens`, 'the other tokens'];
    for (const [part, bound, what, path] of [
      [cached, sumOf(fields, INPUT), INPUT.join(' + '), CACHED],
      [cachedImage, inputImage, `${image} of the input`, CACHED_IMAGE[0][0]!],
      [cached - cachedImage, sumOf(fields, INPUT) - inputImage, `${text} of the input`, CACHED],
    ] as const) {
      if (part > bound) {
        const [sum, figure] = _formatFigures([], bound, part);
        problems.push({ path: [path], expected: `<= ${what} = ${sum} (cached tokens are part of the input)`, received: figure });
        break;
      }
    }
  }
  if (strict) {
    const present = COUNTS.filter((key) => (INPUT.includes(key) || OUTPUT.includes(key)) && fields[key] != null);
    const sum = sumOf(fields, present);
    if (sum !== countOf(fields, TOTAL)) {
      const [total, figure] = _formatFigures(present.map((key) => countOf(fields, key)), sum, countOf(fields, TOTAL));
      problems.push({ path: [TOTAL], expected: `${present.length > 0 ? `${present.join(' + ')} = ` : ''}${total}`, received: figure });
    }
  }
  return problems;
}

/**
 * The `ImageUsage` of a valid Gemini usage object: input = prompt + tool-use
 * prompt, output = candidates + thoughts, the image tokens from the details,
 * and text the rest of each; with `cachedContentTokenCount`, the cached
 * tokens, split the same way by `cacheTokensDetails`.
 *
 * @param fields The usage object.
 *
 * @returns The usage object in the SDK form, with output details.
 */
export function _geminiToImageUsage(fields: _GeminiFields): ImageUsage {
  const inputTokens = sumOf(fields, INPUT);
  const outputTokens = sumOf(fields, OUTPUT);
  const inputImage = imageTokensOf(fields, INPUT_IMAGE);
  const outputImage = imageTokensOf(fields, OUTPUT_IMAGE);
  const usage: ImageUsage = {
    totalTokens: countOf(fields, TOTAL),
    inputTokens,
    outputTokens,
    inputTokensDetails: { textTokens: inputTokens - inputImage, imageTokens: inputImage },
    outputTokensDetails: { textTokens: outputTokens - outputImage, imageTokens: outputImage },
  };
  // Absent (or null) is none reported.
  if (fields[CACHED] != null) {
    const cachedTokens = countOf(fields, CACHED);
    usage.cachedTokens = cachedTokens;
    // As for the prompt: what no entry itemises (no entry at all, when the array is absent) is text.
    const cachedImage = imageTokensOf(fields, CACHED_IMAGE);
    usage.cachedTokensDetails = { cachedTextTokens: cachedTokens - cachedImage, cachedImageTokens: cachedImage };
  }
  return usage;
}

/** Whether a value can hold fields, as `v.object()` wants. */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The fast path of the Gemini schemas: each field read once into a plain
 * copy and checked as valibot's checks would; the `ImageUsage` when the
 * input is valid under the rules and holds a value under one of the form's
 * keys, `undefined` otherwise (the whole pipe then says why).
 *
 * @param input The input.
 * @param strict Whether the strict rules apply.
 *
 * @returns The usage object, or `undefined`.
 */
export function _readGemini(input: unknown, strict: boolean): ImageUsage | undefined {
  if (!isObject(input)) return undefined;
  const isCount = strict ? _isStrictCount : _isCount;
  const fields: Record<string, number | Entry[] | undefined> = {};
  // Whether any key holds a value: an object without one is an issue, which the pipe reports.
  let held = false;
  for (const key of COUNTS) {
    const value = input[key];
    if (value != null && !isCount(value)) return undefined;
    held ||= value !== undefined;
    fields[key] = value ?? undefined;
  }
  for (const key of Object.keys(DETAILS)) {
    const list = input[key];
    if (list === undefined) continue;
    held = true;
    if (list === null) continue;
    if (!Array.isArray(list)) return undefined;
    const entries: Entry[] = [];
    // By index, as valibot's array schema reads it.
    for (let index = 0; index < list.length; index++) {
      const entry: unknown = list[index];
      if (!isObject(entry)) return undefined;
      const { modality, tokenCount } = entry;
      if (modality != null && !MODALITIES.includes(modality as string)) return undefined;
      if (tokenCount != null && !isCount(tokenCount)) return undefined;
      entries.push({ modality: modality as string | null | undefined, tokenCount });
    }
    fields[key] = entries;
  }
  return held && _geminiProblems(fields, strict).length === 0 ? _geminiToImageUsage(fields) : undefined;
}
