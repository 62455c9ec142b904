// The totals of the report against a reference worked out apart from it: a
// generated log of mixed shapes (OpenAI Images bodies, Gemini bodies, bare
// usage objects in records, OpenRouter chat completions), with cached tokens,
// models whose prices change by date and by hour, and broken lines. For each
// good line the test knows the counts it wrote, takes the model's price from
// calcPrice at the line's time, and works the cost out in BigInt from
// genai-prices' own price keys; per model, the sum of those costs must be the
// report's exact cost, digit for digit. calcPrice's own (floating-point) total
// price checks the reference on every line.
import { calcPrice, type ModelPrice } from '@pydantic/genai-prices';
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { USER } from './paths.ts';
import { type Report, runJson } from './run.ts';

/** A seeded generator of numbers in [0, 1): the same log on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The counts a line was written from. */
interface Counts {
  readonly text: number;
  readonly image: number;
  readonly cachedText: number;
  readonly cachedImage: number;
  readonly outputText: number;
  readonly outputImage: number;
  /** Whether the output is split into text and image (else it is all image output). */
  readonly outputDetails: boolean;
}

/** A price, exactly: digits at a scale (`String(price)` read as a decimal). */
function exact(price: number): { digits: bigint; scale: number } {
  const [mantissa, exponent = '0'] = String(price).split('e');
  const [whole, fraction = ''] = mantissa!.split('.');
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(`${whole}${fraction}`);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

/** A number of a model price, or undefined. */
const key = (price: ModelPrice, name: string): number | undefined => {
  const value = price[name];
  if (value !== undefined && typeof value !== 'number') throw new Error(`${name} is tiered`);
  return value;
};

const SCALE = 40;

/**
 * The cost of the counts at a genai-prices model price, in units of 10^-SCALE
 * (a million tokens at the price): fresh and cached input, text and image, at
 * their keys, falling back as genai-prices does (an image price to the text
 * price, a cached image price to the cached price where the model has no input
 * image price, no cache price to the fresh one), and the output by its split.
 */
function referenceCost(counts: Counts, price: ModelPrice): bigint {
  const input = key(price, 'input_mtok')!;
  const inputImage = key(price, 'input_image_mtok');
  const cacheRead = key(price, 'cache_text_read_mtok') ?? key(price, 'cache_read_mtok');
  const cacheImage = key(price, 'cache_image_read_mtok') ?? (inputImage === undefined ? cacheRead : undefined);
  const output = key(price, 'output_mtok')!;
  const outputImage = key(price, 'output_image_mtok') ?? output;
  const terms: [number, number][] = [
    [counts.text - counts.cachedText, input],
    [counts.cachedText, cacheRead ?? input],
    [counts.image - counts.cachedImage, inputImage ?? input],
    [counts.cachedImage, cacheImage ?? inputImage ?? input],
    ...(counts.outputDetails ? ([[counts.outputText, output], [counts.outputImage, outputImage]] as [number, number][]) : [[counts.outputText + counts.outputImage, outputImage] as [number, number]]),
  ];
  let sum = 0n;
  for (const [count, perMillion] of terms) {
    const { digits, scale } = exact(perMillion);
    sum += BigInt(count) * digits * 10n ** BigInt(SCALE - 6 - scale);
  }
  return sum;
}

/** A decimal string in units of 10^-SCALE. */
function units(decimal: string): bigint {
  const [whole, fraction = ''] = decimal.split('.');
  return BigInt(`${whole}${fraction.padEnd(SCALE, '0')}`);
}

/** How a model is looked up in the catalog, as the command does it: a provider's prefix names the provider. */
function lookup(model: string): [string, { providerId?: string }] {
  const slash = model.indexOf('/');
  return slash > 0 ? [model.slice(slash + 1), { providerId: model.slice(0, slash) }] : [model, {}];
}

const OPENAI = ['gpt-image-1', 'gpt-image-1.5', 'gpt-image-1-mini', 'gpt-image-2', 'o3', 'deepseek-v4-flash'];
const GEMINI = ['gemini-2.5-flash-image', 'gemini-3-pro-image-preview'];

/** The log, and what the reference says of it per model. */
function generate(lines: number): { log: string; expected: Map<string, { requests: number; tokens: number; cost: bigint }>; broken: number } {
  const next = random(19);
  const int = (below: number): number => Math.floor(next() * below);
  const out: string[] = [];
  const expected = new Map<string, { requests: number; tokens: number; cost: bigint }>();
  let broken = 0;
  const from = Date.parse('2025-01-01T00:00:00Z');
  for (let index = 0; index < lines; index++) {
    const ms = from + int(2 * 365 * 86_400) * 1000;
    const timestamp = new Date(ms).toISOString();
    const kind = int(20);
    if (kind === 0) {
      out.push('{"model": "gpt-image-1", "response": {"created": 17'); // cut short
      broken++;
      continue;
    }
    if (kind === 1) {
      const usage = { total_tokens: 10, input_tokens: 10, output_tokens: 0, input_tokens_details: { text_tokens: 10, image_tokens: -1 } };
      out.push(JSON.stringify({ model: 'gpt-image-1', timestamp, response: usage }));
      broken++;
      continue;
    }
    if (kind === 2) {
      // Cached tokens of an input of both kinds, not split, at different discounts: exactCost refuses to guess.
      const usage = { total_tokens: 300, input_tokens: 200, output_tokens: 100, input_tokens_details: { text_tokens: 100, image_tokens: 100 }, cached_tokens: 50 };
      out.push(JSON.stringify({ model: 'gpt-image-1', timestamp, response: usage }));
      broken++;
      continue;
    }
    const text = 1 + int(500);
    const image = int(3) === 0 ? int(2000) : 0;
    const cachedText = int(3) === 0 ? int(text + 1) : 0;
    const cachedImage = image > 0 && int(2) === 0 ? int(image + 1) : 0;
    const outputImage = [272, 1056, 1290, 4160, 6240][int(5)]!;
    const outputText = int(4) === 0 ? int(300) : 0;
    let counts: Counts = { text, image, cachedText, cachedImage, outputText, outputImage, outputDetails: true };
    let model: string;
    let line: unknown;
    const shape = int(4);
    if (shape === 0) {
      // An OpenAI Images body in a record, with or without its output details.
      model = OPENAI[int(OPENAI.length)]!;
      counts = { ...counts, outputDetails: int(2) === 0 };
      const usage: Record<string, unknown> = {
        total_tokens: text + image + outputText + outputImage,
        input_tokens: text + image,
        output_tokens: outputText + outputImage,
        input_tokens_details: { text_tokens: text, image_tokens: image },
      };
      if (counts.outputDetails) usage.output_tokens_details = { text_tokens: outputText, image_tokens: outputImage };
      if (cachedText + cachedImage > 0) {
        usage.cached_tokens = cachedText + cachedImage;
        usage.cached_tokens_details = { cached_text_tokens: cachedText, cached_image_tokens: cachedImage };
      }
      line = { model, timestamp, response: { created: Math.floor(ms / 1000) - 5, data: [{ b64_json: '<cut>' }], usage } };
    } else if (shape === 1) {
      // A Gemini body, its time only in the record.
      model = GEMINI[int(GEMINI.length)]!;
      const promptTokensDetails = [{ modality: 'TEXT', tokenCount: text }, ...(image > 0 ? [{ modality: 'IMAGE', tokenCount: image }] : [])];
      const cacheTokensDetails = [
        ...(cachedText > 0 ? [{ modality: 'TEXT', tokenCount: cachedText }] : []),
        ...(cachedImage > 0 ? [{ modality: 'IMAGE', tokenCount: cachedImage }] : []),
      ];
      const usageMetadata: Record<string, unknown> = {
        promptTokenCount: text + image,
        candidatesTokenCount: outputText + outputImage,
        totalTokenCount: text + image + outputText + outputImage,
        promptTokensDetails,
        candidatesTokensDetails: [{ modality: 'IMAGE', tokenCount: outputImage }],
      };
      if (cacheTokensDetails.length > 0) Object.assign(usageMetadata, { cachedContentTokenCount: cachedText + cachedImage, cacheTokensDetails });
      const parts = [{ inlineData: { mimeType: 'image/png', data: '<cut>' } }];
      line = { timestamp, response: { candidates: [{ content: { parts, role: 'model' }, finishReason: 'STOP' }], modelVersion: model, responseId: `g${index}`, usageMetadata } };
    } else if (shape === 2) {
      // A bare usage object in the SDK form, its model in the record.
      model = OPENAI[int(OPENAI.length)]!;
      const usage: Record<string, unknown> = {
        totalTokens: text + image + outputText + outputImage,
        inputTokens: text + image,
        outputTokens: outputText + outputImage,
        inputTokensDetails: { textTokens: text, imageTokens: image },
        outputTokensDetails: { textTokens: outputText, imageTokens: outputImage },
      };
      if (cachedText + cachedImage > 0) {
        usage.cachedTokens = cachedText + cachedImage;
        usage.cachedTokensDetails = { cachedTextTokens: cachedText, cachedImageTokens: cachedImage };
      }
      line = { model, timestamp, response: usage };
    } else {
      // An OpenRouter chat completion: prompt tokens (all text here) and the image tokens of the completion.
      model = 'google/gemini-2.5-flash-image';
      counts = { ...counts, image: 0, cachedText: 0, cachedImage: 0 };
      const usage = { prompt_tokens: text, completion_tokens: outputText + outputImage, total_tokens: text + outputText + outputImage, completion_tokens_details: { image_tokens: outputImage } };
      const images = [{ type: 'image_url', image_url: { url: 'data:image/png;base64,<cut>' } }];
      line = { timestamp, response: { model, choices: [{ message: { role: 'assistant', content: '', images } }], usage } };
    }
    out.push(JSON.stringify(line));
    const [name, options] = lookup(model);
    const price = calcPrice({}, name, { ...options, timestamp: new Date(ms) })!.model_price;
    const cost = referenceCost(counts, price);
    // genai-prices' own floating-point total agrees, to the last few digits.
    const theirs = calcPrice(
      {
        input_tokens: counts.text + counts.image,
        input_image_tokens: counts.image,
        cache_read_tokens: counts.cachedText + counts.cachedImage,
        cache_image_read_tokens: counts.cachedImage,
        output_tokens: counts.outputText + counts.outputImage,
        output_image_tokens: counts.outputDetails ? counts.outputImage : counts.outputText + counts.outputImage,
      },
      name,
      { ...options, timestamp: new Date(ms) },
    )!.total_price;
    const ours = Number(cost) / 10 ** SCALE;
    if (Math.abs(ours - theirs) > 1e-12 * Math.max(1, ours)) throw new Error(`line ${index + 1}: the reference ${ours} is not calcPrice's ${theirs}`);
    const sums = expected.get(model) ?? { requests: 0, tokens: 0, cost: 0n };
    expected.set(model, { requests: sums.requests + 1, tokens: sums.tokens + counts.text + counts.image + counts.outputText + counts.outputImage, cost: sums.cost + cost });
  }
  return { log: `${out.join('\n')}\n`, expected, broken };
}

describe('the totals of a generated log', () => {
  const { log, expected, broken } = generate(4000);
  let report: { status: number | null; stderr: string; json: Report };
  beforeAll(() => {
    writeFileSync(`${USER}generated.jsonl`, log);
    report = runJson(['--openrouter-prompt-tokens', 'text', 'generated.jsonl']);
  });

  test('are, per model, the exact sum of the costs of its lines at the prices of their times', () => {
    expect(expected.size).toBe(OPENAI.length + GEMINI.length + 1);
    const got = Object.fromEntries(report.json.rows.map((row) => [row.model, { requests: row.requests, tokens: row.totalTokens, cost: units(row.costExact!) }]));
    expect(got).toEqual(Object.fromEntries(expected));
    const total = [...expected.values()].reduce((sum, { cost }) => sum + cost, 0n);
    expect(units(report.json.total.costExact!)).toBe(total);
    expect(report.json.total.cost).toBe(Number(report.json.total.costExact));
  });

  test('leave out the broken lines, each listed, and say so in the exit status', () => {
    expect(broken).toBeGreaterThan(300);
    expect(report.status).toBe(1);
    expect(report.json.lines).toEqual(expect.objectContaining({ read: 4000, broken, requests: 4000 - broken }));
    const messages = new Set(report.json.problems.broken.map(({ message }) => (message.startsWith('not JSON: ') ? 'not JSON: …' : message)));
    expect([...messages].sort()).toEqual(
      [
        'exactCost: usage.cachedTokens cannot be priced without a guess: the input has text and image tokens, no cachedTokensDetails says which were cached, and the cache discounts of text and image differ',
        'not JSON: …',
        'response.input_tokens_details.image_tokens: expected >=0, received -1',
      ].sort(),
    );
    expect(report.stderr).toContain(`image-usage: ${broken} broken lines left out of the bill (the first 20 listed above, ${broken - 20} more)`);
  });
});
