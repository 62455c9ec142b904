import { _CACHED, _CACHED_DETAILS, _COUNT_CHECKS, _countPaths, _OBJECT, _OUTPUT_DETAILS, _SDK, _usageKeys, _WIRE } from '../_shape.ts';
import { _describeValue } from './_describeValue.ts';
import { _isCount } from './_isCount.ts';

// The checked reader of the helpers that take an `ImageUsage` (checkImageUsage,
// sumImageUsage, toWire, estimateCost): each field read once, then checked
// under the default rules, with the messages of the schemas.

const { counts: COUNT_KEYS, details: DETAILS_KEYS, split: SPLIT_KEYS, cached: CACHED_KEYS, absent: ABSENT } = _SDK;
const WIRE_KEYS = /* @__PURE__ */ _usageKeys(_WIRE);
const WIRE_TOTAL = WIRE_KEYS[0]!;
const PATHS = /* @__PURE__ */ _countPaths(_SDK);

/** Whether a value can hold the fields of a usage or details object, as `v.object()` wants. */
const isObject = _OBJECT.passes as (value: unknown) => value is Record<string, unknown>;

/** The details objects in the order they are read: key, its two counts, and the flag that says it is present (0: required). */
const DETAILS: readonly (readonly [key: string, split: readonly string[], flag: number])[] = [
  [DETAILS_KEYS[0], SPLIT_KEYS, 0],
  [DETAILS_KEYS[1], SPLIT_KEYS, _OUTPUT_DETAILS],
  [CACHED_KEYS[1], CACHED_KEYS.slice(2), _CACHED_DETAILS],
];

/**
 * Reads the fields of an SDK-form usage object, each once, in count order:
 * the usage object, its three counts, each of the input and output details
 * objects followed by its two counts, the cached count, then the cached
 * details object and its two counts (`undefined` for the counts of what is
 * not an object). It throws what a getter or proxy trap throws.
 *
 * @param usage The value to read.
 *
 * @returns The fourteen fields.
 */
export function _readFields(usage: unknown): unknown[] {
  if (!isObject(usage)) return [usage];
  const fields: unknown[] = [usage];
  for (const key of COUNT_KEYS) fields.push(usage[key]);
  for (const [key, split, flag] of DETAILS) {
    if (flag === _CACHED_DETAILS) fields.push(usage[CACHED_KEYS[0]]);
    const details = usage[key];
    fields.push(details);
    for (const count of split) fields.push(isObject(details) ? details[count] : undefined);
  }
  return fields;
}

/**
 * Checks the fields of a usage object as {@link _readFields} reads them and
 * stores its counts in `counts`, in count order (zeros for what is absent).
 *
 * @param fields The fields.
 * @param counts Where the ten counts go.
 * @param what Who is asking, for messages (`'checkImageUsage: usage'`).
 * @param index The index of an element, for messages.
 *
 * @returns Which optional parts are present (the flags of `_shape.ts`).
 *
 * @throws {TypeError} Naming the first bad field in count order, what was
 * expected and what was received; saying that the value is in the wire form
 * and what to do; or saying that it could not be read.
 */
export function _checkFields(fields: readonly unknown[], counts: Float64Array, what: string, index?: number): number {
  let result: number | string;
  try {
    result = check(fields, counts);
  } catch (cause) {
    throw _unreadable(what, index, cause);
  }
  if (typeof result === 'string') throw new TypeError(`${what}${index === undefined ? '' : ` ${index}`} ${result}`);
  return result;
}

/**
 * Reads and checks an SDK-form usage object for a helper (see
 * {@link _readFields} and {@link _checkFields}).
 *
 * @param usage The usage object.
 * @param counts Where the ten counts go.
 * @param what Who is asking, for messages.
 *
 * @returns Which optional parts are present (the flags of `_shape.ts`).
 */
export function _readUsage(usage: unknown, counts: Float64Array, what: string): number {
  let fields: unknown[];
  try {
    fields = _readFields(usage);
  } catch (cause) {
    throw _unreadable(what, undefined, cause);
  }
  return _checkFields(fields, counts, what);
}

/** The error for a value whose getters or proxy traps threw, keeping what they threw as the cause. */
export function _unreadable(what: string, index: number | undefined, cause: unknown): TypeError {
  return new TypeError(`${what}${index === undefined ? '' : ` ${index}`} could not be read: a getter or proxy trap threw`, { cause });
}

/** Checks the fields and stores the counts, or says what is wrong. It may call into a bad value to describe it. */
function check(fields: readonly unknown[], counts: Float64Array): number | string {
  const usage = fields[0];
  if (!isObject(usage)) return problem('', _OBJECT.expected, usage);
  let at = 1;
  let slot = 0;
  let present = 0;
  /** Checks the count at the next field and stores it, or says what is wrong with it. */
  const count = (): string | undefined => {
    const value = fields[at++];
    if (_isCount(value)) {
      counts[slot++] = value;
      return undefined;
    }
    if (slot === 0 && value === undefined && WIRE_KEYS.some((key) => key in usage)) {
      return `is in the wire form (snake_case keys such as ${WIRE_TOTAL}): parse it into the SDK form with parseImageUsage first`;
    }
    return problem(`${PATHS[slot]!}: `, _COUNT_CHECKS.find((rule) => !rule.passes(value))!.expected, value);
  };
  let failed: string | undefined;
  for (let key = 0; key < COUNT_KEYS.length; key++) if ((failed = count())) return failed;
  for (const [key, , flag] of DETAILS) {
    if (flag === _CACHED_DETAILS) {
      // The cached count is optional: absent, it reads as 0.
      if (fields[at] === undefined) {
        counts[slot++] = 0;
        at++;
      } else if ((failed = count())) return failed;
      else present |= _CACHED;
    }
    const details = fields[at++];
    if (flag !== 0 && ABSENT.includes(details as undefined)) {
      counts.fill(0, slot, slot + 2);
      slot += 2;
      at += 2;
      continue;
    }
    if (!isObject(details)) return problem(`${key}: `, _OBJECT.expected, details);
    present |= flag;
    if ((failed = count()) || (failed = count())) return failed;
  }
  return present;
}

/** One problem, as `is not an ImageUsage: path: expected ..., received ...` (no path for the usage object itself). */
function problem(path: string, expected: string, received: unknown): string {
  return `is not an ImageUsage: ${path}expected ${expected}, received ${_describeValue(received)}`;
}
