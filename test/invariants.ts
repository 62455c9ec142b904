import * as v from 'valibot';
import {
  checkImageUsage,
  type ImageUsage,
  ImageUsageError,
  isImageUsage,
  parseImageUsage,
  type SafeParseImageUsageResult,
  safeParseImageUsage,
  sumImageUsage,
} from '../src/index.ts';

// The guarantees every input gets, whatever it is: shared by the fuzz test and
// the hostile-input tests. Plain checks rather than `expect`, which is too slow
// for a million runs; a broken guarantee throws an Error saying which.

/** The longest message an issue may have. */
export const MAX_ISSUE_MESSAGE = 300;

/** `expected what, received what`, on one line. */
const ISSUE_MESSAGE = /^expected [^\n\r\u0085\u2028\u2029]+, received [^\n\r\u0085\u2028\u2029]*$/;

/** A path as `v.getDotPath` writes it: a key, or two keys joined by a dot. */
const PATH = /^[A-Za-z_]+(\.[A-Za-z_]+)?$/;

/**
 * Whether a message is one short line of well-formed text: under 300
 * characters, no line break of any kind, no lone surrogate.
 */
export function isShortLine(message: string): boolean {
  return message.length < MAX_ISSUE_MESSAGE && !/[\n\r\u0085\u2028\u2029]/.test(message) && message.isWellFormed();
}

const USAGE_KEYS = ['totalTokens', 'inputTokens', 'outputTokens', 'inputTokensDetails'];
const DETAILS_KEYS = ['textTokens', 'imageTokens'];
const CACHED_DETAILS_KEYS = ['cachedTextTokens', 'cachedImageTokens'];

/** What a function throws, or undefined. */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Throws when a guarantee does not hold. */
export function check(holds: boolean, guarantee: string): void {
  if (!holds) throw new Error(`broken guarantee: ${guarantee}`);
}

/** A comparable text for outputs, messages and paths (JSON, keeping -0 apart from 0). */
export function key(value: unknown): string {
  return JSON.stringify(value, (_, field: unknown) => (Object.is(field, -0) ? '-0' : field)) ?? 'undefined';
}

/** Whether a value is a plain object with exactly the given own keys, in order. */
function isPlainObject(value: unknown, keys: readonly string[]): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const own = Reflect.ownKeys(value);
  return own.length === keys.length && own.every((name, index) => name === keys[index]);
}

/** Whether a value is a count under the rules. */
function isCount(value: unknown, strict: boolean): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && (!strict || Number.isSafeInteger(value));
}

/**
 * Checks that a parse output is a fresh plain SDK-form object with only the
 * known keys, each count valid under the rules (and consistent when strict).
 */
export function checkFreshUsage(output: ImageUsage, strict: boolean): void {
  // The optional keys, in the order the copiers add them, where the output has them.
  const keys = [...USAGE_KEYS, ...['outputTokensDetails', 'cachedTokens', 'cachedTokensDetails'].filter((name) => name in output)];
  check(isPlainObject(output, keys), 'the output is a plain object with only the known keys');
  const record = output as unknown as Record<string, unknown>;
  for (const name of [...USAGE_KEYS.slice(0, 3), ...keys.filter((name) => name === 'cachedTokens')]) check(isCount(record[name], strict), `${name} is a count`);
  for (const details of keys.slice(3).filter((name) => name !== 'cachedTokens')) {
    const object = record[details];
    const names = details === 'cachedTokensDetails' ? CACHED_DETAILS_KEYS : DETAILS_KEYS;
    check(isPlainObject(object, names), `${details} is a plain object with only the known keys`);
    for (const name of names) check(isCount((object as Record<string, unknown>)[name], strict), `${details}.${name} is a count`);
  }
  if (strict) check(checkImageUsage(output).length === 0, 'a strict output is consistent');
}

/** Checks that every issue message reads `expected ..., received ...`, on one short line, and that its path reads as one. */
export function checkMessages(result: SafeParseImageUsageResult): void {
  if (result.success) return;
  check(result.issues.length > 0, 'a failure has at least one issue');
  for (const issue of result.issues) {
    check(isShortLine(issue.message), `one short line: ${issue.message.slice(0, 400)}`);
    check(ISSUE_MESSAGE.test(issue.message), `expected ..., received ...: ${issue.message}`);
    for (const text of [issue.expected, issue.received]) check(text === null || typeof text === 'string', 'expected and received are text');
    const path = v.getDotPath(issue);
    check(path === null ? issue.path === undefined : PATH.test(path), `a path of keys: ${String(path)}`);
  }
}

/** What a parse came to, comparable across inputs: the output, or the messages and their paths. */
export function outcome(result: SafeParseImageUsageResult): string {
  if (result.success) return key({ output: result.output });
  return key({ messages: result.issues.map((issue) => issue.message), paths: result.issues.map((issue) => issue.path?.map((item) => item.key)) });
}

/**
 * Runs every entry point on an input, under both rules, and checks the
 * guarantees: nothing thrown but `ImageUsageError`, fresh plain outputs with
 * only the known keys, good messages, `isImageUsage` agreeing with the parse,
 * `parseImageUsage` agreeing with `safeParseImageUsage`, `checkImageUsage`
 * and `sumImageUsage` taking what `isImageUsage` accepts.
 *
 * @param input Anything.
 * @param guardAgrees Whether to check that `isImageUsage` implies a successful parse.
 *
 * @returns The results under the default rules and under the strict rules.
 */
export function checkGuarantees(input: unknown, guardAgrees = true): { loose: SafeParseImageUsageResult; strict: SafeParseImageUsageResult } {
  const loose = safeParseImageUsage(input);
  const strict = safeParseImageUsage(input, { strict: true });
  for (const [result, isStrict] of [
    [loose, false],
    [strict, true],
  ] as const) {
    if (result.success) {
      checkFreshUsage(result.output, isStrict);
      check(result.output !== input, 'the output is not the input');
    }
    checkMessages(result);
    let thrown: unknown;
    let parsed: ImageUsage | undefined;
    try {
      parsed = parseImageUsage(input, { strict: isStrict });
    } catch (error) {
      thrown = error;
    }
    if (result.success) {
      check(thrown === undefined && key(parsed) === key(result.output), 'parseImageUsage returns what safeParseImageUsage does');
    } else {
      check(thrown instanceof ImageUsageError, 'parseImageUsage throws only ImageUsageError');
      const lines = (thrown as ImageUsageError).message.split('\n').slice(1);
      check(
        key(lines) === key(result.issues.map((issue) => `  ${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`)),
        'the error lists each issue on a line, after its path',
      );
    }
  }
  // Strict accepts less than the default rules, never more, and the same output.
  if (strict.success) check(outcome(loose) === outcome(strict), 'strict success implies the same default success');
  const guard = isImageUsage(input);
  check(typeof guard === 'boolean', 'isImageUsage answers a boolean');
  // The guard is the default rules for the SDK form: true only where the parse
  // succeeds. (A proxy whose `has` trap throws is the exception: the guard
  // reads fields without asking `in`; the parse asks `in` to tell the form.)
  if (guard && guardAgrees) check(loose.success, 'isImageUsage implies a successful parse');
  // checkImageUsage and sumImageUsage take exactly what isImageUsage accepts,
  // and throw a TypeError otherwise (sumImageUsage a RangeError past the safe range).
  const checked = thrownBy(() => checkImageUsage(input as ImageUsage));
  check(guard ? checked === undefined : checked instanceof TypeError, 'checkImageUsage throws a TypeError for what isImageUsage rejects, only');
  const summed = thrownBy(() => sumImageUsage([input as ImageUsage]));
  check(guard ? summed === undefined || summed instanceof RangeError : summed instanceof TypeError, 'sumImageUsage throws a TypeError for what isImageUsage rejects');
  return { loose, strict };
}

/**
 * Everything a reader can observe of a value, as comparable data: the kind
 * and prototype of each object, whether it is frozen, and every field own or
 * inherited (getters read), cycles marked. Two values with equal snapshots
 * cannot be told apart by reading them.
 */
export function snapshot(value: unknown, seen: Map<object, number> = new Map()): unknown {
  switch (typeof value) {
    case 'number':
      return `number:${Object.is(value, -0) ? '-0' : String(value)}`;
    case 'bigint':
      return `bigint:${value}`;
    case 'string':
      return `string:${value}`;
    case 'object':
    case 'function': {
      if (value === null) return 'null';
      if (typeof value === 'function') return `function:${value.name}`;
      const id = seen.get(value);
      if (id !== undefined) return `cycle:${id}`;
      seen.set(value, seen.size);
      const prototype: unknown = Object.getPrototypeOf(value);
      const kind = Array.isArray(value)
        ? 'array'
        : prototype === Object.prototype
          ? 'object'
          : prototype === null
            ? 'null-prototype'
            : `${Object.prototype.toString.call(value)} ${(prototype as { constructor?: { name?: string } }).constructor?.name}`;
      const boxed = value instanceof Number || value instanceof String || value instanceof Boolean ? snapshot(value.valueOf()) : undefined;
      const names = new Set<string>(Object.getOwnPropertyNames(value));
      for (const name in value) names.add(name);
      const record = value as Record<string, unknown>;
      return { kind, boxed, frozen: Object.isFrozen(value), fields: [...names].map((name) => [name, snapshot(record[name], seen)]) };
    }
    default:
      return String(value);
  }
}
