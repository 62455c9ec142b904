import { _COUNT_CHECKS, _countPaths, _OBJECT, _SDK, _usageKeys, _WIRE } from '../_shape.ts';
import { _describeValue } from './_describeValue.ts';
import { _isCount } from './_isCount.ts';

// The checked reader of the helpers that take an `ImageUsage` (checkImageUsage,
// sumImageUsage, toWire, estimateCost): each field read once, then checked
// under the default rules, with the messages of the schemas.

const { counts: COUNT_KEYS, details: DETAILS_KEYS, split: SPLIT_KEYS, absent: ABSENT } = _SDK;
const WIRE_KEYS = /* @__PURE__ */ _usageKeys(_WIRE);
const WIRE_TOTAL = WIRE_KEYS[0]!;
const PATHS = /* @__PURE__ */ _countPaths(_SDK);

/** Whether a value can hold the fields of a usage or details object, as `v.object()` wants. */
const isObject = _OBJECT.passes as (value: unknown) => value is Record<string, unknown>;

/**
 * Reads the fields of an SDK-form usage object, each once, in count order:
 * the usage object, its three counts, then each details object followed by
 * its two counts (`undefined` for the counts of what is not an object). It
 * throws what a getter or proxy trap throws.
 *
 * @param usage The value to read.
 *
 * @returns The ten fields.
 */
export function _readFields(usage: unknown): unknown[] {
  if (!isObject(usage)) return [usage];
  const fields: unknown[] = [usage];
  for (const key of COUNT_KEYS) fields.push(usage[key]);
  for (const key of DETAILS_KEYS) {
    const details = usage[key];
    fields.push(details);
    for (const count of SPLIT_KEYS) fields.push(isObject(details) ? details[count] : undefined);
  }
  return fields;
}

/**
 * Checks the fields of a usage object as {@link _readFields} reads them and
 * stores its counts in `counts`, in count order (zeros for absent output
 * details).
 *
 * @param fields The fields.
 * @param counts Where the seven counts go.
 * @param what Who is asking, for messages (`'checkImageUsage: usage'`).
 * @param index The index of an element, for messages.
 *
 * @returns Whether the usage object has output details.
 *
 * @throws {TypeError} Naming the first bad field in count order, what was
 * expected and what was received; saying that the value is in the wire form
 * and what to do; or saying that it could not be read.
 */
export function _checkFields(fields: readonly unknown[], counts: Float64Array, what: string, index?: number): boolean {
  let result: boolean | string;
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
 * @param counts Where the seven counts go.
 * @param what Who is asking, for messages.
 *
 * @returns Whether the usage object has output details.
 */
export function _readUsage(usage: unknown, counts: Float64Array, what: string): boolean {
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

/** Where _readFields puts the two details objects: after the usage object and its counts, and after the first one's counts. */
const DETAILS_AT = [1 + COUNT_KEYS.length, 2 + COUNT_KEYS.length + SPLIT_KEYS.length];

/** Checks the fields and stores the counts, or says what is wrong. It may call into a bad value to describe it. */
function check(fields: readonly unknown[], counts: Float64Array): boolean | string {
  let slot = 0;
  for (let at = 0; at < fields.length; at++) {
    const value = fields[at];
    const details = DETAILS_AT.indexOf(at);
    if (at === 0 || details >= 0) {
      // The usage object, or a details object (the output's may be absent).
      if (details === 1 && ABSENT.includes(value as undefined)) {
        counts.fill(0, slot);
        return false;
      }
      if (!isObject(value)) return problem(at === 0 ? '' : `${DETAILS_KEYS[details]!}: `, _OBJECT.expected, value);
    } else if (_isCount(value)) {
      counts[slot++] = value;
    } else if (slot === 0 && value === undefined && WIRE_KEYS.some((key) => key in (fields[0] as object))) {
      return `is in the wire form (snake_case keys such as ${WIRE_TOTAL}): parse it into the SDK form with parseImageUsage first`;
    } else {
      return problem(`${PATHS[slot]!}: `, _COUNT_CHECKS.find((rule) => !rule.passes(value))!.expected, value);
    }
  }
  return true;
}

/** One problem, as `is not an ImageUsage: path: expected ..., received ...` (no path for the usage object itself). */
function problem(path: string, expected: string, received: unknown): string {
  return `is not an ImageUsage: ${path}expected ${expected}, received ${_describeValue(received)}`;
}
