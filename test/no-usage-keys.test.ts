import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { _GEMINI, _SDK, _usageKeys, _WIRE } from '../src/_shape.ts';
import {
  GeminiUsageMetadataSchema,
  ImageUsageSchema,
  parseImageUsage,
  safeParseImageUsage,
  StrictGeminiUsageMetadataSchema,
  StrictImageUsageSchema,
  StrictWireImageUsageSchema,
  StrictWireOrSdkImageUsageSchema,
  WireImageUsageSchema,
  WireOrSdkImageUsageSchema,
} from '../src/index.ts';
import { wholeResponses } from './fixtures/index.ts';
import { thrownBy } from './invariants.ts';

// Nothing silently zero: a value that holds none of a form's usage keys is
// one issue from every schema of every form, never zeros (every key of
// Gemini's form is optional, and unknown keys are dropped) and never an issue
// per missing key. The issue names the value's class, and where the value
// looks like a whole response (`response` for `response.usage`, the most
// natural mistake) it says where the usage is.

const SDK_KEYS = _usageKeys(_SDK);
const WIRE_KEYS = _usageKeys(_WIRE);
const GEMINI_KEYS = [..._GEMINI.counts, ...Object.keys(_GEMINI.details)];
const EITHER = 'usage keys in snake_case (total_tokens, ...) or camelCase (totalTokens, ...)';

const SCHEMAS = [
  { name: 'ImageUsageSchema', schema: ImageUsageSchema, keys: SDK_KEYS, gemini: false, expected: 'usage keys in camelCase (totalTokens, ...)' },
  { name: 'StrictImageUsageSchema', schema: StrictImageUsageSchema, keys: SDK_KEYS, gemini: false, expected: 'usage keys in camelCase (totalTokens, ...)' },
  { name: 'WireImageUsageSchema', schema: WireImageUsageSchema, keys: WIRE_KEYS, gemini: false, expected: 'usage keys in snake_case (total_tokens, ...)' },
  { name: 'StrictWireImageUsageSchema', schema: StrictWireImageUsageSchema, keys: WIRE_KEYS, gemini: false, expected: 'usage keys in snake_case (total_tokens, ...)' },
  { name: 'WireOrSdkImageUsageSchema', schema: WireOrSdkImageUsageSchema, keys: [...SDK_KEYS, ...WIRE_KEYS], gemini: false, expected: EITHER },
  { name: 'StrictWireOrSdkImageUsageSchema', schema: StrictWireOrSdkImageUsageSchema, keys: [...SDK_KEYS, ...WIRE_KEYS], gemini: false, expected: EITHER },
  { name: 'GeminiUsageMetadataSchema', schema: GeminiUsageMetadataSchema, keys: GEMINI_KEYS, gemini: true, expected: "Gemini's usage keys (promptTokenCount, ...)" },
  { name: 'StrictGeminiUsageMetadataSchema', schema: StrictGeminiUsageMetadataSchema, keys: GEMINI_KEYS, gemini: true, expected: "Gemini's usage keys (promptTokenCount, ...)" },
] as const satisfies readonly { name: string; schema: v.GenericSchema; keys: readonly string[]; gemini: boolean; expected: string }[];

/**
 * Where a whole response keeps its usage, as the README says: the key that
 * tells each, where its usage is, and whether that usage is Gemini's form
 * (the Responses API has a `usage` of its own, the language model's).
 */
const WHOLE: ReadonlyArray<readonly [key: string, usage: string, gemini: boolean]> = [
  ['tool_usage', 'tool_usage.image_gen', false],
  ['usageMetadata', 'usageMetadata', true],
  ['usage', 'usage', false],
];

/** What the issue must say it received: the class, and where a whole response keeps its usage. */
function receivedFor(value: object, name: string, gemini: boolean): string {
  if (name === 'Response') return 'Response without any: read its body first (await response.json())';
  const whole = WHOLE.find(([key]) => key in value);
  if (whole === undefined) return `${name} without any`;
  const [key, usage, ofGemini] = whole;
  const reader = ofGemini === gemini ? '' : ofGemini ? ' to GeminiUsageMetadataSchema' : ' to parseImageUsage';
  return `${name} without any, but with ${key}: a whole response? pass response.${usage}${reader}, or the response to parseImageResponse`;
}

/** The issues of a parse, or 'ok' with its output. */
function issuesOf(schema: v.GenericSchema, value: unknown, config?: v.Config<v.BaseIssue<unknown>>) {
  const result = v.safeParse(schema, value, config);
  return result.success ? { ok: result.output } : result.issues;
}

/** Checks that a schema answers one issue at the root for a value without its keys, with these texts, from every door. */
function expectOneIssue(entry: (typeof SCHEMAS)[number], value: object, name: string): void {
  const received = receivedFor(value, name, entry.gemini);
  const message = `expected ${entry.expected}, received ${received}`;
  for (const config of [undefined, { abortEarly: true }]) {
    const issues = issuesOf(entry.schema, value, config);
    expect(Array.isArray(issues) && issues.length).toBe(1);
    const [issue] = issues as v.BaseIssue<unknown>[];
    expect([issue!.path, issue!.expected, issue!.received, issue!.message]).toStrictEqual([undefined, entry.expected, received, message]);
    expect(issue!.input).toBe(value);
  }
  // As a Standard Schema, and one level down in valibot's own containers, at the container's path.
  expect((entry.schema['~standard'].validate(value) as { issues?: v.BaseIssue<unknown>[] }).issues?.map((issue) => issue.message)).toStrictEqual([message]);
  const nested = v.safeParse(v.object({ usage: entry.schema }), { usage: value });
  expect(nested.issues?.map((issue) => [v.getDotPath(issue), issue.message])).toStrictEqual([['usage', message]]);
  // The parse, for the schemas it runs.
  if (entry.expected === EITHER) {
    const result = safeParseImageUsage(value, { strict: entry.name.startsWith('Strict') });
    expect(result.success ? 'ok' : result.issues.map((issue) => issue.message)).toStrictEqual([message]);
    expect((thrownBy(() => parseImageUsage(value)) as Error).message).toBe(`Invalid image usage (1 issue):\n  (root): ${message}`);
  }
}

/** Any object, of any built-in class (its class name the one Object.prototype.toString gives), that holds none of the keys. */
function withoutKeys(keys: readonly string[]): fc.Arbitrary<object> {
  const whole = fc.record(
    {
      created: fc.nat(),
      data: fc.array(fc.record({ b64_json: fc.string() })),
      usage: fc.anything(),
      usageMetadata: fc.anything(),
      tool_usage: fc.anything(),
      candidates: fc.array(fc.object()),
    },
    { requiredKeys: [] },
  );
  const anything = fc.anything({
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
  });
  return fc
    .oneof(whole, anything, fc.object({ withNullPrototype: true }))
    .filter((value): value is object => typeof value === 'object' && value !== null && !keys.some((key) => key in value));
}

describe('a value that holds none of the usage keys of a form is one issue, never zeros', () => {
  test.each(SCHEMAS)('$name: for any object of any class, one issue at the root naming the class', (entry) => {
    let hinted = 0;
    fc.assert(
      fc.property(withoutKeys(entry.keys), (value) => {
        const name = Object.prototype.toString.call(value).slice(8, -1);
        expectOneIssue(entry, value, name);
        if (WHOLE.some(([key]) => key in value)) hinted++;
      }),
      { numRuns: 1000 },
    );
    // Both kinds were tried: looking like a whole response, and not.
    expect(hinted).toBeGreaterThan(100);
  });

  class Meter {
    readonly reading = 4212;
  }
  const CLASSES: ReadonlyArray<readonly [string, () => object]> = [
    ['Object', () => ({})],
    ['Array', () => []],
    ['Date', () => new Date(0)],
    ['Map', () => new Map([['totalTokens', 4212]])],
    ['Number', () => new Number(4212)],
    ['Uint8Array', () => new Uint8Array(4)],
    ['Meter', () => new Meter()],
    ['Object', () => Object.create(null) as object],
    ['Response', () => new Response('{"usage":{}}')],
  ];
  test.each(SCHEMAS)('$name: {}, [], a Date, a Map, a boxed number, a typed array, a class of your own, a fetch Response', (entry) => {
    for (const [name, make] of CLASSES) expectOneIssue(entry, make(), name);
  });

  test("Gemini's schemas gave zeros for these: every key of the form is optional, and unknown keys are dropped", () => {
    for (const schema of [GeminiUsageMetadataSchema, StrictGeminiUsageMetadataSchema]) {
      for (const value of [{}, [], new Date(0), new Map(), { trafficType: 'ON_DEMAND' }]) expect(v.is(schema, value)).toBe(false);
      // A key that holds zero is a usage of zeros: proto3 JSON may write them.
      expect(v.parse(schema, { totalTokenCount: 0 })).toStrictEqual({
        totalTokens: 0,
        inputTokens: 0,
        outputTokens: 0,
        inputTokensDetails: { textTokens: 0, imageTokens: 0 },
        outputTokensDetails: { textTokens: 0, imageTokens: 0 },
      });
    }
  });
});

describe('a whole response: the issue says where its usage is, and the usage parses there', () => {
  // Each recorded body, and each chunk of a recorded stream.
  const bodies = wholeResponses.flatMap(({ name, kind, body }) =>
    Array.isArray(body) ? body.map((chunk: object, index) => ({ name: `${name}, chunk ${index}`, kind, body: chunk })) : [{ name, kind, body: body as object }],
  );

  test('there are responses of each kind: the Images API, its events, the Responses API with tool_usage, Gemini', () => {
    expect(bodies.filter(({ body }) => 'usage' in body && !('tool_usage' in body)).length).toBeGreaterThanOrEqual(10);
    expect(bodies.filter(({ body }) => 'tool_usage' in body).length).toBeGreaterThanOrEqual(1);
    expect(bodies.filter(({ body }) => 'usageMetadata' in body).length).toBeGreaterThanOrEqual(9);
  });

  test.each(bodies.map((body) => [body.name, body] as const))('%s', (_, { kind, body }) => {
    for (const entry of SCHEMAS) expectOneIssue(entry, body, 'Object');
    // Where the hint points, the usage of an OpenAI Images response or event, of the image tool of a
    // Responses API response, and of a Gemini response is one the package reads.
    const [key, path, gemini] = WHOLE.find(([whole]) => whole in body) ?? [];
    if (key === undefined || !(['openai-images', 'openai-image-event', 'gemini'].includes(kind) || key === 'tool_usage')) return;
    const usage = path!.split('.').reduce<unknown>((at, step) => (at as Record<string, unknown>)[step], body);
    expect(v.safeParse(gemini ? StrictGeminiUsageMetadataSchema : WireOrSdkImageUsageSchema, usage).success).toBe(true);
  });
});
