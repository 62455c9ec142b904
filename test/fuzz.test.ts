import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { isImageUsage, safeParseImageUsage, toWire } from '../src/index.ts';
import { consistentIntegerUsage, usageLike } from './arbitraries/index.ts';
import { buildUnreadable, disguisedUsage, oddNumber, protoKeyJson, unreadableUsage } from './arbitraries/hostile.ts';
import { check, checkGuarantees, key, outcome, snapshot } from './invariants.ts';

// `npm test` runs 100,000 inputs; `npm run fuzz` (vitest --mode fuzz) a million.
const mode = (import.meta as ImportMeta & { env: Record<string, string | undefined> }).env.MODE;
const RUNS = mode === 'fuzz' ? 1_000_000 : 100_000;

/** A valid usage object (either form) with one field, or one detail, replaced by an odd number. */
const oddField = fc
  .tuple(fc.oneof(consistentIntegerUsage, consistentIntegerUsage.map(toWire)), fc.nat(6), oddNumber)
  .map(([usage, at, { odd: value, received }]) => {
    const copy = structuredClone(usage) as unknown as Record<string, Record<string, unknown>>;
    const keys = Object.keys(copy);
    const key = keys[at % 3]!;
    const detailsKey = keys[3]!;
    const detailsField = Object.keys(copy[detailsKey]!)[at % 2]!;
    const original = at < 3 ? copy[key] : copy[detailsKey]![detailsField];
    if (at < 3) (copy as Record<string, unknown>)[key] = value;
    else copy[detailsKey]![detailsField] = value;
    return { value: copy as unknown, replaced: at < 3 ? [key] : [detailsKey, detailsField], odd: value, original, received };
  });

const input = fc.oneof(
  usageLike.map((value) => ({ kind: 'usageLike' as const, value })),
  disguisedUsage.map((value) => ({ kind: 'disguised' as const, ...value })),
  unreadableUsage.map((recipe) => ({ kind: 'unreadable' as const, recipe })),
  oddField.map((value) => ({ kind: 'oddField' as const, ...value })),
  protoKeyJson.map((value) => ({ kind: 'protoKeys' as const, ...value })),
);

const COULD_NOT_READ = 'expected a readable value, received one that could not be read (a getter or proxy trap threw)';

describe('fuzz', () => {
  test(`${RUNS} hostile, odd and broken inputs: nothing thrown, polluted or lost`, () => {
    const prototypeKeys = Reflect.ownKeys(Object.prototype).length;
    // Most inputs are broken, and each makes several errors: skipping their
    // stack traces saves a third of the time. (A failure still names the broken
    // guarantee and fast-check prints the counterexample and its seed.)
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      fc.assert(
        // Two equal, independent copies of each sample: one to read, one to compare
        // it with afterwards (everything a reader can observe: prototypes, frozenness, -0, cycles and all).
        fc.property(fc.clone(input, 2), ([sample, twin]) => {
          switch (sample.kind) {
            case 'usageLike':
              checkGuarantees(sample.value);
              break;
            case 'disguised': {
              // Read like the plain value, whatever the prototype, proxy, freezing or cycles, but
              // for the class an issue about the value as a whole names (test/arbitraries/hostile.ts).
              const { loose, strict } = checkGuarantees(sample.disguised);
              const named = (plain: string) =>
                sample.root === 'classInstance' ? plain.replaceAll('received Object without any', 'received UsageRecord without any') : plain;
              check(outcome(loose) === named(outcome(safeParseImageUsage(sample.plain))), 'a disguised value reads like the plain one');
              check(outcome(strict) === named(outcome(safeParseImageUsage(sample.plain, { strict: true }))), 'the same under the strict rules');
              check(isImageUsage(sample.disguised) === isImageUsage(sample.plain), 'isImageUsage the same too');
              break;
            }
            case 'unreadable': {
              const { loose, strict } = checkGuarantees(buildUnreadable(sample.recipe), sample.recipe.trap !== 'has');
              for (const result of [loose, strict]) {
                // Either the trap was never sprung (a `has` trap on details the fast path reads with `get`)...
                if (result.success) check(sample.recipe.where === 'details' && sample.recipe.trap === 'has', 'a trap sprung is no success');
                // ...or the answer is that the value could not be read.
                else check(result.issues.length === 1 && result.issues[0].message === COULD_NOT_READ, 'the issue says the value could not be read');
              }
              break;
            }
            case 'oddField': {
              const { loose, strict } = checkGuarantees(sample.value);
              const odd = sample.odd;
              const isCount = typeof odd === 'number' && Number.isFinite(odd) && odd >= 0;
              check(loose.success === isCount, 'the default rules take exactly the finite numbers >= 0');
              if (!loose.success) {
                const message = loose.issues[0].message;
                check(v.getDotPath(loose.issues[0]) === sample.replaced.join('.'), 'the issue names the field');
                check(message.endsWith(`, received ${sample.received}`), `the issue shows the value: ${message}`);
              }
              // The strict rules take a safe integer only, and any other count than the one replaced breaks a sum.
              check(strict.success === (isCount && Number.isSafeInteger(odd) && odd === sample.original), 'the strict rules take safe integers that add up');
              break;
            }
            case 'protoKeys': {
              const parsed = JSON.parse(sample.text) as unknown;
              const { loose, strict } = checkGuarantees(parsed);
              check(outcome(loose) === outcome(safeParseImageUsage(sample.without)), '__proto__ and constructor keys change nothing');
              check(outcome(strict) === outcome(safeParseImageUsage(sample.without, { strict: true })), 'nor under the strict rules');
              break;
            }
          }
          check(Reflect.ownKeys(Object.prototype).length === prototypeKeys, 'Object.prototype is not polluted');
          if (sample.kind === 'disguised') check(key(snapshot(sample)) === key(snapshot(twin)), 'the input is not mutated');
          else if (sample.kind !== 'unreadable') check(isDeepStrictEqual(sample, twin), 'the input is not mutated');
        }),
        { numRuns: RUNS },
      );
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  }, 600_000);
});
