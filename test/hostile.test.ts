import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import {
  checkImageUsage,
  consistentImageUsage,
  ImageUsageError,
  ImageUsageSchema,
  isImageUsage,
  parseImageUsage,
  safeParseImageUsage,
  sumImageUsage,
  toWire,
  StrictImageUsageSchema,
  StrictWireImageUsageSchema,
  WireImageUsageSchema,
} from '../src/index.ts';
import { consistentIntegerUsage, usageLike } from './arbitraries/index.ts';
import { type Disguise, disguise, HostileError, makeUnreadable, type Trap } from './arbitraries/hostile.ts';
import { checkGuarantees, MAX_ISSUE_MESSAGE } from './invariants.ts';
import { sdkUsage as sdk } from './fixtures/samples.ts';

// The guarantees of the README's "Guarantees" section, one example each; the
// fuzz test (test/fuzz.test.ts) runs the same checks on 100,000 generated inputs.

const wire = toWire(sdk);
const COULD_NOT_READ = '(root): expected a readable value, received one that could not be read (a getter or proxy trap threw)';

/** The issues of a failed parse as `path: message`, as ImageUsageError lists them, or 'ok'. */
function messages(input: unknown, strict = false): string[] | 'ok' {
  const result = safeParseImageUsage(input, { strict });
  return result.success ? 'ok' : result.issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
}

/** What parseImageUsage throws, or undefined. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('never throws', () => {
  test('for any JSON value (safeParseImageUsage, isImageUsage; parseImageUsage throws only ImageUsageError)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        checkGuarantees(value);
      }),
      { numRuns: 5000 },
    );
    for (const value of [null, true, false, 0, -0, '', 'usage', [], [sdk], {}, { usage: sdk }]) checkGuarantees(value);
    expect(messages(null)).toStrictEqual(['(root): expected Object, received null']);
    expect(messages([])).toStrictEqual([
      '(root): expected usage keys in snake_case (total_tokens, ...) or camelCase (totalTokens, ...), received Array without any',
    ]);
  });

  const traps: ReadonlyArray<readonly [string, Trap]> = [
    ['a get trap throws', 'get'],
    ['a has trap throws', 'has'],
    ['a getter throws', 'getter'],
    ['the proxy is revoked', 'revoked'],
  ];
  test.each(traps)('answers "could not be read" when %s, on the root or on the details, in either form', (_, trap) => {
    for (const usage of [sdk, wire] as unknown as Record<string, unknown>[]) {
      const rootKey = 'totalTokens' in usage ? 'totalTokens' : 'total_tokens';
      const detailsKey = 'totalTokens' in usage ? 'inputTokensDetails' : 'input_tokens_details';
      const detailsField = 'totalTokens' in usage ? 'textTokens' : 'text_tokens';
      const onRoot = makeUnreadable(usage, trap, rootKey);
      const onDetails = { ...usage, [detailsKey]: makeUnreadable(usage[detailsKey] as Record<string, unknown>, trap, detailsField) };
      for (const hostile of trap === 'has' ? [onRoot] : [onRoot, onDetails]) {
        for (const strict of [false, true]) {
          expect(messages(hostile, strict)).toStrictEqual([COULD_NOT_READ]);
          const error = thrownBy(() => parseImageUsage(hostile, { strict }));
          expect(error).toBeInstanceOf(ImageUsageError);
          expect((error as Error).message).toBe(`Invalid image usage (1 issue):\n  ${COULD_NOT_READ}`);
        }
        if (usage !== (sdk as unknown)) continue;
        // isImageUsage, sumImageUsage and checkImageUsage take the SDK form and
        // read its fields without asking `in`: a `has` trap is never sprung.
        if (trap === 'has') {
          expect(isImageUsage(hostile)).toBe(true);
          expect(sumImageUsage([hostile as typeof sdk])).toStrictEqual(sdk);
          expect(checkImageUsage(hostile as typeof sdk)).toStrictEqual([]);
          continue;
        }
        expect(isImageUsage(hostile)).toBe(false);
        expect(thrownBy(() => sumImageUsage([sdk, hostile as typeof sdk]))).toStrictEqual(
          new TypeError('sumImageUsage: element 1 could not be read: a getter or proxy trap threw'),
        );
        expect(thrownBy(() => checkImageUsage(hostile as typeof sdk))).toStrictEqual(
          new TypeError('checkImageUsage: usage could not be read: a getter or proxy trap threw'),
        );
      }
    }
  });

  test('reads an object through traps it never needs (ownKeys, getOwnPropertyDescriptor, a has trap on the details)', () => {
    const fail = (): never => {
      throw new HostileError('trap');
    };
    const noKeys = new Proxy(sdk, { ownKeys: fail, getOwnPropertyDescriptor: fail });
    expect(parseImageUsage(noKeys)).toStrictEqual(sdk);
    const detailsHas = { ...sdk, inputTokensDetails: new Proxy(sdk.inputTokensDetails, { has: fail }) };
    expect(parseImageUsage(detailsHas)).toStrictEqual(sdk);
  });

  test('for a cyclic object: reads its fields, ignores the cycle, and names a cyclic value where a count belongs', () => {
    const cyclic: Record<string, unknown> = { ...sdk, inputTokensDetails: { ...sdk.inputTokensDetails } };
    cyclic['self'] = cyclic;
    (cyclic['inputTokensDetails'] as Record<string, unknown>)['parent'] = cyclic;
    expect(parseImageUsage(cyclic)).toStrictEqual(sdk);
    expect(isImageUsage(cyclic)).toBe(true);
    const loop: Record<string, unknown> = {};
    loop['loop'] = loop;
    expect(messages({ ...sdk, totalTokens: loop })).toStrictEqual(['totalTokens: expected number, received Object']);
    checkGuarantees(cyclic);
  });
});

describe('reads any object with the right fields like a plain one, whatever its prototype', () => {
  const disguises: readonly Disguise[] = ['nullPrototype', 'classInstance', 'inheritedGetters', 'prototypeFields', 'frozen', 'proxy', 'cyclic'];
  test.each(disguises)('%s', (kind) => {
    for (const usage of [sdk, wire]) {
      const disguised = disguise(usage, kind, kind);
      expect(parseImageUsage(disguised)).toStrictEqual(sdk);
      expect(parseImageUsage(disguised, { strict: true })).toStrictEqual(sdk);
      expect(v.parse(WireImageUsageSchema, disguise(wire, kind, kind))).toStrictEqual(sdk);
    }
    expect(isImageUsage(disguise(sdk, kind, kind))).toBe(true);
    expect(sumImageUsage([disguise(sdk, kind, kind) as typeof sdk])).toStrictEqual(sdk);
    expect(checkImageUsage(disguise(sdk, kind, kind) as typeof sdk)).toStrictEqual([]);
    // Broken the same way, reported the same way.
    const broken = { ...sdk, inputTokensDetails: { textTokens: '169', imageTokens: -1 } };
    expect(messages(disguise(broken, kind, kind))).toStrictEqual(messages(broken));
  });

  test('a class instance whose fields are getters', () => {
    class Usage {
      readonly #tokens: number;
      constructor(tokens: number) {
        this.#tokens = tokens;
      }
      get totalTokens(): number {
        return this.#tokens;
      }
      get inputTokens(): number {
        return this.#tokens;
      }
      get outputTokens(): number {
        return 0;
      }
      get inputTokensDetails(): { textTokens: number; imageTokens: number } {
        return { textTokens: this.#tokens, imageTokens: 0 };
      }
    }
    const expected = { totalTokens: 52, inputTokens: 52, outputTokens: 0, inputTokensDetails: { textTokens: 52, imageTokens: 0 } };
    expect(parseImageUsage(new Usage(52), { strict: true })).toStrictEqual(expected);
    expect(isImageUsage(new Usage(52))).toBe(true);
  });
});

describe('__proto__ and constructor keys pollute nothing', () => {
  const payload = '{"polluted":true,"totalTokens":1,"total_tokens":1,"text_tokens":1,"textTokens":1,"prototype":{"polluted":true}}';
  const texts = [
    `{"__proto__":${payload},"total_tokens":4212,"input_tokens":52,"output_tokens":4160,"input_tokens_details":{"__proto__":${payload},"text_tokens":52,"image_tokens":0},"output_tokens_details":{"constructor":${payload},"text_tokens":0,"image_tokens":4160}}`,
    `{"constructor":${payload},"totalTokens":4212,"inputTokens":52,"outputTokens":4160,"inputTokensDetails":{"constructor":${payload},"textTokens":52,"imageTokens":0},"outputTokensDetails":{"__proto__":${payload},"textTokens":0,"imageTokens":4160}}`,
  ];
  const expected = {
    totalTokens: 4212,
    inputTokens: 52,
    outputTokens: 4160,
    inputTokensDetails: { textTokens: 52, imageTokens: 0 },
    outputTokensDetails: { textTokens: 0, imageTokens: 4160 },
  };

  test.each(texts.map((text, index) => [index === 0 ? 'wire' : 'SDK', text, index] as const))('%s form: outputs are fresh plain objects with only the known keys', (_, text, index) => {
    for (const strict of [false, true]) {
      const input = JSON.parse(text) as unknown;
      const output = parseImageUsage(input, { strict });
      expect(output).toStrictEqual(expected);
      for (const object of [output, output.inputTokensDetails, output.outputTokensDetails]) {
        expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
        expect(Object.hasOwn(object as object, '__proto__')).toBe(false);
        expect(Object.hasOwn(object as object, 'constructor')).toBe(false);
      }
      const wireOut = toWire(output);
      expect(Object.getPrototypeOf(wireOut)).toBe(Object.prototype);
      expect(Object.keys(wireOut)).toStrictEqual(['total_tokens', 'input_tokens', 'output_tokens', 'input_tokens_details', 'output_tokens_details']);
      const sum = sumImageUsage([output, output]);
      expect(Object.getPrototypeOf(sum)).toBe(Object.prototype);
      expect(Object.keys(sum)).toStrictEqual(Object.keys(expected));
      // The schemas, straight from valibot.
      const schema = index === 0 ? (strict ? StrictWireImageUsageSchema : WireImageUsageSchema) : strict ? StrictImageUsageSchema : ImageUsageSchema;
      const parsed = v.parse(schema, input);
      expect(parsed).toStrictEqual(expected);
      expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['totalTokens']).toBeUndefined();
    expect(Object.keys(Object.prototype)).toStrictEqual([]);
  });

  test('usage keys only inside __proto__ are not usage keys', () => {
    expect(messages(JSON.parse(`{"__proto__":${payload}}`))).toStrictEqual([
      '(root): expected usage keys in snake_case (total_tokens, ...) or camelCase (totalTokens, ...), received Object without any',
    ]);
  });
});

describe('the input is never mutated', () => {
  /** Wraps plain data in proxies that record every write, however deep. */
  function writeGuard(value: unknown, writes: string[], path = '(root)'): unknown {
    if (typeof value !== 'object' || value === null) return value;
    const record = (what: string) => (_: object, key?: string | symbol) => {
      writes.push(`${what} ${path}.${String(key)}`);
      return true;
    };
    return new Proxy(value, {
      get: (target, key, receiver) => writeGuard(Reflect.get(target, key, receiver), writes, `${path}.${String(key)}`),
      set: record('set'),
      defineProperty: record('defineProperty'),
      deleteProperty: record('deleteProperty'),
      setPrototypeOf: () => {
        writes.push(`setPrototypeOf ${path}`);
        return true;
      },
      preventExtensions: (target) => {
        writes.push(`preventExtensions ${path}`);
        return Reflect.preventExtensions(target);
      },
    });
  }

  test('no entry point writes to any object it is given, at any depth (fuzzed)', () => {
    fc.assert(
      fc.property(fc.oneof(usageLike, consistentIntegerUsage, consistentIntegerUsage.map(toWire)), (value) => {
        const writes: string[] = [];
        const guarded = writeGuard(value, writes);
        checkGuarantees(guarded);
        thrownBy(() => sumImageUsage([guarded as typeof sdk]));
        thrownBy(() => checkImageUsage(guarded as typeof sdk));
        thrownBy(() => toWire(guarded as typeof sdk));
        for (const schema of [ImageUsageSchema, WireImageUsageSchema, StrictImageUsageSchema, StrictWireImageUsageSchema]) v.safeParse(schema, guarded);
        v.safeParse(v.pipe(WireImageUsageSchema, consistentImageUsage()), guarded);
        expect(writes).toStrictEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  test('the write guard sees writes (the check can fail)', () => {
    const writes: string[] = [];
    const guarded = writeGuard({ a: { b: 1 } }, writes) as { a: { b: number; c?: number } };
    guarded.a.b = 2;
    delete guarded.a.c;
    expect(writes).toStrictEqual(['set (root).a.b', 'deleteProperty (root).a.c']);
  });
});

describe('error messages name the path, the expectation and the received value, under 300 characters', () => {
  const deep = (depth: number): unknown => {
    let value: unknown = 1;
    for (let index = 0; index < depth; index++) value = { value };
    return value;
  };
  const huge: ReadonlyArray<readonly [string, unknown, RegExp]> = [
    ['a 1 MB string', 'x'.repeat(1_000_000), /^totalTokens: expected number, received "x+…" \(1000000 characters\)$/],
    ['a deep object', deep(100_000), /^totalTokens: expected number, received Object$/],
    ['a huge bigint', 10n ** 100_000n, /^totalTokens: expected number, received 10+… \(100002 characters\)$/],
    ['an array of a million', Array.from({ length: 1_000_000 }, () => 1), /^totalTokens: expected number, received Array$/],
    ['a symbol with a 1 MB description', Symbol('s'.repeat(1_000_000)), /^totalTokens: expected number, received Symbol\("s+…" \(1000000 characters\)\)$/],
  ];

  test.each(huge)('%s is shown truncated', (_, value, message) => {
    const found = messages({ ...sdk, totalTokens: value });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
    expect(found[0]!.length).toBeLessThan(MAX_ISSUE_MESSAGE);
    const error = thrownBy(() => parseImageUsage({ ...sdk, totalTokens: value })) as ImageUsageError;
    expect(error.message.split('\n')[1]).toBe(`  ${found[0]}`);
    const sumError = thrownBy(() => sumImageUsage([{ ...sdk, totalTokens: value } as unknown as typeof sdk])) as TypeError;
    expect(sumError).toBeInstanceOf(TypeError);
    expect(sumError.message).toBe(`sumImageUsage: element 0 is not an ImageUsage: ${found[0]!}`);
    expect(sumError.message.length).toBeLessThan(MAX_ISSUE_MESSAGE);
  });

  test('every issue of a value broken everywhere, in either form and under either rules', () => {
    const big = 'y'.repeat(1_000_000);
    const everywhere = {
      totalTokens: big,
      inputTokens: deep(1000),
      outputTokens: 10n ** 1000n,
      inputTokensDetails: { textTokens: big, imageTokens: Number.NaN },
      outputTokensDetails: { textTokens: -1, imageTokens: Number.POSITIVE_INFINITY },
    };
    for (const input of [everywhere, { total_tokens: big, input_tokens: deep(1000), output_tokens: -0.5, input_tokens_details: big }]) {
      for (const strict of [false, true]) {
        const found = messages(input, strict);
        expect(found.length).toBeGreaterThanOrEqual(4);
        for (const message of found) {
          expect(message).toMatch(/^[a-z_A-Z.]+: expected [^\n]+, received [^\n]+$/);
          expect(message.length).toBeLessThan(MAX_ISSUE_MESSAGE);
        }
      }
    }
  });
});
