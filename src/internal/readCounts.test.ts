import { describe, expect, test } from 'vitest';
import { COUNT_PATHS, readCounts } from './readCounts.ts';
import { sdkUsage as usage } from '../../test/fixtures/samples.ts';


describe('readCounts', () => {
  test('reads the seven counts in the order of COUNT_PATHS', () => {
    const counts = new Float64Array(7);
    expect(readCounts(usage, counts, 'test')).toBe(true);
    expect([...counts]).toStrictEqual([4768, 169, 4599, 169, 0, 439, 4160]);
    expect(COUNT_PATHS).toHaveLength(7);
  });

  test('says whether the output details are present', () => {
    const { outputTokensDetails: _, ...withoutDetails } = usage;
    expect(readCounts(withoutDetails, new Float64Array(7), 'test')).toBe(false);
    expect(readCounts({ ...withoutDetails, outputTokensDetails: undefined }, new Float64Array(7), 'test')).toBe(false);
  });

  test('stores zeros for the output details when they are absent, whatever the slots held', () => {
    const { outputTokensDetails: _, ...withoutDetails } = usage;
    const counts = new Float64Array(7).fill(9);
    readCounts(withoutDetails, counts, 'test');
    expect([...counts]).toStrictEqual([4768, 169, 4599, 169, 0, 0, 0]);
  });

  test('names the field, what was expected and what was received', () => {
    const counts = new Float64Array(7);
    expect(() => readCounts({ ...usage, inputTokensDetails: { textTokens: 169, imageTokens: '0' } }, counts, 'f: usage')).toThrow(
      new TypeError('f: usage is not an ImageUsage: inputTokensDetails.imageTokens: expected a finite number >= 0, received "0"'),
    );
    expect(() => readCounts({ ...usage, outputTokensDetails: null }, counts, 'f: usage')).toThrow(
      new TypeError('f: usage is not an ImageUsage: outputTokensDetails: expected an object, received null'),
    );
    expect(() => readCounts(42, counts, 'f: usage')).toThrow(
      new TypeError('f: usage is not an ImageUsage: (value): expected an object, received 42'),
    );
  });

  test('names the index of an element', () => {
    expect(() => readCounts({ ...usage, totalTokens: -0.5 }, new Float64Array(7), 'sum: element', 3)).toThrow(
      new TypeError('sum: element 3 is not an ImageUsage: totalTokens: expected a finite number >= 0, received -0.5'),
    );
  });

  test('says the value could not be read when a getter throws, keeping the cause', () => {
    const cause = new Error('boom');
    const hostile = Object.defineProperty({ ...usage }, 'inputTokens', {
      get() {
        throw cause;
      },
    });
    let error: unknown;
    try {
      readCounts(hostile, new Float64Array(7), 'sum: element', 2);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe('sum: element 2 could not be read: a getter or proxy trap threw');
    expect((error as TypeError).cause).toBe(cause);
  });

  test('reads each field once: a getter that answers differently the second time changes nothing', () => {
    let reads = 0;
    const flipping = Object.defineProperty({ ...usage }, 'totalTokens', {
      get: () => (reads++ === 0 ? 4768 : Number.NaN),
    });
    const counts = new Float64Array(7);
    expect(readCounts(flipping, counts, 'test')).toBe(true);
    expect(counts[0]).toBe(4768);
    expect(reads).toBe(1);
  });

  test('stops at the first bad field, in the order of COUNT_PATHS, without reading further', () => {
    const later = Object.defineProperty({ ...usage, totalTokens: 'x' }, 'outputTokensDetails', {
      get() {
        throw new Error('read too far');
      },
    });
    expect(() => readCounts(later, new Float64Array(7), 'f: usage')).toThrow(
      new TypeError('f: usage is not an ImageUsage: totalTokens: expected a finite number >= 0, received "x"'),
    );
  });

  test('says a function is not a details object, whatever fields it carries', () => {
    const details = Object.assign(() => 0, { textTokens: 169, imageTokens: 0 });
    expect(() => readCounts({ ...usage, inputTokensDetails: details }, new Float64Array(7), 'f: usage')).toThrow(
      new TypeError('f: usage is not an ImageUsage: inputTokensDetails: expected an object, received Function'),
    );
  });
});
