import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { _describeValue, _quote } from './_describeValue.ts';

/** One short line of well-formed text. */
const isShortLine = (text: string) => text.length <= 90 && !/[\n\r\u0085\u2028\u2029]/.test(text) && text.isWellFormed();

class Tokens {}

describe('_describeValue', () => {
  test.each([
    ['"12"', '12'],
    ['-0', -0],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['NaN', Number.NaN],
    ['1e+308', 1e308],
    ['12n', 12n],
    ['null', null],
    ['undefined', undefined],
    ['Array', [1]],
    ['Object', { a: 1 }],
    ['Object', Object.create(null)],
    ['Number', new Number(12)],
    ['Date', new Date(0)],
    ['Tokens', new Tokens()],
    ['Function', () => 1],
    ['Symbol("x")', Symbol('x')],
    ['Symbol("")', Symbol()],
    ['true', true],
  ])('describes as %s', (expected, value) => {
    expect(_describeValue(value)).toBe(expected);
  });

  test('names an object Object when its class name is not a name, without converting it', () => {
    let conversions = 0;
    const name = { toString: () => `${++conversions}` };
    for (const odd of [name, 42, Symbol('n'), 'not a name', 'x'.repeat(100), '']) {
      expect(_describeValue(Object.create({ constructor: { name: odd } }))).toBe('Object');
    }
    expect(conversions).toBe(0);
  });

  test('cuts a huge string to 80 characters or fewer, saying how long it was', () => {
    expect(_describeValue('x'.repeat(1_000_000))).toBe(`"${'x'.repeat(49)}…" (1000000 characters)`);
    expect(_describeValue('x'.repeat(78))).toBe(`"${'x'.repeat(78)}"`);
    expect(_describeValue('x'.repeat(79))).toBe(`"${'x'.repeat(49)}…" (79 characters)`);
    expect(_describeValue(10n ** 100n)).toBe(`1${'0'.repeat(49)}… (102 characters)`);
  });

  test('escapes every line break, JSON leaves some in', () => {
    expect(_describeValue('a\nb\r\nc\u2028d\u2029e\u0085f')).toBe('"a\\nb\\r\\nc\\u2028d\\u2029e\\u0085f"');
    expect(_describeValue(Symbol('two\nlines'))).toBe('Symbol("two\\nlines")');
  });

  test('never cuts a surrogate pair or an escape in two', () => {
    expect(_describeValue('😀'.repeat(101))).toBe(`"${'😀'.repeat(24)}…" (202 characters)`);
    expect(_describeValue('\n'.repeat(100))).toBe(`"${'\\n'.repeat(24)}…" (100 characters)`);
    expect(_describeValue('\u0001'.repeat(100))).toBe(`"${'\\u0001'.repeat(8)}…" (100 characters)`);
  });

  test('gives one short line of well-formed text for any string and any symbol', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ maxLength: 200 })), (text) => {
        expect(isShortLine(_describeValue(text))).toBe(true);
        expect(isShortLine(_describeValue(Symbol(text)))).toBe(true);
        // What fits is quoted whole, as JSON would, and reads back as the string.
        const quoted = _quote(text);
        if (!quoted.endsWith('characters)')) expect(JSON.parse(quoted.replace(/\\u(2028|2029|0085)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

test('escapes the C1 controls and the invisible and direction marks, which could make a log line read otherwise', () => {
  expect(_describeValue('a\u009bb\u202ec\u200bd\u2066e')).toBe('"a\\u009bb\\u202ec\\u200bd\\u2066e"');
});
