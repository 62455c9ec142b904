import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import {
  _CACHED,
  _CACHED_DETAILS,
  _COUNT_CHECKS,
  _COUNTS,
  _countPaths,
  _OUTPUT_DETAILS,
  _FORMS,
  _GEMINI,
  type _Keys,
  _OBJECT,
  _RULES,
  _SDK,
  _STRICT_COUNT_CHECKS,
  _usageKeys,
  _WIRE,
} from '../src/_shape.ts';
import { _findBrokenRules } from '../src/_internal/_brokenRules.ts';
import { _copyImageUsage, _copyWireImageUsage } from '../src/_internal/_copyUsage.ts';
import { _isCount, _isStrictCount } from '../src/_internal/_isCount.ts';
import { _addsUp, _hasStrictCounts, _matchesImageUsage } from '../src/_internal/_matchesImageUsage.ts';
import { _readFields } from '../src/_internal/_readUsage.ts';
import {
  CountSchema,
  GeminiUsageMetadataSchema,
  StrictGeminiUsageMetadataSchema,
  ImageUsageSchema,
  isImageUsage,
  StrictCountSchema,
  StrictImageUsageSchema,
  StrictWireImageUsageSchema,
  sumImageUsage,
  toWire,
  WireImageUsageSchema,
  WireOrSdkImageUsageSchema,
} from '../src/index.ts';
import { count, notCount } from './arbitraries/index.ts';

// The usage object is described once, in src/_shape.ts. The code that spells
// its keys out for speed (the guard, the copiers, the sum's integer path, form
// detection, the strict checks) and the valibot schemas are held to that
// description here: every expectation below is derived from it, so that a key
// the unrolled code forgets, or one the description gains, fails a test.

const FORMS = Object.entries(_FORMS) as [keyof typeof _FORMS, _Keys][];

/** A value of any kind, as a count must not be: what the checks must reject. */
const anyValue = fc.oneof(count, notCount, fc.anything());

/**
 * Builds a usage object in one form from ten counts in count order, with the
 * optional parts that `present` names (the flags of `_shape.ts`; `true` for
 * all of them, `false` for none).
 */
function usageOf(keys: _Keys, counts: readonly unknown[], present: number | boolean): Record<string, unknown> {
  const flags = present === true ? _OUTPUT_DETAILS | _CACHED | _CACHED_DETAILS : present === false ? 0 : present;
  const usage: Record<string, unknown> = {};
  keys.counts.forEach((key, slot) => (usage[key] = counts[slot]));
  keys.details.forEach((key, index) => {
    if (index === 1 && !(flags & _OUTPUT_DETAILS)) return;
    usage[key] = Object.fromEntries(keys.split.map((name, at) => [name, counts[3 + 2 * index + at]]));
  });
  const [cached, details, ...split] = keys.cached;
  if (flags & _CACHED) usage[cached] = counts[7];
  if (flags & _CACHED_DETAILS) usage[details] = Object.fromEntries(split.map((name, at) => [name, counts[8 + at]]));
  return usage;
}

/** The paths of the counts of the parts `present` names, in count order. */
function presentPaths(keys: _Keys, present: number): string[] {
  const paths = _countPaths(keys);
  return paths.filter((_, slot) => (slot < 5 ? true : slot < 7 ? present & _OUTPUT_DETAILS : slot === 7 ? present & _CACHED : present & _CACHED_DETAILS));
}

/** Any combination of the optional parts' flags. */
const presentFlags = fc.nat(7);

/** Sets the value at a dotted path of a plain object (a copy). */
function withValue(usage: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(usage);
  const [first, second] = path.split('.') as [string, string | undefined];
  if (second === undefined) copy[first] = value;
  else (copy[first] as Record<string, unknown>)[second] = value;
  return copy;
}

/** Ten valid counts. */
const tenCounts = fc.array(count, { minLength: _COUNTS, maxLength: _COUNTS });

describe('the description', () => {
  test('names ten counts, in count order, the same in both forms', () => {
    expect(_countPaths(_SDK)).toStrictEqual([
      'totalTokens',
      'inputTokens',
      'outputTokens',
      'inputTokensDetails.textTokens',
      'inputTokensDetails.imageTokens',
      'outputTokensDetails.textTokens',
      'outputTokensDetails.imageTokens',
      'cachedTokens',
      'cachedTokensDetails.cachedTextTokens',
      'cachedTokensDetails.cachedImageTokens',
    ]);
    expect(_countPaths(_SDK)).toHaveLength(_COUNTS);
    // The wire form is the SDK form in snake_case, key for key.
    const snake = (path: string) => path.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    expect(_countPaths(_WIRE)).toStrictEqual(_countPaths(_SDK).map(snake));
    expect(_usageKeys(_WIRE)).toStrictEqual(_usageKeys(_SDK).map(snake));
  });

  test('each sum rule adds two counts to a third, each bound rule keeps a cached count within its input count', () => {
    const paths = _countPaths(_SDK);
    const detailsOf = [..._SDK.details, _SDK.cached[1]];
    for (const { reported, parts, atMost, needs } of _RULES) {
      const named = parts.map((part) => paths[part]!);
      if (atMost) {
        // A cached count and the input count it is part of: cachedTokens <= inputTokens, cached text <= input text, …
        expect(parts).toHaveLength(1);
        expect(paths[reported]!.startsWith('cached')).toBe(true);
        expect(named[0]).toBe(paths[reported === 7 ? 1 : reported - 5]);
        expect(needs).toBe(reported === 7 ? 0 : _CACHED_DETAILS);
        continue;
      }
      expect(parts).toHaveLength(2);
      expect(parts.every((part) => part > reported)).toBe(true);
      // The parts of a figure are what it is made of: its details, or (for the total) input and output.
      if (reported === 0) expect(named).toStrictEqual(['inputTokens', 'outputTokens']);
      else {
        const details = detailsOf[reported === 7 ? 2 : reported - 1]!;
        expect(named.every((path) => path.startsWith(`${details}.`))).toBe(true);
      }
      expect(needs).toBe(reported === 2 ? _OUTPUT_DETAILS : reported === 7 ? _CACHED_DETAILS : 0);
    }
    expect(_RULES.map((rule) => rule.rule)).toStrictEqual(['total', 'input', 'output', 'cached', 'cachedInput', 'cachedText', 'cachedImage']);
  });
});

describe('the count rules are the valibot schemas, and the unrolled checks', () => {
  test.each([
    ['default', _COUNT_CHECKS, CountSchema, _isCount],
    ['strict', _STRICT_COUNT_CHECKS, StrictCountSchema, _isStrictCount],
  ] as const)('%s: the schema runs the checks in their order, and the unrolled check is all of them', (_, checks, schema, unrolled) => {
    expect(schema.pipe.map((item) => item.type)).toStrictEqual(checks.map((check) => check.type));
    fc.assert(
      fc.property(anyValue, (value) => {
        const passes = checks.every((check) => check.passes(value));
        expect(unrolled(value)).toBe(passes);
        const result = v.safeParse(schema, value);
        expect(result.success).toBe(passes);
        // The first issue is the first check that fails, with what it says was expected.
        if (!result.success) {
          const first = checks.find((check) => !check.passes(value))!;
          expect([result.issues[0].type, result.issues[0].message.startsWith(`expected ${first.expected}, received `)]).toStrictEqual([first.type, true]);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('a details object is an object, not null and not a function', () => {
    for (const value of [{}, [], new Date(), Object.create(null)]) expect(_OBJECT.passes(value)).toBe(true);
    for (const value of [null, undefined, () => 0, 1, 'x', Symbol('s')]) expect(_OBJECT.passes(value)).toBe(false);
  });
});

describe('the schemas have the keys of the description', () => {
  test.each([
    ['ImageUsageSchema', ImageUsageSchema, _SDK],
    ['StrictImageUsageSchema', StrictImageUsageSchema, _SDK],
    ['WireImageUsageSchema', WireImageUsageSchema, _WIRE],
    ['StrictWireImageUsageSchema', StrictWireImageUsageSchema, _WIRE],
  ] as const)('%s', (_, schema, keys) => {
    const object = schema.pipe[0];
    expect(Object.keys(object.entries)).toStrictEqual(_usageKeys(keys));
    const entry = (key: string) => object.entries[key as never] as { type: string; wrapped: { entries: Record<string, unknown> }; entries: Record<string, unknown> };
    for (const details of [entry(keys.details[0]), entry(keys.details[1]).wrapped]) expect(Object.keys(details.entries)).toStrictEqual([...keys.split]);
    expect(Object.keys(entry(keys.cached[1]).wrapped.entries)).toStrictEqual(keys.cached.slice(2));
    // The optional details may be absent (and, in the wire form, null): optional or nullish, as the description says.
    for (const key of [keys.details[1], keys.cached[1]]) expect(entry(key).type).toBe(keys.absent.includes(null) ? 'nullish' : 'optional');
    // The cached count may be absent, never null.
    expect(entry(keys.cached[0]).type).toBe('optional');
  });
});

describe('the unrolled code does what the description says', () => {
  test.each(FORMS)('%s copier: every count and details object, and nothing else', (form, keys) => {
    const copy = form === 'sdk' ? _copyImageUsage : _copyWireImageUsage;
    const optionalDetails = [keys.details[1], keys.cached[1]];
    fc.assert(
      fc.property(tenCounts, presentFlags, (counts, present) => {
        const usage = usageOf(keys, counts, present);
        // The copy is the SDK form of the same counts.
        expect(copy({ ...usage, extra: 1 })).toStrictEqual(usageOf(_SDK, counts, present));
        // An absent optional part may be said absent with undefined (or null, in the wire form, for a details object).
        const absent = Object.fromEntries([keys.cached[0], ...optionalDetails].filter((key) => !(key in usage)).map((key) => [key, undefined]));
        expect(copy({ ...usage, ...absent })).toStrictEqual(usageOf(_SDK, counts, present));
        for (const key of optionalDetails) for (const value of keys.absent) if (!(key in usage)) expect(copy({ ...usage, [key]: value })).toStrictEqual(usageOf(_SDK, counts, present));
      }),
    );
    // A bad value at any path of the description, or a missing required key, is not copied.
    const valid = usageOf(keys, [1, 1, 0, 1, 0, 0, 0, 1, 1, 0], true);
    for (const path of [..._countPaths(keys), ...keys.details, keys.cached[1]]) {
      for (const bad of [-1, '1', null, Number.NaN]) {
        // Absent optional details (null in the wire form) are not bad.
        if (optionalDetails.includes(path) && keys.absent.includes(bad as null)) continue;
        expect(copy(withValue(valid, path, bad))).toBeUndefined();
      }
    }
    for (const key of [...keys.counts, keys.details[0]]) {
      const { [key]: _, ...rest } = valid;
      expect(copy(rest)).toBeUndefined();
    }
  });

  test('the guard, isImageUsage and the sum take exactly what the description calls valid', () => {
    fc.assert(
      fc.property(tenCounts, presentFlags, fc.nat(20), anyValue, (counts, present, at, bad) => {
        const paths = presentPaths(_SDK, present);
        const usage = usageOf(_SDK, counts, present);
        expect(_matchesImageUsage(usage)).toBe(true);
        const path = paths[at % paths.length]!;
        const broken = withValue(usage, path, bad);
        // What the description says of the value at that path (an absent cached count is undefined, which is valid).
        const valid = _COUNT_CHECKS.every((check) => check.passes(bad)) || (path === _SDK.cached[0] && bad === undefined);
        expect(_matchesImageUsage(broken)).toBe(valid);
        expect(isImageUsage(broken)).toBe(valid);
        let summed = true;
        try {
          sumImageUsage([broken as never]);
        } catch (error) {
          summed = error instanceof RangeError;
        }
        expect(summed).toBe(valid);
      }),
      { numRuns: 3000 },
    );
    // Each details object must be an object, as the description says; the optional ones may be absent.
    const usage = usageOf(_SDK, [1, 1, 0, 1, 0, 0, 0, 1, 1, 0], true);
    for (const [index, key] of [..._SDK.details, _SDK.cached[1]].entries()) {
      for (const value of [null, 5, 'x', () => ({ textTokens: 0, imageTokens: 0 }), ...(index === 0 ? [undefined] : [])]) {
        expect(_OBJECT.passes(value)).toBe(false);
        expect(isImageUsage({ ...usage, [key]: value })).toBe(false);
        expect(() => sumImageUsage([{ ...usage, [key]: value } as never])).toThrow(TypeError);
      }
    }
    for (const key of [_SDK.details[1], ..._SDK.cached.slice(0, 2)]) {
      const { [key]: _, ...without } = usage;
      expect(isImageUsage(without)).toBe(_SDK.absent.includes(undefined));
    }
  });

  test('the sum reads the fields the generic reader reads, and adds each count at its path', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1e6), { minLength: _COUNTS, maxLength: _COUNTS }), presentFlags, (drawn, present) => {
        // Cached counts within their input counts, as a sum wants.
        const counts = drawn.map((count, slot) => (slot < 7 ? count : Math.min(count, drawn[[1, 3, 4][slot - 7]!]!)));
        const usage = usageOf(_SDK, counts, present);
        const paths = presentPaths(_SDK, present);
        expect(_readFields(usage).filter((field) => typeof field === 'number')).toStrictEqual(counts.filter((_, slot) => paths.includes(_countPaths(_SDK)[slot]!)));
        const sum = sumImageUsage([usage as never, usage as never]) as unknown as Record<string, Record<string, number>>;
        _countPaths(_SDK).forEach((path, slot) => {
          if (!paths.includes(path)) return;
          const [first, second] = path.split('.') as [string, string | undefined];
          expect(second === undefined ? sum[first] : sum[first]![second]).toBe(2 * counts[slot]!);
        });
      }),
    );
  });

  test('toWire writes every count at its wire path', () => {
    fc.assert(
      fc.property(tenCounts, presentFlags, (counts, present) => {
        expect(toWire(usageOf(_SDK, counts, present) as never)).toStrictEqual(usageOf(_WIRE, counts, present));
      }),
    );
  });

  test('form detection looks for every usage key of both forms', () => {
    const usage = usageOf(_SDK, [1, 1, 0, 1, 0, 0, 0, 0, 0, 0], false);
    for (const key of _usageKeys(_WIRE)) {
      const result = v.safeParse(WireOrSdkImageUsageSchema, { ...usage, [key]: 1 });
      expect(result.issues?.[0]?.message).toMatch(/not both, received [a-z_]+ and totalTokens$/);
    }
    const wire = usageOf(_WIRE, [1, 1, 0, 1, 0, 0, 0, 0, 0, 0], false);
    for (const key of _usageKeys(_SDK)) {
      expect(v.safeParse(WireOrSdkImageUsageSchema, { ...wire, [key]: 1 }).success).toBe(false);
      // Alone, any one key of a form sends the object to that form's schema.
      const alone = v.safeParse(WireOrSdkImageUsageSchema, { [key]: 1 });
      expect(alone.issues?.[0]?.type).not.toBe('wire_or_sdk_image_usage');
    }
  });

  test('the strict checks are the strict count rule and the rules of _RULES, written out', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat(), fc.maxSafeNat(), count, fc.nat(5)), { minLength: _COUNTS, maxLength: _COUNTS }), presentFlags, (counts, present) => {
        const usage = usageOf(_SDK, counts, present) as never;
        const paths = presentPaths(_SDK, present);
        const used = counts.filter((_, slot) => paths.includes(_countPaths(_SDK)[slot]!));
        expect(_hasStrictCounts(usage)).toBe(used.every((value) => _STRICT_COUNT_CHECKS.every((check) => check.passes(value))));
        if (_hasStrictCounts(usage)) {
          const padded = counts.map((value, slot) => (paths.includes(_countPaths(_SDK)[slot]!) ? value : 0));
          expect(_addsUp(usage)).toBe(_findBrokenRules(padded, present, 0).length === 0);
        }
      }),
      { numRuns: 3000 },
    );
    // With the cached rules holding and broken, one at a time.
    const holding = [5, 3, 2, 1, 2, 2, 0, 2, 1, 1];
    expect(_addsUp(usageOf(_SDK, holding, true) as never)).toBe(true);
    for (const [slot, value] of [[7, 4], [8, 2], [9, 3], [7, 3]] as const) {
      const counts = holding.map((old, at) => (at === slot ? value : old));
      expect(_addsUp(usageOf(_SDK, counts, true) as never)).toBe(false);
      expect(_findBrokenRules(counts, _OUTPUT_DETAILS | _CACHED | _CACHED_DETAILS, 0).length).toBeGreaterThan(0);
    }
    // With sums that hold, so that the check above is not always false.
    expect(_addsUp(usageOf(_SDK, [5, 3, 2, 1, 2, 2, 0, 0, 0, 0], true) as never)).toBe(true);
  });
});

describe('the Gemini schemas have the keys of the description', () => {
  test.each([
    ['GeminiUsageMetadataSchema', GeminiUsageMetadataSchema],
    ['StrictGeminiUsageMetadataSchema', StrictGeminiUsageMetadataSchema],
  ] as const)('%s', (_, schema) => {
    const entries = schema.pipe[0].entries as Record<string, { type: string; wrapped: { item?: { entries: Record<string, { wrapped: { options?: unknown } }> } } }>;
    expect(Object.keys(entries)).toStrictEqual([..._GEMINI.counts, ...Object.keys(_GEMINI.details)]);
    for (const key of Object.keys(_GEMINI.details)) {
      const item = entries[key]!.wrapped.item!;
      expect(Object.keys(item.entries)).toStrictEqual(['modality', 'tokenCount']);
      expect(item.entries['modality']!.wrapped.options).toStrictEqual(_GEMINI.modalities);
    }
    // Every details array itemises a count of the description, and the sides and images name its keys.
    expect(Object.values(_GEMINI.details).every((count) => _GEMINI.counts.includes(count))).toBe(true);
    expect([..._GEMINI.input, ..._GEMINI.output, _GEMINI.total].every((count) => _GEMINI.counts.includes(count))).toBe(true);
    // The image tokens of a side are in details arrays that itemise a count of that side.
    for (const [[details, modalities], side] of [
      [_GEMINI.inputImage, _GEMINI.input],
      [_GEMINI.outputImage, _GEMINI.output],
    ] as const) {
      for (const itemised of details) expect(side).toContain(_GEMINI.details[itemised]);
      expect(modalities.every((modality) => _GEMINI.modalities.includes(modality) && !_GEMINI.refused.includes(modality))).toBe(true);
    }
  });
});
