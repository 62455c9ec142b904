import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import {
  checkImageUsage,
  consistentImageUsage,
  estimateCost,
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
import { checkGuarantees, MAX_ISSUE_MESSAGE, thrownBy } from './invariants.ts';
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

describe('what could not be read is never valid, and is never called back into', () => {
  type Outcome = 'accepted' | 'rejected';

  /** Each entry point on an input: what it made of it, after checking that it threw only what it may. */
  const ENTRIES: Record<string, (input: unknown) => Outcome> = {
    safeParseImageUsage: (input) => {
      const result = safeParseImageUsage(input, { strict: true });
      if (!result.success) for (const issue of result.issues) expect(typeof issue.message === 'string' && typeof issue.received === 'string').toBe(true);
      return result.success ? 'accepted' : 'rejected';
    },
    parseImageUsage: (input) => {
      const error = thrownBy(() => parseImageUsage(input));
      expect(error === undefined || error instanceof ImageUsageError).toBe(true);
      return error === undefined ? 'accepted' : 'rejected';
    },
    isImageUsage: (input) => (isImageUsage(input) ? 'accepted' : 'rejected'),
    ...Object.fromEntries(
      (
        [
          ['checkImageUsage', (input: unknown) => checkImageUsage(input as typeof sdk)],
          ['sumImageUsage', (input: unknown) => sumImageUsage([input as typeof sdk])],
          ['toWire', (input: unknown) => toWire(input as typeof sdk)],
        ] as const
      ).map(([name, run]) => [
        name,
        (input: unknown): Outcome => {
          const error = thrownBy(() => run(input));
          expect(error === undefined || error instanceof TypeError || (name === 'sumImageUsage' && error instanceof RangeError)).toBe(true);
          return error === undefined ? 'accepted' : 'rejected';
        },
      ]),
    ),
  };

  /** What every entry point makes of an input. */
  function outcomes(input: unknown): Record<string, Outcome> {
    return Object.fromEntries(Object.entries(ENTRIES).map(([name, run]) => [name, run(input)]));
  }

  /**
   * A usage object (either form) whose every object (the root, each details
   * object) is a proxy; their traps count their calls together, and from the
   * call after `after` on revoke every proxy, or throw. After `poison()`, any
   * trap call is a call back into the input, and fails the test.
   */
  function countdown(usage: Record<string, unknown>, after: number, how: 'revoke' | 'throw') {
    let calls = 0;
    let callsBack = 0;
    let poisoned = false;
    const revokers: (() => void)[] = [];
    const wrap = (object: Record<string, unknown>): object => {
      const { proxy, revoke } = Proxy.revocable(object, {});
      revokers.push(revoke);
      const handler: ProxyHandler<object> = {};
      for (const trap of ['get', 'has', 'getPrototypeOf', 'ownKeys', 'getOwnPropertyDescriptor', 'defineProperty', 'set', 'deleteProperty'] as const) {
        (handler as Record<string, unknown>)[trap] = (...args: unknown[]) => {
          if (poisoned) callsBack++;
          if (++calls > after) {
            if (how === 'throw') throw new HostileError(`trap ${trap}`);
            for (const end of revokers) end();
          }
          return (Reflect[trap] as (...rest: unknown[]) => unknown)(proxy, ...args.slice(1));
        };
      }
      return new Proxy(proxy, handler);
    };
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(usage)) copy[key] = typeof value === 'object' && value !== null ? wrap(value as Record<string, unknown>) : value;
    return {
      value: wrap(copy),
      calls: () => calls,
      /** Whether a trap failed. */
      failed: () => calls > after,
      poison: () => (poisoned = true),
      callsBack: () => callsBack,
    };
  }

  const samples = fc.oneof(consistentIntegerUsage, consistentIntegerUsage.map(toWire), usageLike.filter((value) => typeof value === 'object' && value !== null && !Array.isArray(value)));

  test.each(['revoke', 'throw'] as const)(
    'a proxy that works for any number of trap calls and then %ss: rejected when a trap failed, read like the plain value otherwise, untouched after the answer',
    (how) => {
      fc.assert(
        fc.property(samples, (usage) => {
          const plain = usage as Record<string, unknown>;
          const expected = outcomes(plain);
          for (const [entry, run] of Object.entries(ENTRIES)) {
            // How many trap calls this entry point makes on this value: every count from 0 to one more is tried.
            const probe = countdown(plain, Number.POSITIVE_INFINITY, how);
            run(probe.value);
            for (let after = 0; after <= probe.calls() + 1; after++) {
              const hostile = countdown(plain, after, how);
              const answer = run(hostile.value);
              expect([entry, after, answer]).toStrictEqual([entry, after, hostile.failed() ? 'rejected' : expected[entry]]);
            }
          }
          // The answers, read in full by valibot's own tools and the error, call nothing back.
          for (let after = 0; after < 40; after += 3) {
            const hostile = countdown(plain, after, how);
            const result = safeParseImageUsage(hostile.value, { strict: true });
            hostile.poison();
            if (!result.success) {
              const issues = result.issues;
              for (const read of [() => v.flatten(issues), () => v.summarize(issues), () => issues.map((issue) => [v.getDotPath(issue), issue.message, issue.expected, issue.received]), () => new ImageUsageError(issues).message]) read();
            }
            expect(hostile.callsBack()).toBe(0);
          }
        }),
        { numRuns: 100 },
      );
    },
  );

  test('a getter that throws on its first, second or third read: the entry points agree, and none accepts what it could not read', () => {
    fc.assert(
      fc.property(samples, fc.nat(8), fc.integer({ min: 1, max: 3 }), (usage, at, throwsOn) => {
        const plain = structuredClone(usage) as Record<string, unknown>;
        const objects = [plain, ...Object.values(plain).filter((value): value is Record<string, unknown> => typeof value === 'object' && value !== null)];
        const fresh = () => {
          const copy = structuredClone(plain);
          const targets = [copy, ...Object.values(copy).filter((value): value is Record<string, unknown> => typeof value === 'object' && value !== null)];
          const target = targets[at % objects.length]!;
          const keys = Object.keys(target);
          if (keys.length === 0) return copy;
          const key = keys[at % keys.length]!;
          const value = target[key];
          let reads = 0;
          Object.defineProperty(target, key, {
            get: () => {
              if (++reads === throwsOn) throw new HostileError('once');
              return value;
            },
            enumerable: true,
          });
          return copy;
        };
        const answers = Object.fromEntries(Object.entries(ENTRIES).map(([entry, run]) => [entry, run(fresh())]));
        // A getter that throws on the first read makes the value unreadable for everyone who reads that field.
        for (const [entry, answer] of Object.entries(answers)) {
          if (answer === 'accepted') expect([entry, outcomes(plain)[entry]]).toStrictEqual([entry, 'accepted']);
        }
        if (throwsOn === 1) {
          const wire = 'total_tokens' in plain;
          // The parse reads every field: it never accepts a value with a field it could not read.
          expect(answers['safeParseImageUsage']).toBe('rejected');
          if (!wire) expect(answers['checkImageUsage']).toBe('rejected');
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('class names that are not strings, or that turn into a megabyte or throw when converted, never escape', () => {
    const names: unknown[] = [
      { toString: () => 'Weird', length: 100 },
      { toString: () => 'x'.repeat(1_000_000) },
      ...[1, 2, 3].map((throwsOn) => {
        let conversions = 0;
        return {
          toString: () => {
            if (++conversions >= throwsOn) throw new HostileError('no');
            return 'Weird';
          },
        };
      }),
      42,
      Symbol('name'),
      null,
      'a\nname',
      'x'.repeat(1_000_000),
    ];
    const withName = (name: unknown) => Object.create({ constructor: { name } }) as object;
    const constructorThrows = Object.create(Object.defineProperty({}, 'constructor', { get: () => { throw new HostileError('constructor'); } })) as object;
    for (const odd of [...names.map(withName), constructorThrows]) {
      for (const input of [{ ...sdk, totalTokens: odd }, { ...wire, input_tokens_details: { text_tokens: odd, image_tokens: 0 } }]) {
        for (const strict of [false, true]) {
          const result = safeParseImageUsage(input, { strict });
          expect(result.success).toBe(false);
          if (result.success) continue;
          for (const issue of result.issues) {
            expect(typeof issue.received).toBe('string');
            expect(issue.message).toMatch(/^expected [^\n]+, received (Object|one that could not be read \(a getter or proxy trap threw\))$/);
          }
          expect(thrownBy(() => parseImageUsage(input, { strict }))).toBeInstanceOf(ImageUsageError);
        }
      }
    }
  });
});

describe("errors of the caller's own control flow reach the caller unchanged", () => {
  const boom = new HostileError('yours');
  const fail = (): never => {
    throw boom;
  };

  test("an iterator's next(), its result's done and value getters, a trap of a proxy around the iterable", () => {
    const iterables: Iterable<typeof sdk>[] = [
      { [Symbol.iterator]: () => ({ next: fail }) },
      { [Symbol.iterator]: () => ({ next: () => Object.defineProperty({ value: sdk }, 'done', { get: fail }) as IteratorResult<typeof sdk> }) },
      { [Symbol.iterator]: () => ({ next: () => Object.defineProperty({ done: false }, 'value', { get: fail }) as IteratorResult<typeof sdk> }) },
      { [Symbol.iterator]: fail },
      new Proxy([sdk], { get: fail }),
    ];
    for (const iterable of iterables) expect(thrownBy(() => sumImageUsage(iterable))).toBe(boom);
  });

  test('what is not iterable, or a revoked proxy in its place, is the TypeError of the language', () => {
    const { proxy, revoke } = Proxy.revocable([sdk], {});
    revoke();
    for (const value of [5, {}, null, proxy]) {
      const error = thrownBy(() => sumImageUsage(value as never));
      expect(error).toBeInstanceOf(TypeError);
      // The language's own error, as from a for...of loop (which names the variable it iterates).
      const fromLoop = thrownBy(() => {
        for (const _ of value as Iterable<unknown>) break;
      }) as TypeError;
      expect(Object.getPrototypeOf(error)).toBe(Object.getPrototypeOf(fromLoop));
      expect((error as TypeError).message.replace(/^\w+/, '')).toBe(fromLoop.message.replace(/^\w+/, ''));
    }
  });

  test('a getter on an options or prices object', () => {
    const options = Object.defineProperty({}, 'tolerance', { get: fail });
    expect(thrownBy(() => checkImageUsage(sdk, options))).toBe(boom);
    expect(thrownBy(() => consistentImageUsage(options))).toBe(boom);
    expect(thrownBy(() => consistentImageUsage(Object.defineProperty({}, 'form', { get: fail })))).toBe(boom);
    const prices = Object.defineProperty({ inputText: 1, inputImage: 1 }, 'outputImage', { get: fail });
    expect(thrownBy(() => estimateCost(sdk, prices as never))).toBe(boom);
  });

  test('safeParseImageUsage never throws, not even for its options: a strict getter that throws counts as not strict', () => {
    expect(safeParseImageUsage({ ...sdk, totalTokens: 0.5 }, Object.defineProperty({}, 'strict', { get: fail }) as never).success).toBe(true);
  });
});
