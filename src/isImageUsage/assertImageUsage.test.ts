import { describe, expect, test } from 'vitest';
import { assertImageUsage } from './assertImageUsage.ts';

const usage = {
  totalTokens: 4212,
  inputTokens: 52,
  outputTokens: 4160,
  inputTokensDetails: { textTokens: 52, imageTokens: 0 },
};

describe('assertImageUsage', () => {
  test('passes a valid usage object', () => {
    expect(() => assertImageUsage(usage, 'test')).not.toThrow();
  });

  test('names the field, what was expected and what was received', () => {
    expect(() => assertImageUsage({ ...usage, inputTokensDetails: { textTokens: 52, imageTokens: '0' } }, 'f: usage')).toThrow(
      new TypeError('f: usage is not an ImageUsage: inputTokensDetails.imageTokens: expected a finite number >= 0, received "0"'),
    );
    expect(() => assertImageUsage({ ...usage, inputTokensDetails: null }, 'f: usage')).toThrow(
      'inputTokensDetails: expected an object, received null',
    );
    expect(() => assertImageUsage(42, 'f: usage')).toThrow('(value): expected an object, received 42');
  });

  test('says the value could not be read when a getter throws, keeping the cause', () => {
    const cause = new Error('boom');
    const hostile = Object.defineProperty({}, 'totalTokens', {
      get() {
        throw cause;
      },
    });
    let error: unknown;
    try {
      assertImageUsage(hostile, 'f: usage');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe('f: usage could not be read: a getter or proxy trap threw');
    expect((error as TypeError).cause).toBe(cause);
  });

  test('says the value could not be read when even describing a field throws (a revoked proxy)', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(() => assertImageUsage({ ...usage, totalTokens: proxy }, 'f: usage')).toThrow(
      new TypeError('f: usage could not be read: a getter or proxy trap threw'),
    );
  });
});
