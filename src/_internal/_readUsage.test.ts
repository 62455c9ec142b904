import { describe, expect, test } from 'vitest';
import { sdkUsage as usage, wireUsage } from '../../test/fixtures/samples.ts';
import { thrownBy } from '../../test/invariants.ts';
import { _CACHED, _CACHED_DETAILS, _COUNTS, _OUTPUT_DETAILS } from '../_shape.ts';
import { _checkFields, _readFields, _readUsage } from './_readUsage.ts';

describe('_readUsage', () => {
  test('reads the ten counts in count order, and says which optional parts are there', () => {
    const counts = new Float64Array(_COUNTS);
    expect(_readUsage(usage, counts, 'test')).toBe(_OUTPUT_DETAILS);
    expect([...counts]).toStrictEqual([4768, 169, 4599, 169, 0, 439, 4160, 0, 0, 0]);
    const { outputTokensDetails: _, ...withoutDetails } = usage;
    counts.fill(9);
    expect(_readUsage(withoutDetails, counts, 'test')).toBe(0);
    expect([...counts]).toStrictEqual([4768, 169, 4599, 169, 0, 0, 0, 0, 0, 0]);
    expect(_readUsage({ ...withoutDetails, outputTokensDetails: undefined, cachedTokens: undefined, cachedTokensDetails: undefined }, counts, 'test')).toBe(0);
    const cached = { ...withoutDetails, cachedTokens: 100, cachedTokensDetails: { cachedTextTokens: 100, cachedImageTokens: 0 } };
    expect(_readUsage(cached, counts, 'test')).toBe(_CACHED | _CACHED_DETAILS);
    expect([...counts]).toStrictEqual([4768, 169, 4599, 169, 0, 0, 0, 100, 100, 0]);
    counts.fill(9);
    expect(_readUsage({ ...usage, cachedTokens: 7 }, counts, 'test')).toBe(_OUTPUT_DETAILS | _CACHED);
    expect([...counts]).toStrictEqual([4768, 169, 4599, 169, 0, 439, 4160, 7, 0, 0]);
  });

  test('names the first bad field, what was expected and what was received, with the messages of the schemas', () => {
    const counts = new Float64Array(_COUNTS);
    for (const [input, message] of [
      [{ ...usage, inputTokensDetails: { textTokens: 169, imageTokens: '0' } }, 'inputTokensDetails.imageTokens: expected number, received "0"'],
      [{ ...usage, totalTokens: -0.5 }, 'totalTokens: expected >=0, received -0.5'],
      [{ ...usage, inputTokens: Number.POSITIVE_INFINITY }, 'inputTokens: expected a finite number, received Infinity'],
      [{ ...usage, outputTokensDetails: null }, 'outputTokensDetails: expected Object, received null'],
      [{ ...usage, cachedTokens: null }, 'cachedTokens: expected number, received null'],
      [{ ...usage, cachedTokens: -1 }, 'cachedTokens: expected >=0, received -1'],
      [{ ...usage, cachedTokensDetails: null }, 'cachedTokensDetails: expected Object, received null'],
      [{ ...usage, cachedTokensDetails: { cachedTextTokens: 1 } }, 'cachedTokensDetails.cachedImageTokens: expected number, received undefined'],
      [{ ...usage, inputTokensDetails: Object.assign(() => 0, { textTokens: 169, imageTokens: 0 }) }, 'inputTokensDetails: expected Object, received Function'],
      [42, 'expected Object, received 42'],
    ] as const) {
      expect(thrownBy(() => _readUsage(input, counts, 'f: usage'))).toStrictEqual(new TypeError(`f: usage is not an ImageUsage: ${message}`));
    }
  });

  test('says when it was given the wire form, and what to do', () => {
    expect(thrownBy(() => _readUsage(wireUsage, new Float64Array(_COUNTS), 'toWire: usage'))).toStrictEqual(
      new TypeError('toWire: usage is in the wire form (snake_case keys such as total_tokens): parse it into the SDK form with parseImageUsage first'),
    );
  });

  test('names the index of an element', () => {
    expect(thrownBy(() => _checkFields(_readFields({ ...usage, totalTokens: 'x' }), new Float64Array(_COUNTS), 'sum: element', 3))).toStrictEqual(
      new TypeError('sum: element 3 is not an ImageUsage: totalTokens: expected number, received "x"'),
    );
  });

  test('says the value could not be read when a getter throws, keeping the cause', () => {
    const cause = new Error('boom');
    const hostile = Object.defineProperty({ ...usage }, 'inputTokens', {
      get() {
        throw cause;
      },
    });
    const error = thrownBy(() => _readUsage(hostile, new Float64Array(_COUNTS), 'sum: element 2')) as TypeError;
    expect(error).toStrictEqual(new TypeError('sum: element 2 could not be read: a getter or proxy trap threw'));
    expect(error.cause).toBe(cause);
  });

  test('reads each field once, and never the fields of what is not an object', () => {
    const reads: string[] = [];
    const counted = (object: Record<string, unknown>, prefix: string) =>
      new Proxy(object, {
        get(target, key, receiver) {
          reads.push(`${prefix}${String(key)}`);
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    _readUsage(counted({ ...usage, inputTokensDetails: counted({ ...usage.inputTokensDetails }, 'input.') }, ''), new Float64Array(_COUNTS), 'test');
    expect(reads).toStrictEqual([
      'totalTokens',
      'inputTokens',
      'outputTokens',
      'inputTokensDetails',
      'input.textTokens',
      'input.imageTokens',
      'outputTokensDetails',
      'cachedTokens',
      'cachedTokensDetails',
    ]);
    const details = Object.assign(() => 0, { textTokens: 1, imageTokens: 0 });
    expect(_readFields({ ...usage, inputTokensDetails: details }).slice(4, 7)).toStrictEqual([details, undefined, undefined]);
  });
});

test('says it is the wire form whatever wire key it has', () => {
  const { total_tokens: _, ...rest } = wireUsage;
  expect(thrownBy(() => _readUsage(rest, new Float64Array(_COUNTS), 'toWire: usage'))).toStrictEqual(
    new TypeError('toWire: usage is in the wire form (snake_case keys such as total_tokens): parse it into the SDK form with parseImageUsage first'),
  );
});
