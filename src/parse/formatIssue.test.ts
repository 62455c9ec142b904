import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { describeValue } from '../internal/describeValue.ts';
import { formatIssue } from './formatIssue.ts';

/** The formatted message of the first issue of `value` against a number schema. */
function messageFor(value: unknown): string {
  const result = v.safeParse(v.object({ count: v.number() }), { count: value });
  if (result.success) throw new Error('expected an issue');
  return formatIssue(result.issues[0]);
}

describe('formatIssue', () => {
  test.each([
    ['4212n', 4212n],
    ['"4212"', '4212'],
    ['"a\\nb"', 'a\nb'],
    ['NaN', Number.NaN],
    ['Number', new Number(4212)],
    ['Date', new Date(0)],
    ['Array', [1]],
    ['Object', Object.create(null)],
    ['Object', { a: 1 }],
    ['null', null],
    ['undefined', undefined],
  ])('describes the received value as %s', (received, value) => {
    expect(messageFor(value)).toBe(`count: expected number, received ${received}`);
  });

  test('describes any received string as describeValue does (quoted as JSON, cut), plain or not', () => {
    // Plain strings reuse valibot's quoting; the rest go through JSON.stringify. Both must read the same.
    const strings = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ minLength: 70, maxLength: 120 }), fc.constantFrom('"', '\\', '\u0000', '\ud800', '😀', 'é'));
    fc.assert(
      fc.property(strings, (text) => {
        expect(messageFor(text)).toBe(`count: expected number, received ${describeValue(text)}`);
      }),
      { numRuns: 2000 },
    );
    expect(messageFor('x'.repeat(100))).toBe(`count: expected number, received "${'x'.repeat(49)}… (102 characters)`);
  });

  test('keeps every message on one line, whatever the received string holds', () => {
    expect(messageFor('line\nbreak\r\n')).toBe('count: expected number, received "line\\nbreak\\r\\n"');
  });

  test('reads an odd constructor name as Object, and cuts a long one', () => {
    const odd = Object.create({ constructor: { name: 'two\nlines' } });
    expect(messageFor(odd)).toBe('count: expected number, received Object');
    const long = Object.create({ constructor: { name: 'L'.repeat(1000) } });
    expect(messageFor(long)).toMatch(/^count: expected number, received L+… \(1000 characters\)$/);
  });
});
