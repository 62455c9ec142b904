import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ImageUsageError, parseImageResponse, safeParseImageResponse } from '../src/index.ts';
import { notCount } from './arbitraries/index.ts';
import { type Disguise, disguiseObject, HostileError, makeUnreadable, oddNumber, type Trap } from './arbitraries/hostile.ts';
import { anyResponse, expectedOutcome } from './arbitraries/responses.ts';
import { outcomeOf } from './responses/read.ts';
import { check, key, snapshot } from './invariants.ts';
import { checkResponseGuarantees, responseOutcome } from './responses/invariants.ts';

// The guarantees of docs/guarantees.md hold for the readers of whole
// responses: generated responses of every shape with a hostile value in any
// field, dressed up as other kinds of objects, made unreadable anywhere, or
// with __proto__ keys: nothing thrown (parseImageResponse throws only
// ImageUsageError), nothing mutated or polluted, short one-line messages.

/** Every place in a JSON-like value where a field sits: its parent and key, in document order. */
function places(value: unknown, found: Array<[Record<string | number, unknown>, string | number]> = []): Array<[Record<string | number, unknown>, string | number]> {
  if (typeof value !== 'object' || value === null) return found;
  for (const name of Object.keys(value)) {
    const slot = Array.isArray(value) ? Number(name) : name;
    found.push([value as Record<string | number, unknown>, slot]);
    places((value as Record<string, unknown>)[name], found);
  }
  return found;
}

/** Every object in a JSON-like value (not arrays), the root first. */
function objects(value: unknown, found: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null) return found;
  if (!Array.isArray(value)) found.push(value as Record<string, unknown>);
  for (const field of Object.values(value)) objects(field, found);
  return found;
}

/** A copy of a value with every object (not array) made over by `make`, from the leaves up. */
function remake(value: unknown, make: (object: Record<string, unknown>, index: number) => object, counter = { index: 0 }): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const index = Array.isArray(value) ? -1 : counter.index++;
  const copy: Record<string, unknown> = Array.isArray(value) ? ([] as unknown as Record<string, unknown>) : {};
  for (const name of Object.keys(value)) copy[name] = remake((value as Record<string, unknown>)[name], make, counter);
  return Array.isArray(value) ? copy : make(copy, index);
}

/** A hostile value: an odd number, anything that is not a count, anything at all, or a huge string with line breaks. */
const hostileValue = fc.oneof(
  oddNumber.map(({ odd }) => odd),
  notCount,
  fc.anything(),
  fc.constant(`${'x'.repeat(10_000)}\n\u2028`),
);

describe('whole responses: never thrown, nothing mutated', () => {
  test('any JSON value and anything at all', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), fc.constantFrom(undefined, 'text' as const), (value, openRouterPromptTokens) => {
        checkResponseGuarantees(value, { openRouterPromptTokens });
      }),
      { numRuns: 2000 },
    );
  });

  test('a generated response of any shape with a hostile value in any field: the guarantees, and the input untouched', () => {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      fc.assert(
        fc.property(fc.clone(fc.tuple(anyResponse, fc.nat(), hostileValue), 2), ([[{ body, options }, at, value], [{ body: twin }]]) => {
          const all = places(body);
          const [parent, slot] = all[at % all.length]!;
          parent[slot] = value;
          (places(twin)[at % all.length]![0] as Record<string | number, unknown>)[slot] = value;
          checkResponseGuarantees(body, options);
          check(key(snapshot(body)) === key(snapshot(twin)), 'the input is untouched');
        }),
        { numRuns: 3000 },
      );
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
  });
});

describe('whole responses read through disguises, traps and __proto__ keys', () => {
  const disguises: readonly Disguise[] = ['nullPrototype', 'classInstance', 'inheritedGetters', 'prototypeFields', 'frozen', 'proxy', 'cyclic'];

  test('every object of a response dressed up as another kind of object reads like the plain one', () => {
    fc.assert(
      fc.property(anyResponse, fc.constantFrom(...disguises), (generated, kind) => {
        const dressed = remake(generated.body, (object) => disguiseObject(object, kind));
        const { loose } = checkResponseGuarantees(dressed, generated.options);
        expect(outcomeOf(loose)).toStrictEqual(expectedOutcome(generated));
      }),
      { numRuns: 700 },
    );
  });

  test('a trap on any object of a response: one issue saying it could not be read, or (a trap never sprung) the plain read', () => {
    const COULD_NOT_READ = 'expected a readable value, received one that could not be read (a getter or proxy trap threw)';
    fc.assert(
      fc.property(anyResponse, fc.nat(), fc.constantFrom<Trap>('get', 'has', 'getter', 'revoked'), ({ body, options }, at, trap) => {
        const count = objects(body).length;
        const hostile = remake(body, (object, index) => (index === at % count ? makeUnreadable(object, trap, Object.keys(object)[at % Math.max(1, Object.keys(object).length)] ?? 'x') : object));
        const plain = safeParseImageResponse(body, options);
        for (const strict of [false, true]) {
          const read = safeParseImageResponse(hostile, { ...options, strict });
          const untouched = responseOutcome(read) === responseOutcome(safeParseImageResponse(body, { ...options, strict }));
          check(untouched || (!read.success && read.issues.length === 1 && read.issues[0].message === COULD_NOT_READ), 'could not be read, or read as the plain body');
          const thrown = (() => {
            try {
              parseImageResponse(hostile, { ...options, strict });
            } catch (error) {
              return error;
            }
          })();
          check(read.success ? thrown === undefined : thrown instanceof ImageUsageError, 'parseImageResponse throws only ImageUsageError');
        }
        // A trap on the root is always sprung.
        if (at % count === 0 && trap !== 'getter') expect(outcomeOf(safeParseImageResponse(hostile, options))).not.toStrictEqual(outcomeOf(plain));
      }),
      { numRuns: 1000 },
    );
    expect(() => safeParseImageResponse(new Proxy({}, { get: () => { throw new HostileError('x'); } }))).not.toThrow();
  });

  test('__proto__ and constructor keys in the JSON of a response are unknown keys: nothing polluted', () => {
    fc.assert(
      fc.property(anyResponse, fc.constantFrom('__proto__', 'constructor'), (generated, name) => {
        const payload = `{"polluted":true,"usage":{"total_tokens":1},"usageMetadata":{"promptTokenCount":1},"choices":[],"output":[]}`;
        const text = JSON.stringify(generated.body).replaceAll(/\{(?=")/g, `{"${name}":${payload},`);
        expect(outcomeOf(safeParseImageResponse(JSON.parse(text), generated.options))).toStrictEqual(expectedOutcome(generated));
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        expect(Object.keys(Object.prototype)).toStrictEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
