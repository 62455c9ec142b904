import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type ImageUsage, safeParseImageUsage, sumImageUsage } from '../src/index.ts';
import { consistentIntegerUsage, usageOf } from './arbitraries/index.ts';
import { ODD_NUMBERS } from './arbitraries/hostile.ts';
import { sdkUsage as a, sdkUsageWithoutOutputDetails as b } from './fixtures/samples.ts';
import { thrownBy } from './invariants.ts';

// sumImageUsage at the trust boundary: any iterable, streamed in constant
// memory, exact for integers, order-independent, loud about overflow and
// malformed elements.


/**
 * The ten counts of a usage object in count order, as pricing reads them:
 * output without details as image output, cached tokens without details as
 * the one kind the input has, at most all of it (zeros where it has both: the
 * split is unknown).
 */
function counts(usage: ImageUsage): number[] {
  const { textTokens: text, imageTokens: image } = usage.inputTokensDetails;
  const output = usage.outputTokensDetails ?? { textTokens: 0, imageTokens: usage.outputTokens };
  const cached = usage.cachedTokens ?? 0;
  // Never more than the input has of that kind, as estimateCost splits them.
  const split = usage.cachedTokensDetails ?? {
    cachedTextTokens: cached > 0 && image === 0 ? Math.min(cached, text) : 0,
    cachedImageTokens: cached > 0 && image > 0 && text === 0 ? Math.min(cached, image) : 0,
  };
  return [usage.totalTokens, usage.inputTokens, usage.outputTokens, text, image, output.textTokens, output.imageTokens, cached, split.cachedTextTokens, split.cachedImageTokens];
}

/** Whether the split of a usage object's cached tokens is known, from details or an input of one kind. */
function splitKnown(usage: ImageUsage): boolean {
  const { textTokens, imageTokens } = usage.inputTokensDetails;
  return usage.cachedTokensDetails !== undefined || !(usage.cachedTokens! > 0) || textTokens === 0 || imageTokens === 0;
}

/** The largest relative difference between the counts of two sums. */
function relativeDifference(x: ImageUsage, y: ImageUsage): number {
  const [left, right] = [counts(x), counts(y)];
  return Math.max(...left.map((value, index) => Math.abs(value - right[index]!) / Math.max(Math.abs(value), Math.abs(right[index]!), Number.MIN_VALUE)));
}

/** A count of either kind: integers, fractions of every magnitude, subnormals. */
const fractionalCount = fc.oneof(
  fc.double({ min: 0, max: 1e12, noNaN: true }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(0.1, 0.2, 0.3, 5e-324, 1e-300, 1e12 - 0.5),
  fc.nat(1e9),
);
const fractionalUsage: fc.Arbitrary<ImageUsage> = usageOf(fractionalCount);

/** Cuts a list into shards at the given points. */
function shard<T>(items: readonly T[], cuts: readonly number[]): T[][] {
  const points = [...new Set(cuts.map((cut) => cut % (items.length + 1)))].sort((x, y) => x - y);
  const shards: T[][] = [];
  let start = 0;
  for (const point of [...points, items.length]) {
    shards.push(items.slice(start, point));
    start = point;
  }
  return shards;
}

describe('sumImageUsage takes any iterable', () => {
  test('arrays, sets, map values, generators, iterable objects', () => {
    const expected = sumImageUsage([a, b, a]);
    function* generate(): Generator<ImageUsage> {
      yield a;
      yield b;
      yield a;
    }
    const iterable: Iterable<ImageUsage> = {
      [Symbol.iterator]: () => {
        const items = [a, b, a];
        let index = 0;
        return { next: () => (index < items.length ? { value: items[index++]!, done: false } : { value: undefined, done: true }) };
      },
    };
    expect(sumImageUsage(generate())).toStrictEqual(expected);
    expect(sumImageUsage(new Set([a, b, structuredClone(a)]))).toStrictEqual(expected);
    expect(sumImageUsage(new Map([[1, a], [2, b], [3, a]]).values())).toStrictEqual(expected);
    expect(sumImageUsage(iterable)).toStrictEqual(expected);
  });

  test('streams: reads one element at a time, and stops (closing the iterator) at a malformed one', () => {
    let pulled = 0;
    let closed = false;
    function* generate(): Generator<ImageUsage> {
      try {
        for (let index = 0; index < 1_000; index++) {
          pulled++;
          yield index === 2 ? ({ ...b, outputTokens: '4160' } as unknown as ImageUsage) : b;
        }
      } finally {
        closed = true;
      }
    }
    expect(() => sumImageUsage(generate())).toThrow(
      new TypeError('sumImageUsage: element 2 is not an ImageUsage: outputTokens: expected number, received "4160"'),
    );
    expect(pulled).toBe(3);
    expect(closed).toBe(true);
  });

  // A child Node process with an old generation capped at 24 MB sums a
  // generator of ten million elements, and its heap stays small; a copy of the
  // input (ten million references, 80 MB) cannot fit there, as the control run
  // shows by running out of memory.
  test('ten million elements in constant memory', async () => {
    const { outputFiles } = await build({
      entryPoints: [fileURLToPath(new URL('../src/sumImageUsage/index.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'pkg',
      target: 'es2022',
    });
    const script = (copy: boolean): string => `${outputFiles[0]!.text}
      const usages = [${JSON.stringify(a)}, ${JSON.stringify(a)}, ${JSON.stringify({ ...a, totalTokens: 4769, outputTokens: 4600, outputTokensDetails: { textTokens: 440, imageTokens: 4160 } })}];
      function* stream() { for (let index = 0; index < 10_000_000; index++) yield usages[index % 3]; }
      const started = performance.now();
      const sum = pkg.sumImageUsage(${copy ? '[...stream()]' : 'stream()'});
      console.log(JSON.stringify({ sum, ms: Math.round(performance.now() - started), heapTotal: process.memoryUsage().heapTotal }));`;
    const run = (copy: boolean) =>
      spawnSync(process.execPath, ['--max-old-space-size=24', '--input-type=commonjs'], { input: script(copy), encoding: 'utf8', timeout: 60_000 });
    const streamed = run(false);
    expect(streamed.stderr).toBe('');
    expect(streamed.status).toBe(0);
    const { sum, heapTotal } = JSON.parse(streamed.stdout) as { sum: ImageUsage; ms: number; heapTotal: number };
    // Every third element (3,333,333 of them) has one more output text token.
    expect(sum.totalTokens).toBe(10_000_000 * 4768 + 3_333_333);
    expect(sum.outputTokensDetails?.textTokens).toBe(10_000_000 * 439 + 3_333_333);
    // The heap never grew past 16 MB (about 5.5 MB measured; a copy needs 80 MB).
    expect(heapTotal).toBeLessThan(16 * 1024 * 1024);
    const copied = run(true);
    expect(copied.status).not.toBe(0);
    expect(copied.stderr).toMatch(/heap out of memory|Invalid array length/);
  }, 60_000);
});

describe('sumImageUsage is loud about what it cannot add', () => {
  test('a RangeError past Number.MAX_SAFE_INTEGER, in any field', () => {
    const keys = ['totalTokens', 'inputTokens', 'outputTokens'] as const;
    for (const key of keys) {
      expect(() => sumImageUsage([{ ...b, [key]: Number.MAX_SAFE_INTEGER }, { ...b, [key]: 1 }])).toThrow(RangeError);
    }
    const details = { textTokens: Number.MAX_SAFE_INTEGER, imageTokens: 0 };
    expect(() => sumImageUsage([{ ...a, outputTokensDetails: details }, a])).toThrow(RangeError);
    expect(() => sumImageUsage([{ ...a, inputTokensDetails: details }, a])).toThrow(RangeError);
  });

  test.each(ODD_NUMBERS.filter(([, make]) => !(typeof make() === 'number' && (make() as number) >= 0)))(
    'a TypeError naming the index and the field of an element holding %s',
    (_, make) => {
      // The message of the parse for the same field and value: one message per rule, from every door.
      const bad = { ...a, inputTokensDetails: { textTokens: 169, imageTokens: make() } };
      const parsed = safeParseImageUsage(bad);
      if (parsed.success) throw new Error('expected the parse to fail');
      const elements = [a, b, a, bad] as ImageUsage[];
      expect(() => sumImageUsage(elements)).toThrow(
        new TypeError(`sumImageUsage: element 3 is not an ImageUsage: inputTokensDetails.imageTokens: ${parsed.issues[0].message}`),
      );
    },
  );

  test('a TypeError naming the index of an element that is not an object', () => {
    expect(() => sumImageUsage([a, 'usage' as unknown as ImageUsage])).toThrow(
      new TypeError('sumImageUsage: element 1 is not an ImageUsage: expected Object, received "usage"'),
    );
  });

  test('a TypeError for a function where a usage or details object belongs, whatever fields it carries, on either path', () => {
    const details = Object.assign(() => 0, { textTokens: 4, imageTokens: 0 });
    for (const [bad, message] of [
      [{ ...b, inputTokensDetails: details }, 'inputTokensDetails: expected Object, received Function'],
      [{ ...b, outputTokensDetails: details }, 'outputTokensDetails: expected Object, received Function'],
      [Object.assign(() => 0, b), 'expected Object, received Function'],
    ] as const) {
      for (const usages of [[bad], [a, bad], [{ ...b, totalTokens: 0.5 }, bad]]) {
        expect(() => sumImageUsage(usages as ImageUsage[])).toThrow(
          new TypeError(`sumImageUsage: element ${usages.length - 1} is not an ImageUsage: ${message}`),
        );
      }
    }
  });
});

describe('sumImageUsage adds up right', () => {
  test('integer sums are exact (checked against BigInt) and do not depend on order', () => {
    const bigSum = (usages: readonly ImageUsage[]): bigint[] =>
      usages.reduce((sums, usage) => sums.map((sum, index) => sum + BigInt(counts(usage)[index]!)), Array.from({ length: 10 }, () => 0n));
    const large: fc.Arbitrary<ImageUsage> = fc.nat(Math.floor(Number.MAX_SAFE_INTEGER / 64)).map((count) => ({ totalTokens: count, inputTokens: count, outputTokens: 0, inputTokensDetails: { textTokens: count, imageTokens: 0 } }));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(consistentIntegerUsage, large), { maxLength: 60 }).chain((usages) => fc.tuple(fc.constant(usages), fc.shuffledSubarray(usages, { minLength: usages.length }))),
        ([usages, shuffled]) => {
          const sum = sumImageUsage(usages);
          const exact = bigSum(usages).map(Number);
          // Every count is the exact sum of the counts as pricing reads them; the cached split where each is known.
          expect(counts(sum).slice(0, 8)).toStrictEqual(exact.slice(0, 8));
          expect('outputTokensDetails' in sum).toBe(usages.some((usage) => usage.outputTokensDetails !== undefined));
          expect('cachedTokens' in sum).toBe(usages.some((usage) => usage.cachedTokens !== undefined));
          expect('cachedTokensDetails' in sum).toBe('cachedTokens' in sum && usages.every(splitKnown));
          if ('cachedTokensDetails' in sum) expect(counts(sum).slice(8)).toStrictEqual(exact.slice(8));
          expect(sumImageUsage(shuffled)).toStrictEqual(sum);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('fractional sums do not depend on order, within 1e-12 relative', () => {
    fc.assert(
      fc.property(
        fc.array(fractionalUsage, { maxLength: 200 }).chain((usages) => fc.tuple(fc.constant(usages), fc.shuffledSubarray(usages, { minLength: usages.length }))),
        ([usages, shuffled]) => {
          expect(relativeDifference(sumImageUsage(shuffled), sumImageUsage(usages))).toBeLessThanOrEqual(1e-12);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('the sum of partial sums equals the sum of all: exactly for integers, within 1e-12 relative for fractions', () => {
    fc.assert(
      fc.property(fc.array(consistentIntegerUsage, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 5 }), (usages, cuts) => {
        const partials = shard(usages, cuts).map((part) => sumImageUsage(part));
        expect(sumImageUsage(partials)).toStrictEqual(sumImageUsage(usages));
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.array(fractionalUsage, { maxLength: 100 }), fc.array(fc.nat(), { maxLength: 5 }), (usages, cuts) => {
        const partials = shard(usages, cuts).map((part) => sumImageUsage(part));
        const merged = sumImageUsage(partials);
        const all = sumImageUsage(usages);
        expect('outputTokensDetails' in merged).toBe('outputTokensDetails' in all);
        expect(relativeDifference(merged, all)).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 1000 },
    );
  });

  test('integers add on a fast path, exactly; from the first fraction on, each sum is within a unit in the last place of the exact sum', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(consistentIntegerUsage, fractionalUsage), { maxLength: 100 }), (usages) => {
        const sum = sumImageUsage(usages);
        counts(sum)
          .slice(0, 'cachedTokensDetails' in sum ? 10 : 8)
          .forEach((value, slot) => {
            const exact = usages.reduce((total, usage) => total + scaledExactly(counts(usage)[slot]!), 0n);
            // The two doubles around the exact sum: the sum is one of them.
            expect(nearestDoubles(exact)).toContain(value);
          });
      }),
      { numRuns: 1000 },
    );
    // The check can fail: a plain loop of additions loses every 1e-16 added to 1.
    const values = [1, ...Array.from({ length: 1000 }, () => 1e-16)];
    const exact = values.reduce((total, value) => total + scaledExactly(value), 0n);
    expect(nearestDoubles(exact)).toContain(sumImageUsage(values.map((value) => ({ ...b, totalTokens: value }))).totalTokens);
    expect(nearestDoubles(exact)).not.toContain(values.reduce((total, value) => total + value, 0));
  });

  test('each element is read once: what was read is what is checked and added, and a getter that throws makes it unreadable', () => {
    /** An element whose totalTokens answers each read with the next of the given values. */
    const changing = (...answers: unknown[]): ImageUsage => {
      const usage = { ...b };
      let reads = 0;
      Object.defineProperty(usage, 'totalTokens', { get: () => answers[Math.min(reads++, answers.length - 1)], enumerable: true });
      return usage;
    };
    // 0.5 sends it to the compensated path, which adds the 0.5 it was given, not a second read.
    expect(sumImageUsage([a, changing(0.5, 2)]).totalTokens).toBe(a.totalTokens + 0.5);
    expect(sumImageUsage([a, changing(0.5, 'x')]).totalTokens).toBe(a.totalTokens + 0.5);
    // Undefined on the first read is named, whatever a second read would say.
    expect(() => sumImageUsage([a, changing(undefined, 3)])).toThrow(
      new TypeError('sumImageUsage: element 1 is not an ImageUsage: totalTokens: expected number, received undefined'),
    );
    // A getter that throws once: a value that could not be read is not valid, as in every entry point.
    const throwsOnce = { ...b };
    let thrown = false;
    Object.defineProperty(throwsOnce, 'inputTokens', {
      get: () => {
        if (thrown) return b.inputTokens;
        thrown = true;
        throw new Error('once');
      },
    });
    expect(() => sumImageUsage([a, throwsOnce])).toThrow(
      new TypeError('sumImageUsage: element 1 could not be read: a getter or proxy trap threw'),
    );
    // Each field of each element is read once, on either path.
    for (const other of [a, { ...b, totalTokens: 0.5 }]) {
      let reads = 0;
      const counted = { ...other };
      Object.defineProperty(counted, 'outputTokens', { get: () => (reads++, other.outputTokens) });
      sumImageUsage([a, counted, a, { ...b, totalTokens: 0.25 }, counted]);
      expect(reads).toBe(2);
    }
  });

  test('the order check can fail: a plain running sum drifts past 1e-12 where the sum does not', () => {
    // Each 1e-16 vanishes when added to 1 first, but not when they add up first.
    const values = [1, ...Array.from({ length: 200_000 }, () => 1e-16)];
    const plain = (list: readonly number[]) => list.reduce((sum, value) => sum + value, 0);
    const reversed = [...values].reverse();
    expect(Math.abs(plain(values) - plain(reversed)) / plain(values)).toBeGreaterThan(1e-12);
    const asUsage = (value: number): ImageUsage => ({ totalTokens: value, inputTokens: 0, outputTokens: 0, inputTokensDetails: { textTokens: 0, imageTokens: 0 } });
    const sum = sumImageUsage(values.map(asUsage)).totalTokens;
    expect(Math.abs(sum - sumImageUsage(reversed.map(asUsage)).totalTokens) / sum).toBeLessThanOrEqual(1e-12);
    expect(sum).toBe(1 + 2e-11);
  });
});

describe('a total past Number.MAX_SAFE_INTEGER is a RangeError, decided on the exact sum', () => {
  const LIMIT = scaledExactly(Number.MAX_SAFE_INTEGER);

  /** The counts near the edge: large safe integers, and fractions that rounding would lose next to them. */
  const nearTheEdge = fc.oneof(
    fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER - 2, 2 ** 52, 2 ** 52 - 1, 2 ** 51),
    fc.integer({ min: 2 ** 50, max: Number.MAX_SAFE_INTEGER }),
    fc.constantFrom(0.1, 0.25, 0.4, 0.5, 0.6, 0.9, 1.5, 5e-324, 1e-10),
    fc.double({ min: 0, max: 4, noNaN: true }),
    fc.nat(3),
  );
  const asUsage = (count: number): ImageUsage => ({ totalTokens: count, inputTokens: 0, outputTokens: 0, inputTokensDetails: { textTokens: 0, imageTokens: 0 } });

  test('the cases the reviewer found', () => {
    for (const counts of [[2 ** 53 - 1, 0.1], [0.4, 2 ** 53 - 1], [2 ** 53 - 2, 0.6, 0.6], [2 ** 52, 2 ** 52 - 1, 0.25]]) {
      expect(() => sumImageUsage(counts.map(asUsage))).toThrow(new RangeError('sumImageUsage: totalTokens passes Number.MAX_SAFE_INTEGER (9007199254740991)'));
    }
    // Up to the limit exactly, no error.
    expect(sumImageUsage([2 ** 52, 2 ** 52 - 1].map(asUsage)).totalTokens).toBe(Number.MAX_SAFE_INTEGER);
    expect(sumImageUsage([2 ** 53 - 2, 0.5, 0.5].map(asUsage)).totalTokens).toBe(Number.MAX_SAFE_INTEGER);
  });

  test('for any list near the edge, in any order: a RangeError exactly when the exact sum passes the limit', () => {
    fc.assert(
      fc.property(fc.array(nearTheEdge, { minLength: 1, maxLength: 8 }), (counts) => {
        const exact = counts.reduce((sum, count) => sum + scaledExactly(count), 0n);
        const error = thrownBy(() => sumImageUsage(counts.map(asUsage)));
        expect([counts, error instanceof RangeError]).toStrictEqual([counts, exact > LIMIT]);
        if (error !== undefined) expect(error).toBeInstanceOf(RangeError);
      }),
      { numRuns: 20_000 },
    );
  });
});

/** A double's exact value times 2^1074, a whole number: exact rational arithmetic on doubles. */
function scaledExactly(value: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const mantissa = bits & ((1n << 52n) - 1n);
  return exponent === 0 ? mantissa : (mantissa | (1n << 52n)) << BigInt(exponent - 1);
}

/** The doubles just below and just above an exact value scaled by 2^1074 (twice the same when it is a double). */
function nearestDoubles(scaled: bigint): number[] {
  // The top 53 bits of the value, truncated, and one more: the two doubles around it.
  const shift = Math.max(0, scaled.toString(2).length - 53);
  const top = scaled >> BigInt(shift);
  const low = Number(top) * 2 ** (shift - 1074);
  return (top << BigInt(shift)) === scaled ? [low, low] : [low, Number(top + 1n) * 2 ** (shift - 1074)];
}
