import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import {
  checkImageUsage,
  type ImageUsage,
  isImageUsage,
  safeParseImageUsage,
  StrictWireImageUsageSchema,
  sumImageUsage,
  toWire,
  WireImageUsageSchema,
} from '../src/index.ts';

// The outcome of each odd number, as the "Odd numbers" table of
// docs/guarantees.md states it: every row of that table is computed here from
// what the package does.

const guarantees = readFileSync(new URL('../docs/guarantees.md', import.meta.url), 'utf8');

/** A usage object with `count` in every count that can hold it consistently. */
function usageOf(count: unknown): Record<string, unknown> {
  return { totalTokens: count, inputTokens: count, outputTokens: 0, inputTokensDetails: { textTokens: count, imageTokens: 0 } };
}

/** The same in the wire form. */
function wireOf(count: unknown): Record<string, unknown> {
  return { total_tokens: count, input_tokens: count, output_tokens: 0, input_tokens_details: { text_tokens: count, image_tokens: 0 } };
}

/** What a parse does with the count: accepted (and how it comes out) or the first issue's message. */
function parseCell(input: unknown, strict: boolean): string {
  const result = safeParseImageUsage(input, { strict });
  if (!result.success) {
    // The issue's path is the field, in the form the caller used.
    expect(v.getDotPath(result.issues[0])).toBe('totalTokens' in (input as object) ? 'totalTokens' : 'total_tokens');
    return `rejected: \`${result.issues[0].message}\``;
  }
  return Object.is(result.output.totalTokens, -0) ? 'accepted, kept as `-0`' : 'accepted';
}

/** What sumImageUsage makes of two such usages: the total, or the error class. */
function sumCell(count: unknown): string {
  try {
    return `\`${sumImageUsage([usageOf(count), usageOf(count)] as unknown as ImageUsage[]).totalTokens}\``;
  } catch (error) {
    return `${(error as Error).name}`;
  }
}

const rows: Array<[label: string, count: () => unknown, json: string | undefined]> = [
  ['`-0`', () => -0, '-0'],
  ['`Number.MAX_SAFE_INTEGER`', () => Number.MAX_SAFE_INTEGER, '9007199254740991'],
  ['`1e308`', () => 1e308, '1e308'],
  ['`5e-324` (subnormal)', () => 5e-324, '5e-324'],
  ['`1e400` in JSON text (`Infinity`)', () => JSON.parse('1e400') as number, '1e400'],
  ['`NaN`', () => Number.NaN, undefined],
  ['`"4212"` (digit string)', () => '4212', '"4212"'],
  ['`4212n` (bigint)', () => 4212n, undefined],
  ['`new Number(4212)` (boxed)', () => new Number(4212), undefined],
];

describe('odd numbers', () => {
  test.each(rows)('%s: the README row holds, in either form', (label, count, json) => {
    const sdk = usageOf(count());
    const row = `| ${label} | ${parseCell(sdk, false)} | ${parseCell(sdk, true)} | \`${isImageUsage(sdk)}\` | ${sumCell(count())} |`;
    expect(guarantees).toContain(row);
    // The wire form, from JSON text where the value can be written in JSON, gets the same outcome.
    const wire = json === undefined ? wireOf(count()) : (JSON.parse(
      `{"total_tokens":${json},"input_tokens":${json},"output_tokens":0,"input_tokens_details":{"text_tokens":${json},"image_tokens":0}}`,
    ) as unknown);
    expect(parseCell(wire, false)).toBe(parseCell(sdk, false));
    expect(parseCell(wire, true)).toBe(parseCell(sdk, true));
    // The valibot schemas agree.
    expect(v.safeParse(WireImageUsageSchema, wire).success).toBe(safeParseImageUsage(sdk).success);
    expect(v.safeParse(StrictWireImageUsageSchema, wire).success).toBe(safeParseImageUsage(sdk, { strict: true }).success);
  });

  test('checkImageUsage takes what isImageUsage accepts, and throws a TypeError naming the field otherwise, with the message of the parse', () => {
    for (const [, count] of rows) {
      const usage = usageOf(count()) as unknown as ImageUsage;
      if (isImageUsage(usage)) {
        expect(checkImageUsage(usage)).toStrictEqual([]);
      } else {
        const result = safeParseImageUsage(usage);
        expect(result.success).toBe(false);
        if (result.success) continue;
        expect(() => checkImageUsage(usage)).toThrow(new TypeError(`checkImageUsage: usage is not an ImageUsage: totalTokens: ${result.issues[0].message}`));
      }
    }
  });

  test('-0 comes out as -0 and goes out to JSON as 0', () => {
    const result = safeParseImageUsage(usageOf(-0), { strict: true });
    expect(result.success && Object.is(result.output.inputTokensDetails.textTokens, -0)).toBe(true);
    expect(JSON.stringify(toWire(usageOf(-0) as unknown as ImageUsage))).toContain('"total_tokens":0,');
  });

  test('MAX_SAFE_INTEGER adds up exactly to itself, one more is a RangeError', () => {
    const max = usageOf(Number.MAX_SAFE_INTEGER) as unknown as ImageUsage;
    const zero = usageOf(0) as unknown as ImageUsage;
    expect(sumImageUsage([max, zero, zero]).totalTokens).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => sumImageUsage([max, usageOf(1) as unknown as ImageUsage])).toThrow(
      new RangeError('sumImageUsage: totalTokens passes Number.MAX_SAFE_INTEGER (9007199254740991)'),
    );
  });

  test('counts that add up past the largest double break the sum rules', () => {
    const huge = { ...usageOf(1e308), outputTokens: 1e308 } as unknown as ImageUsage;
    expect(checkImageUsage(huge).map(({ rule, expected }) => [rule, expected])).toStrictEqual([['total', Number.POSITIVE_INFINITY]]);
  });

  test('subnormals add up like any fraction', () => {
    expect(sumImageUsage([usageOf(5e-324), usageOf(5e-324)] as unknown as ImageUsage[]).totalTokens).toBe(1e-323);
  });
});
