import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { _countPaths, _SDK, _WIRE } from '../src/_shape.ts';
import {
  checkImageUsage,
  consistentImageUsage,
  estimateCost,
  type ImageUsage,
  ImageUsageError,
  ImageUsageSchema,
  parseImageUsage,
  safeParseImageUsage,
  StrictWireImageUsageSchema,
  sumImageUsage,
  toWire,
} from '../src/index.ts';
import { isShortLine } from './invariants.ts';

// Every message the package writes, from every door, is one short line of
// well-formed text, whatever value it describes; a broken rule says what is
// wrong in its fields as well as in its message; and one rule reads the same
// from the schemas, the parse and the helpers.

/** Strings that break lines or pairs: every line terminator, lone surrogates, emoji, long runs. */
const awkwardString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom('a\nb', 'a\r\nb', 'a\u2028b', 'a\u2029b', 'a\u0085b', '\ud800', 'x\udfff', '😀'.repeat(101), '\n'.repeat(500), 'x'.repeat(100_000)),
);

/** Any value a count might be given: every kind, the awkward ones above, huge numbers and bigints, symbols with awkward descriptions. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  awkwardString,
  awkwardString.map((text) => Symbol(text)),
  fc.bigInt({ min: 0n, max: 10n ** 400n }),
  fc.double(),
  fc.constantFrom(1e308, Number.MAX_VALUE, 2 ** 53 + 2, -1e308, Number.NaN),
  fc.constantFrom(new Number(1), new Date(0), [1], () => 1, Object.create(null)),
);

/** A usage object in one form with `value` at the count or details path `at` (an index into the paths of the form). */
function usageWith(form: 'sdk' | 'wire', at: number, value: unknown): Record<string, unknown> {
  const keys = form === 'sdk' ? _SDK : _WIRE;
  const usage: Record<string, unknown> = { [keys.counts[0]]: 3, [keys.counts[1]]: 2, [keys.counts[2]]: 1 };
  usage[keys.details[0]] = { [keys.split[0]]: 1, [keys.split[1]]: 1 };
  usage[keys.details[1]] = { [keys.split[0]]: 1, [keys.split[1]]: 0 };
  usage[keys.cached[0]] = 1;
  usage[keys.cached[1]] = { [keys.cached[2]]: 1, [keys.cached[3]]: 0 };
  const paths = [..._countPaths(keys), ...keys.details, keys.cached[1]];
  const [first, second] = paths[at % paths.length]!.split('.') as [string, string | undefined];
  if (second === undefined) usage[first] = value;
  else (usage[first] as Record<string, unknown>)[second] = value;
  return usage;
}

/** Every message an input gets from every door: issues, the error, the helpers' errors, inconsistencies. */
function messagesFor(input: unknown): string[] {
  const messages: string[] = [];
  for (const strict of [false, true]) {
    const result = safeParseImageUsage(input, { strict });
    if (!result.success) {
      for (const issue of result.issues) messages.push(issue.message, String(issue.received), String(issue.expected));
      try {
        parseImageUsage(input, { strict });
      } catch (error) {
        messages.push(...(error as ImageUsageError).message.split('\n'));
      }
    }
  }
  for (const schema of [ImageUsageSchema, StrictWireImageUsageSchema, v.pipe(ImageUsageSchema, consistentImageUsage({ tolerance: 0 }))]) {
    for (const issue of v.safeParse(schema, input).issues ?? []) messages.push(issue.message, String(issue.received));
  }
  const prices = { inputText: 5, inputImage: 10, outputImage: 40, outputText: 10 };
  for (const run of [
    () => checkImageUsage(input as ImageUsage).map((found) => found.message),
    () => checkImageUsage(input as ImageUsage, { tolerance: 0 }).map((found) => found.message),
    () => (sumImageUsage([input as ImageUsage, input as ImageUsage]), []),
    () => (toWire(input as ImageUsage), []),
    () => (estimateCost(input as ImageUsage, prices), []),
  ]) {
    try {
      messages.push(...run());
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      messages.push((error as Error).message);
    }
  }
  return messages;
}

describe('every message is one short line of well-formed text', () => {
  test('for any value at any count or details path, in either form, from every door', () => {
    fc.assert(
      fc.property(fc.constantFrom<'sdk' | 'wire'>('sdk', 'wire'), fc.nat(12), anyValue, (form, at, value) => {
        for (const message of messagesFor(usageWith(form, at, value))) expect([message, isShortLine(message)]).toStrictEqual([message, true]);
      }),
      { numRuns: 3000 },
    );
  });

  test('for integer counts so large that their sums are written in a few hundred digits', () => {
    const counts = fc.oneof(fc.constantFrom(1e308, Number.MAX_VALUE, 1.5e308, 9e307, 2 ** 1000), fc.double({ min: 1e300, max: Number.MAX_VALUE, noNaN: true }));
    fc.assert(
      fc.property(fc.array(counts, { minLength: 7, maxLength: 7 }), (values) => {
        const usage = {
          totalTokens: values[0]!,
          inputTokens: values[1]!,
          outputTokens: values[2]!,
          inputTokensDetails: { textTokens: values[3]!, imageTokens: values[4]! },
          outputTokensDetails: { textTokens: values[5]!, imageTokens: values[6]! },
        };
        for (const message of messagesFor(usage)) expect([message, isShortLine(message)]).toStrictEqual([message, true]);
      }),
      { numRuns: 500 },
    );
  });

  test('the check can fail: a raw JSON.stringify of such values is not one short line', () => {
    expect(isShortLine(JSON.stringify('a\u2028b'))).toBe(false);
    expect(isShortLine(JSON.stringify('x'.repeat(400)))).toBe(false);
    expect(isShortLine('\ud800')).toBe(false);
    expect(isShortLine(String(10n ** 400n))).toBe(false);
  });
});

describe('a broken rule says what is wrong in its fields as well as in its message', () => {
  const anyCount = fc.oneof(fc.nat(), fc.maxSafeNat(), fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }), fc.constantFrom(0.1, 0.2, 0.3, 2 ** 53, 2 ** 53 + 2, 1e17, 1e308));
  test('expected and received are never the same number, nor read the same', () => {
    fc.assert(
      fc.property(fc.array(anyCount, { minLength: 7, maxLength: 7 }), fc.constantFrom(0, 1e-15, 1e-9, 1e-3), (values, tolerance) => {
        const usage: ImageUsage = {
          totalTokens: values[0]!,
          inputTokens: values[1]!,
          outputTokens: values[2]!,
          inputTokensDetails: { textTokens: values[3]!, imageTokens: values[4]! },
          outputTokensDetails: { textTokens: values[5]!, imageTokens: values[6]! },
        };
        for (const found of checkImageUsage(usage, { tolerance })) {
          expect(Object.is(found.expected, found.received)).toBe(false);
          const [, expectedText, receivedText] = /= (\S+), received (\S+)$/.exec(found.message)!;
          expect(expectedText).not.toBe(receivedText);
          // The figures as written: to 15 significant digits, or in full where that would read the same.
          for (const [text, value] of [[expectedText!, found.expected], [receivedText!, found.received]] as const) {
            expect(Number(text) === value || Math.abs(Number(text) - value) <= Math.abs(value) * 1e-14).toBe(true);
          }
        }
        for (const issue of v.safeParse(v.pipe(ImageUsageSchema, consistentImageUsage({ tolerance })), usage).issues ?? []) {
          expect(issue.expected?.endsWith(`= ${issue.received}`)).toBe(false);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('the cases the reviewer found', () => {
    const parts = { totalTokens: 2 ** 53, inputTokens: 2 ** 53, outputTokens: 1, inputTokensDetails: { textTokens: 2 ** 53, imageTokens: 0 } };
    // 2^53 + 1 is 2^53 as a number: past 2^53 the rules compare as numbers, within the tolerance, and this adds up.
    expect(checkImageUsage(parts)).toStrictEqual([]);
    const tenths = { totalTokens: 0.3, inputTokens: 0.1, outputTokens: 0.2, inputTokensDetails: { textTokens: 0.1, imageTokens: 0 } };
    expect(checkImageUsage(tenths, { tolerance: 0 })).toStrictEqual([
      { rule: 'total', expected: 0.30000000000000004, received: 0.3, message: 'totalTokens: expected inputTokens + outputTokens = 0.30000000000000004, received 0.3' },
    ]);
  });
});

describe('one rule reads the same from every door', () => {
  test("a bad tolerance is named after the helper it was given to, like the helpers' other errors, in the words of a bad count", () => {
    fc.assert(
      fc.property(anyValue, (tolerance) => {
        const count = v.safeParse(ImageUsageSchema, usageWith('sdk', 0, tolerance));
        // Only a value that is not a count, and not undefined (the default tolerance).
        if (count.success || tolerance === undefined) return;
        const text = count.issues[0].message;
        for (const [name, run] of [
          ['checkImageUsage', () => checkImageUsage(usageWith('sdk', 0, 3) as never, { tolerance: tolerance as number })],
          ['consistentImageUsage', () => consistentImageUsage({ tolerance: tolerance as number })],
        ] as const) {
          const error = (() => {
            try {
              run();
            } catch (caught) {
              return caught as Error;
            }
          })();
          expect(error?.message).toBe(`${name}: tolerance: ${text}`);
          expect(error).toBeInstanceOf(typeof tolerance === 'number' ? RangeError : TypeError);
        }
      }),
      { numRuns: 2000 },
    );
    expect(() => checkImageUsage(usageWith('sdk', 0, 3) as never, { tolerance: -1 })).toThrow(new RangeError('checkImageUsage: tolerance: expected >=0, received -1'));
  });

  test('a bad count gets the same message from the schema, the parse and each helper', () => {
    fc.assert(
      fc.property(fc.nat(6), anyValue, (at, value) => {
        const usage = usageWith('sdk', at, value);
        const parsed = v.safeParse(ImageUsageSchema, usage);
        if (parsed.success) return;
        const [first] = parsed.issues;
        const line = `${v.getDotPath(first) ?? '(root)'}: ${first.message}`;
        expect(safeParseImageUsage(usage).success).toBe(false);
        const fromParse = safeParseImageUsage(usage);
        if (!fromParse.success) expect(`${v.getDotPath(fromParse.issues[0]) ?? '(root)'}: ${fromParse.issues[0].message}`).toBe(line);
        for (const [name, run] of [
          ['checkImageUsage: usage', () => checkImageUsage(usage as never)],
          ['toWire: usage', () => toWire(usage as never)],
          ['estimateCost: usage', () => estimateCost(usage as never, { inputText: 1, inputImage: 1, outputImage: 1 })],
          ['sumImageUsage: element 0', () => sumImageUsage([usage as never])],
        ] as const) {
          expect(run).toThrow(new TypeError(`${name} is not an ImageUsage: ${line}`));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
