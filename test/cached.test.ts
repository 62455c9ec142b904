import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { _countPaths, _FORMS, _SDK, _WIRE } from '../src/_shape.ts';
import {
  checkImageUsage,
  consistentImageUsage,
  estimateCost,
  type ImageUsage,
  ImageUsageSchema,
  isImageUsage,
  parseImageUsage,
  safeParseImageUsage,
  StrictImageUsageSchema,
  StrictWireImageUsageSchema,
  StrictWireOrSdkImageUsageSchema,
  sumImageUsage,
  toWire,
  WireImageUsageSchema,
  WireOrSdkImageUsageSchema,
} from '../src/index.ts';
import { consistentIntegerUsage } from './arbitraries/index.ts';
import { sdkUsageWithCachedTokens } from './fixtures/samples.ts';
import { thrownBy } from './invariants.ts';

// Cached input tokens (OpenAI's `tool_usage.image_gen`, Gemini's
// `cachedContentTokenCount`) through every door: the schemas of both forms,
// default and strict, the either-form schema and the parse, the guard, toWire,
// the sum, the checks and the cost.

/** A consistent usage with cached tokens of both kinds: 400 of 1000 input tokens cached. */
const cached: ImageUsage = sdkUsageWithCachedTokens;
const wire = toWire(cached);

/** The cached rules, each broken alone: the change, the path and the message in the SDK form. */
const BROKEN: readonly { rule: string; change: Partial<ImageUsage>; path: string; message: string; withoutDetails?: true }[] = [
  {
    rule: 'cached',
    change: { cachedTokens: 401, cachedTokensDetails: { cachedTextTokens: 100, cachedImageTokens: 300 } },
    path: 'cachedTokens',
    message: 'expected cachedTokensDetails.cachedTextTokens + cachedTokensDetails.cachedImageTokens = 400, received 401',
  },
  {
    rule: 'cachedInput',
    // With details, it cannot break alone: they would break a bound too.
    change: { cachedTokens: 1001 },
    withoutDetails: true,
    path: 'cachedTokens',
    message: 'expected <= inputTokens = 1000, received 1001',
  },
  {
    rule: 'cachedText',
    change: { cachedTokens: 500, cachedTokensDetails: { cachedTextTokens: 401, cachedImageTokens: 99 } },
    path: 'cachedTokensDetails.cachedTextTokens',
    message: 'expected <= inputTokensDetails.textTokens = 400, received 401',
  },
  {
    rule: 'cachedImage',
    change: { cachedTokens: 700, cachedTokensDetails: { cachedTextTokens: 99, cachedImageTokens: 601 } },
    path: 'cachedTokensDetails.cachedImageTokens',
    message: 'expected <= inputTokensDetails.imageTokens = 600, received 601',
  },
];

/** The same text in the wire form: every SDK path in it written as its wire path. */
function inWire(text: string): string {
  const [sdk, wire] = [_countPaths(_SDK), _countPaths(_WIRE)];
  return sdk.reduce((result, path, slot) => result.replaceAll(new RegExp(`\\b${path.replace('.', '\\.')}\\b`, 'g'), wire[slot]!), text);
}

/** The broken rules every door reports for one usage, as `path: message` in the given form. */
function reports(usage: ImageUsage): Record<string, string[]> {
  const lines = (issues: readonly v.BaseIssue<unknown>[] | undefined) => (issues ?? []).map((issue) => `${v.getDotPath(issue)}: ${issue.message}`);
  const error = thrownBy(() => parseImageUsage(usage, { strict: true })) as Error | undefined;
  const wireError = thrownBy(() => parseImageUsage(toWire(usage), { strict: true })) as Error | undefined;
  return {
    checkImageUsage: checkImageUsage(usage).map((found) => found.message),
    consistentImageUsage: lines(v.safeParse(v.pipe(ImageUsageSchema, consistentImageUsage()), usage).issues),
    StrictImageUsageSchema: lines(v.safeParse(StrictImageUsageSchema, usage).issues),
    StrictWireOrSdkImageUsageSchema: lines(v.safeParse(StrictWireOrSdkImageUsageSchema, usage).issues),
    parseImageUsage: error?.message.split('\n').slice(1).map((line) => line.trim()) ?? [],
    // The wire form, read back in SDK paths: the same rules, at the keys the caller sent.
    StrictWireImageUsageSchema: lines(v.safeParse(StrictWireImageUsageSchema, toWire(usage)).issues).map((line) => line),
    wireParse: wireError?.message.split('\n').slice(1).map((line) => line.trim()) ?? [],
    wireAction: lines(v.safeParse(v.pipe(WireImageUsageSchema, consistentImageUsage({ form: 'wire' })), toWire(usage)).issues),
  };
}

describe('cached tokens go through every door', () => {
  test('the default schemas of both forms and the parse keep them, and toWire gives them back', () => {
    expect(v.parse(ImageUsageSchema, cached)).toStrictEqual(cached);
    expect(v.parse(WireImageUsageSchema, wire)).toStrictEqual(cached);
    expect(v.parse(WireOrSdkImageUsageSchema, wire)).toStrictEqual(cached);
    expect(parseImageUsage(wire, { strict: true })).toStrictEqual(cached);
    expect(parseImageUsage(cached)).toStrictEqual(cached);
    expect(wire).toStrictEqual({
      total_tokens: 5160,
      input_tokens: 1000,
      output_tokens: 4160,
      input_tokens_details: { text_tokens: 400, image_tokens: 600 },
      output_tokens_details: { text_tokens: 0, image_tokens: 4160 },
      cached_tokens: 400,
      cached_tokens_details: { cached_text_tokens: 100, cached_image_tokens: 300 },
    });
    expect(isImageUsage(cached)).toBe(true);
    expect(checkImageUsage(cached)).toStrictEqual([]);
  });

  test('absent means none reported: no key comes out, and null cached details in the wire form are absent', () => {
    const { cachedTokens: _, cachedTokensDetails: __, ...plain } = cached;
    expect(parseImageUsage(plain)).toStrictEqual(plain);
    const { cached_tokens: ___, ...nullDetails } = { ...wire, cached_tokens_details: null };
    expect(parseImageUsage(nullDetails)).toStrictEqual(plain);
    expect(toWire(plain)).not.toHaveProperty('cached_tokens');
  });

  test('a bad cached value is an issue at its path, in the form the caller sent', () => {
    for (const [form, schema] of [
      ['sdk', ImageUsageSchema],
      ['wire', WireImageUsageSchema],
    ] as const) {
      const keys = _FORMS[form];
      const input = form === 'sdk' ? cached : wire;
      const [count, details, text] = keys.cached;
      const cases: [Record<string, unknown>, string][] = [
        [{ ...input, [count]: '400' }, `${count}: expected number, received "400"`],
        [{ ...input, [count]: null }, `${count}: expected number, received null`],
        [{ ...input, [count]: -1 }, `${count}: expected >=0, received -1`],
        [{ ...input, [details]: 5 }, `${details}: expected Object, received 5`],
        [{ ...input, [details]: { [text]: 1 } }, `${details}.${keys.cached[3]}: expected number, received undefined`],
      ];
      for (const [bad, message] of cases) {
        const lines = (v.safeParse(schema, bad).issues ?? []).map((issue) => `${v.getDotPath(issue)}: ${issue.message}`);
        expect(lines).toStrictEqual([message]);
        expect(isImageUsage(bad)).toBe(false);
      }
    }
  });

  test('the SDK keys are not the wire keys: a mix of the two forms is refused', () => {
    expect(safeParseImageUsage({ ...cached, cached_tokens: 400 }).success).toBe(false);
    expect(safeParseImageUsage({ ...wire, cachedTokens: 400 }).success).toBe(false);
    expect(() => checkImageUsage({ ...wire } as never)).toThrow('is in the wire form');
  });
});

describe('every cached rule, broken alone and together, says the same from every door', () => {
  test.each(BROKEN)('$rule', ({ change, path, message, withoutDetails }) => {
    const { cachedTokensDetails, ...rest } = cached;
    const usage: ImageUsage = { ...(withoutDetails ? rest : { ...rest, cachedTokensDetails: cachedTokensDetails! }), ...change };
    const sdkLine = `${path}: ${message}`;
    const wireLine = inWire(sdkLine);
    const found = reports(usage);
    expect(found).toStrictEqual({
      checkImageUsage: [sdkLine],
      consistentImageUsage: [sdkLine],
      StrictImageUsageSchema: [sdkLine],
      StrictWireOrSdkImageUsageSchema: [sdkLine],
      parseImageUsage: [sdkLine],
      StrictWireImageUsageSchema: [wireLine],
      wireParse: [wireLine],
      wireAction: [wireLine],
    });
    // The default schemas do not check sums; estimateCost refuses to price what does not add up.
    expect(v.is(ImageUsageSchema, usage)).toBe(true);
    expect(() => estimateCost(usage, { inputText: 5, inputImage: 8, outputImage: 32 })).toThrow(
      new RangeError(`estimateCost: usage does not add up, so its cost is ambiguous: ${sdkLine}`),
    );
  });

  test('together, in the order of the rules', () => {
    const usage: ImageUsage = { ...cached, cachedTokens: 1100, cachedTokensDetails: { cachedTextTokens: 401, cachedImageTokens: 601 } };
    const lines = [
      'cachedTokens: expected cachedTokensDetails.cachedTextTokens + cachedTokensDetails.cachedImageTokens = 1002, received 1100',
      'cachedTokens: expected <= inputTokens = 1000, received 1100',
      'cachedTokensDetails.cachedTextTokens: expected <= inputTokensDetails.textTokens = 400, received 401',
      'cachedTokensDetails.cachedImageTokens: expected <= inputTokensDetails.imageTokens = 600, received 601',
    ];
    expect(reports(usage)).toStrictEqual({
      checkImageUsage: lines,
      consistentImageUsage: lines,
      StrictImageUsageSchema: lines,
      StrictWireOrSdkImageUsageSchema: lines,
      parseImageUsage: lines,
      StrictWireImageUsageSchema: lines.map(inWire),
      wireParse: lines.map(inWire),
      wireAction: lines.map(inWire),
    });
    expect(checkImageUsage(usage).map((found) => [found.rule, found.expected, found.received])).toStrictEqual([
      ['cached', 1002, 1100],
      ['cachedInput', 1000, 1100],
      ['cachedText', 400, 401],
      ['cachedImage', 600, 601],
    ]);
  });

  test('a cached count alone is checked against the input; its details only when they are there', () => {
    const { cachedTokensDetails: _, ...countOnly } = cached;
    expect(checkImageUsage(countOnly)).toStrictEqual([]);
    expect(checkImageUsage({ ...countOnly, cachedTokens: 1001 }).map((found) => found.rule)).toStrictEqual(['cachedInput']);
    // Details without a count: the count reads as 0, which its details do not add up to.
    const { cachedTokens: __, ...detailsOnly } = cached;
    expect(checkImageUsage(detailsOnly).map((found) => found.message)).toStrictEqual([
      'cachedTokens: expected cachedTokensDetails.cachedTextTokens + cachedTokensDetails.cachedImageTokens = 400, received 0',
    ]);
  });

  test('any consistent usage passes every door, and any one cached count raised past its bound breaks its rule', () => {
    fc.assert(
      fc.property(consistentIntegerUsage, fc.nat(1000), (usage, extra) => {
        expect(Object.values(reports(usage)).flat()).toStrictEqual([]);
        if (usage.cachedTokens === undefined) return;
        const raised = { ...usage, cachedTokens: usage.inputTokens + 1 + extra };
        expect(checkImageUsage(raised).map((found) => found.rule)).toContain('cachedInput');
      }),
      { numRuns: 300 },
    );
  });
});

test('the sum keeps what checkImageUsage says of its parts: consistent parts make a consistent sum', () => {
  fc.assert(
    fc.property(fc.array(consistentIntegerUsage, { maxLength: 20 }), (usages) => {
      expect(checkImageUsage(sumImageUsage(usages))).toStrictEqual([]);
    }),
    { numRuns: 500 },
  );
});

describe('a cached count never passes its bound, not even within the tolerance', () => {
  test('the bounds compare exactly, fractions and counts past 2^53 too: no cached part priced below zero', () => {
    const x = 1e15 + 0.5;
    const over: ImageUsage = { totalTokens: x, inputTokens: x, outputTokens: 0, inputTokensDetails: { textTokens: x, imageTokens: 0 }, cachedTokens: x + 1e6 };
    expect(checkImageUsage(over).map((found) => found.rule)).toStrictEqual(['cachedInput']);
    expect(() => estimateCost(over, { inputText: 1, inputImage: 1, outputImage: 1, cachedInputText: 0 })).toThrow(RangeError);
    const hair = 1234.56;
    const justOver: ImageUsage = { totalTokens: hair, inputTokens: hair, outputTokens: 0, inputTokensDetails: { textTokens: hair, imageTokens: 0 }, cachedTokens: hair * (1 + 9e-10) };
    expect(checkImageUsage(justOver, { tolerance: 0.5 }).map((found) => found.rule)).toStrictEqual(['cachedInput']);
    expect(safeParseImageUsage(justOver, { strict: true }).success).toBe(false);
  });

  test('a sum refuses an element with more cached tokens than input tokens, of any kind, which it would hide', () => {
    const fine: ImageUsage = { totalTokens: 1000, inputTokens: 1000, outputTokens: 0, inputTokensDetails: { textTokens: 1000, imageTokens: 0 } };
    const over: ImageUsage = { totalTokens: 10, inputTokens: 10, outputTokens: 0, inputTokensDetails: { textTokens: 10, imageTokens: 0 }, cachedTokens: 1000 };
    expect(() => sumImageUsage([fine, over])).toThrow(
      new RangeError('sumImageUsage: element 1 has more cached tokens than input tokens, which a sum would hide: cachedTokens: expected <= inputTokens = 10, received 1000'),
    );
    // Each kind within the total, but not within its own kind: cached text on an input of images.
    const crossed: ImageUsage = { ...fine, inputTokensDetails: { textTokens: 0, imageTokens: 1000 }, cachedTokens: 10, cachedTokensDetails: { cachedTextTokens: 10, cachedImageTokens: 0 } };
    expect(() => sumImageUsage([fine, crossed])).toThrow(/^sumImageUsage: element 1 has more cached tokens than input tokens, which a sum would hide: cachedTokensDetails\.cachedTextTokens: expected <= inputTokensDetails\.textTokens = 0, received 10$/);
    // The same on the exact path, from a fraction on.
    expect(() => sumImageUsage([{ ...fine, totalTokens: 1000.5, outputTokens: 0.5 }, over])).toThrow(/^sumImageUsage: element 1 has more cached tokens/);
    // Within its bounds, any element is added.
    expect(sumImageUsage([fine, { ...over, cachedTokens: 10 }]).cachedTokens).toBe(10);
  });
});
