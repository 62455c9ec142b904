import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import {
  ImageUsageSchema,
  isImageUsage,
  parseImageUsage,
  safeParseImageUsage,
  GeminiUsageMetadataSchema,
  StrictGeminiUsageMetadataSchema,
  StrictImageUsageSchema,
  StrictWireImageUsageSchema,
  StrictWireOrSdkImageUsageSchema,
  toWire,
  WireImageUsageSchema,
  WireOrSdkImageUsageSchema,
} from '../src/index.ts';
import { _SDK, _usageKeys, _WIRE } from '../src/_shape.ts';
import { consistentIntegerUsage, functionDetailsUsage, geminiLike, imageUsage, usageLike, wireImageUsage } from './arbitraries/index.ts';

/** The form of an input, told by the description's keys: what WireOrSdkImageUsageSchema must do, written the slow way. */
function formOf(input: unknown): 'sdk' | 'wire' | 'none' | 'mixed' | 'value' {
  if (typeof input !== 'object' || input === null) return 'value';
  const sdk = _usageKeys(_SDK).some((key) => key in input);
  const wire = _usageKeys(_WIRE).some((key) => key in input);
  return sdk ? (wire ? 'mixed' : 'sdk') : wire ? 'wire' : 'none';
}

describe('properties', () => {
  test('parse and toWire are inverse', () => {
    fc.assert(
      fc.property(imageUsage, (usage) => {
        expect(parseImageUsage(toWire(usage))).toStrictEqual(parseImageUsage(usage));
      }),
    );
    fc.assert(
      fc.property(wireImageUsage, (wire) => {
        // toWire leaves out what parse read as absent: null details objects.
        const expected = Object.fromEntries(Object.entries(structuredClone(wire)).filter(([, value]) => value !== null));
        expect(toWire(parseImageUsage(wire))).toStrictEqual(expected);
      }),
    );
  });

  test('safeParseImageUsage and isImageUsage never throw, and agree with each other on SDK input', () => {
    fc.assert(
      fc.property(fc.oneof(usageLike, functionDetailsUsage), fc.boolean(), (input, strict) => {
        const result = safeParseImageUsage(input, { strict });
        expect(typeof result.success).toBe('boolean');
        if (!result.success) expect(result.issues.length).toBeGreaterThan(0);
        // On SDK-form input the guard and the parser agree both ways.
        if (formOf(input) === 'sdk') expect(safeParseImageUsage(input).success).toBe(isImageUsage(input));
        else if (isImageUsage(input)) expect(safeParseImageUsage(input).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  // The schemas take a hand-written fast path for valid input and report
  // invalid input field by field. Rebuilding each from its own pipe gives the
  // full valibot checks without either: both must accept and reject the same
  // inputs, give the same output, and report the same issues in the same order.
  test.each([
    ['ImageUsageSchema', ImageUsageSchema],
    ['WireImageUsageSchema', WireImageUsageSchema],
    ['StrictImageUsageSchema', StrictImageUsageSchema],
    ['StrictWireImageUsageSchema', StrictWireImageUsageSchema],
  ] as const)('the fast path of %s agrees with the full valibot checks', (_, schema) => {
    const [first, ...rest] = schema.pipe as readonly [v.GenericSchema, ...v.PipeItem<unknown, unknown, v.BaseIssue<unknown>>[]];
    const full = v.pipe(first, ...rest);
    expect(full).not.toBe(schema);
    const integerUsageLike = fc.oneof(usageLike, functionDetailsUsage, consistentIntegerUsage, consistentIntegerUsage.map(toWire));
    fc.assert(
      fc.property(integerUsageLike, (input) => {
        for (const config of [undefined, { abortEarly: true }]) {
          const fast = v.safeParse(schema, input, config);
          const slow = v.safeParse(full, input, config);
          expect(fast.success).toBe(slow.success);
          if (fast.success) expect(fast.output).toStrictEqual(slow.output);
          // Whole issues: kind, type, input, expected, received, message, requirement, and each
          // path item with its input and value.
          else expect(fast.issues).toStrictEqual(slow.issues);
        }
      }),
      { numRuns: 5000 },
    );
  });

  // WireOrSdkImageUsageSchema (and its strict twin, the runs of parseImageUsage)
  // is hand-written: for any input it must be the full valibot pipe of the
  // form its keys name, or one issue about the input as a whole.
  test.each([
    ['WireOrSdkImageUsageSchema', WireOrSdkImageUsageSchema],
    ['StrictWireOrSdkImageUsageSchema', StrictWireOrSdkImageUsageSchema],
  ] as const)('%s is the full pipe of the form its keys name', (_, schema) => {
    const full = (form: v.GenericSchema) => {
      const [first, ...rest] = (form as unknown as { pipe: readonly [v.GenericSchema, ...v.PipeItem<unknown, unknown, v.BaseIssue<unknown>>[]] }).pipe;
      return v.pipe(first, ...rest);
    };
    const mixed = fc.tuple(consistentIntegerUsage, consistentIntegerUsage.map(toWire)).map(([sdk, wire]) => ({ ...wire, ...sdk }));
    fc.assert(
      fc.property(fc.oneof(usageLike, functionDetailsUsage, consistentIntegerUsage, consistentIntegerUsage.map(toWire), mixed), (input) => {
        for (const config of [undefined, { abortEarly: true }]) {
          const result = v.safeParse(schema, input, config);
          const form = formOf(input);
          if (form === 'sdk' || form === 'wire') {
            expect(result).toStrictEqual(v.safeParse(full(schema.forms[form]), input, config));
          } else {
            expect(result.success).toBe(false);
            expect(result.issues).toHaveLength(1);
            expect(result.issues?.[0]).toMatchObject({ kind: 'schema', type: 'wire_or_sdk_image_usage', input, path: undefined });
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  // The Gemini schemas answer valid input on their own fast path: it must be the full pipe.
  test.each([
    ['GeminiUsageMetadataSchema', GeminiUsageMetadataSchema],
    ['StrictGeminiUsageMetadataSchema', StrictGeminiUsageMetadataSchema],
  ] as const)('the fast path of %s agrees with the full valibot checks', (_, schema) => {
    const [first, ...rest] = schema.pipe as readonly [v.GenericSchema, ...v.PipeItem<unknown, unknown, v.BaseIssue<unknown>>[]];
    const full = v.pipe(first, ...rest);
    let valid = 0;
    fc.assert(
      fc.property(geminiLike, (input) => {
        for (const config of [undefined, { abortEarly: true }]) {
          const fast = v.safeParse(schema, input, config);
          expect(fast).toStrictEqual(v.safeParse(full, input, config));
          if (fast.success) valid++;
        }
      }),
      { numRuns: 5000 },
    );
    // Both kinds were tried.
    expect(valid).toBeGreaterThan(500);
  });
});
