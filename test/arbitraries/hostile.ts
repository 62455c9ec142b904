import fc from 'fast-check';
import { consistentIntegerUsage, usageLike } from './index.ts';
import { toWire } from '../../src/index.ts';

// Arbitraries for the guarantees at the trust boundary: the same usage-like
// values, disguised as objects that are not plain data (same meaning), made
// unreadable (throwing getters and proxy traps), or carrying odd numbers and
// `__proto__` / `constructor` JSON keys.

/** The keys of the details objects, in both forms. */
const DETAILS_KEYS = new Set(['inputTokensDetails', 'outputTokensDetails', 'input_tokens_details', 'output_tokens_details']);

/** One symbol for all: two copies of a sample must be equal, and symbols are immutable anyway. */
const SYMBOL = Symbol('4212');

/**
 * Odd numbers, and things that look like numbers: a label, a maker (a fresh
 * value on each call), and how an issue describes it when rejected.
 */
export const ODD_NUMBERS: ReadonlyArray<readonly [label: string, make: () => unknown, received: string]> = [
  ['-0', () => -0, '-0'],
  ['MAX_SAFE_INTEGER', () => Number.MAX_SAFE_INTEGER, '9007199254740991'],
  ['MAX_SAFE_INTEGER + 1', () => Number.MAX_SAFE_INTEGER + 1, '9007199254740992'],
  ['1e308', () => 1e308, '1e+308'],
  ['MAX_VALUE', () => Number.MAX_VALUE, '1.7976931348623157e+308'],
  ['subnormal 5e-324', () => 5e-324, '5e-324'],
  ['subnormal 2.2e-308', () => 2.2e-308, '2.2e-308'],
  ['Infinity (1e400 in JSON)', () => JSON.parse('1e400') as number, 'Infinity'],
  ['-Infinity', () => Number.NEGATIVE_INFINITY, '-Infinity'],
  ['NaN', () => Number.NaN, 'NaN'],
  ['digit string', () => '4212', '"4212"'],
  ['exponent string', () => '1e3', '"1e3"'],
  ['digit string with a line break', () => '42\n', '"42\\n"'],
  ['empty string', () => '', '""'],
  ['bigint', () => 4212n, '4212n'],
  ['boxed number', () => new Number(4212), 'Number'],
  ['boxed string', () => new String('4212'), 'String'],
  ['array of a number', () => [4212], 'Array'],
  ['symbol', () => SYMBOL, 'Symbol("4212")'],
];

/** One of {@link ODD_NUMBERS}, fresh, with how an issue describes it. */
export const oddNumber: fc.Arbitrary<{ odd: unknown; received: string }> = fc
  .constantFrom(...ODD_NUMBERS)
  .map(([, make, received]) => ({ odd: make(), received }));

/** A readable disguise: a different kind of object with the same fields. */
export type Disguise = 'plain' | 'nullPrototype' | 'classInstance' | 'inheritedGetters' | 'prototypeFields' | 'frozen' | 'proxy' | 'cyclic';
const DISGUISES: readonly Disguise[] = [
  'plain',
  'nullPrototype',
  'classInstance',
  'inheritedGetters',
  'prototypeFields',
  'frozen',
  'proxy',
  'cyclic',
];

/** A class whose instances carry usage fields, for the class-instance disguise. */
class UsageRecord {}

/** Copies an object's own fields onto a fresh target. */
function assign<T extends object>(target: T, source: Record<string, unknown>): T {
  for (const key of Object.keys(source)) {
    Object.defineProperty(target, key, { value: source[key], enumerable: true, writable: true, configurable: true });
  }
  return target;
}

/** Dresses one plain object up as a different kind of object with the same fields. */
export function disguiseObject(object: Record<string, unknown>, disguise: Disguise): object {
  switch (disguise) {
    case 'plain':
      return assign({}, object);
    case 'nullPrototype':
      return assign(Object.create(null) as object, object);
    case 'classInstance':
      return assign(new UsageRecord(), object);
    case 'inheritedGetters': {
      // A class-like prototype with one getter per field, as an ORM or SDK model would have.
      const prototype = {};
      for (const key of Object.keys(object)) Object.defineProperty(prototype, key, { get: () => object[key], enumerable: false });
      return Object.create(prototype) as object;
    }
    case 'prototypeFields':
      return Object.create(assign({}, object)) as object;
    case 'frozen':
      return Object.freeze(assign({}, object));
    case 'proxy':
      return new Proxy(assign({}, object), {});
    case 'cyclic': {
      const copy = assign({}, object) as Record<string, unknown>;
      copy['self'] = copy;
      return copy;
    }
  }
}

/** Whether a value is an object other than an array (the nodes a disguise may dress). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** Dresses the root and the details objects of a plain value, one disguise each. */
export function disguise(value: unknown, root: Disguise, details: Disguise): unknown {
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = value[key];
    copy[key] = DETAILS_KEYS.has(key) && isRecord(field) ? disguiseObject(field, details) : field;
  }
  return disguiseObject(copy, root);
}

/** A usage-like plain value and the same value disguised: both should read the same. */
export const disguisedUsage: fc.Arbitrary<{ plain: unknown; disguised: unknown; root: Disguise; details: Disguise }> = fc
  .tuple(fc.oneof(usageLike, consistentIntegerUsage, consistentIntegerUsage.map(toWire)), fc.constantFrom(...DISGUISES), fc.constantFrom(...DISGUISES))
  .map(([plain, root, details]) => ({ plain, disguised: disguise(plain, root, details), root, details }));

/** How a hostile value refuses to be read. */
export type Trap = 'get' | 'has' | 'getter' | 'revoked';
const TRAPS: readonly Trap[] = ['get', 'has', 'getter', 'revoked'];

/** The error every hostile value throws. */
export class HostileError extends Error {}

/** Makes an object unreadable: every `get` (or `has`) throws, a field's getter throws, or the proxy is revoked. */
export function makeUnreadable(object: Record<string, unknown>, trap: Trap, key: string): object {
  const fail = (): never => {
    throw new HostileError(`trap ${trap}`);
  };
  switch (trap) {
    case 'get':
      return new Proxy(object, { get: fail });
    case 'has':
      return new Proxy(object, { has: fail });
    case 'getter':
      return Object.defineProperty({ ...object }, key, { get: fail, enumerable: true });
    case 'revoked': {
      const { proxy, revoke } = Proxy.revocable(object, {});
      revoke();
      return proxy;
    }
  }
}

/** Where and how a valid usage object is made unreadable: plain data, so that fast-check can print it. */
export interface UnreadableRecipe {
  /** A valid usage object, either form. */
  readonly usage: unknown;
  /** The root or its input details. */
  readonly where: 'root' | 'details';
  /** How it refuses to be read. */
  readonly trap: Trap;
  /** The field whose getter throws (for `trap: 'getter'`), in SDK spelling. */
  readonly key: string;
}

/** Recipes for {@link buildUnreadable}: a valid usage object with its root or input details made unreadable. */
export const unreadableUsage: fc.Arbitrary<UnreadableRecipe> = fc.record({
  usage: fc.oneof(consistentIntegerUsage, consistentIntegerUsage.map(toWire)) as fc.Arbitrary<unknown>,
  where: fc.constantFrom<'root' | 'details'>('root', 'details'),
  trap: fc.constantFrom(...TRAPS),
  key: fc.constantFrom('totalTokens', 'inputTokens', 'outputTokens'),
});

/** Builds the unreadable value a recipe describes (a fresh one on each call). */
export function buildUnreadable({ usage, where, trap, key }: UnreadableRecipe): unknown {
  const plain = structuredClone(usage) as Record<string, unknown>;
  const wire = 'total_tokens' in plain;
  if (where === 'root') {
    const field = wire ? key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`) : key;
    return makeUnreadable(plain, trap, field);
  }
  const detailsKey = wire ? 'input_tokens_details' : 'inputTokensDetails';
  plain[detailsKey] = makeUnreadable(plain[detailsKey] as Record<string, unknown>, trap, wire ? 'text_tokens' : 'textTokens');
  return plain;
}

/**
 * JSON text of a usage-like value with `__proto__` and `constructor` keys
 * injected at the root and in the details objects, holding usage keys and
 * `polluted` flags, with the same value without them.
 */
export const protoKeyJson: fc.Arbitrary<{ text: string; without: unknown }> = fc
  .tuple(
    fc.oneof(consistentIntegerUsage, consistentIntegerUsage.map(toWire), usageLike.filter(canWriteJson)),
    fc.constantFrom('__proto__', 'constructor'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([value, key, atRoot, inDetails]) => {
    const payload = `{"polluted":true,"totalTokens":1,"total_tokens":1,"textTokens":1,"text_tokens":1,"prototype":{"polluted":true}}`;
    const inject = (text: string): string => (text.startsWith('{') && text !== '{}' ? `{"${key}":${payload},${text.slice(1)}` : text);
    const without = JSON.parse(JSON.stringify(value)) as unknown;
    if (!isRecord(without)) return { text: JSON.stringify(without), without };
    const parts = Object.keys(without).map((name) => {
      const field = JSON.stringify(without[name]);
      return `${JSON.stringify(name)}:${inDetails && DETAILS_KEYS.has(name) ? inject(field) : field}`;
    });
    const body = `{${parts.join(',')}}`;
    return { text: atRoot ? inject(body) : body, without };
  });

/** Whether JSON can write a value (not a bigint, not undefined). */
function canWriteJson(value: unknown): boolean {
  try {
    return JSON.stringify(value) !== undefined;
  } catch {
    return false;
  }
}
