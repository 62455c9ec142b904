import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import {
  ImageUsageSchema,
  isImageUsage,
  parseImageUsage,
  safeParseImageUsage,
  StrictImageUsageSchema,
  StrictWireImageUsageSchema,
  toWire,
  WireImageUsageSchema,
} from '../src/index.ts';
import { detectForm } from '../src/parse/detectForm.ts';
import { consistentIntegerUsage, functionDetailsUsage, imageUsage, usageLike, wireImageUsage } from './arbitraries/index.ts';

describe('properties', () => {
  test('parse and toWire are inverse', () => {
    fc.assert(
      fc.property(imageUsage, (usage) => {
        expect(parseImageUsage(toWire(usage))).toStrictEqual(parseImageUsage(usage));
      }),
    );
    fc.assert(
      fc.property(wireImageUsage, (wire) => {
        const { output_tokens_details: details, ...rest } = wire;
        // structuredClone: the input may have a null prototype; the output is a plain object.
        const expected = structuredClone(details == null ? rest : wire);
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
        if (detectForm(input) === 'sdk') expect(safeParseImageUsage(input).success).toBe(isImageUsage(input));
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
});
