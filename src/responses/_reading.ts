import type * as v from 'valibot';
import { type _Check, _COUNT_CHECKS, _OBJECT, _STRICT_COUNT_CHECKS } from '../_shape.ts';
import { _describeValue } from '../_internal/_describeValue.ts';
import type { ImageResponse } from './ImageResponse.ts';
import type { _ResponseShape } from './_shapes.ts';

// What the readers of whole responses share: the state of one read (the
// options, the issues found, the figures derived), paths as valibot writes
// them, and the checks of the values on the way to the usage and the images.
// Every read of the input happens inside the `try` of `_readResponse`: a
// getter or proxy trap that throws ends the read with one issue.

/** A path from the response down to a value, as valibot writes one. */
export type _Path = readonly v.IssuePathItem[];

/** The state of one read of a whole response. */
export interface _Reading {
  /** Whether the strict rules apply to the usage. */
  readonly strict: boolean;
  /** How to read OpenRouter's prompt tokens, when the caller said. */
  readonly promptTokens: 'text' | 'image' | undefined;
  /** valibot's configuration, for the usage schemas. */
  readonly config: v.Config<v.BaseIssue<unknown>>;
  /** The issues found so far. */
  readonly issues: v.BaseIssue<unknown>[];
  /** The dot paths of the figures derived so far. */
  readonly derived: string[];
}

/** What a reader found in a body of its shape (the model the body's own, if it names one; what was derived is in the read). */
export type _Found = Omit<ImageResponse, 'derived'>;

/**
 * A path one step further down.
 *
 * @param path The path to the parent.
 * @param input The parent.
 * @param key The key (a number for an array's item).
 * @param value The value there.
 *
 * @returns The longer path.
 */
export function _at(path: _Path, input: object, key: string | number, value: unknown): v.IssuePathItem[] {
  const item: v.IssuePathItem =
    typeof key === 'number'
      ? { type: 'array', origin: 'value', input: input as unknown[], key, value }
      : { type: 'object', origin: 'value', input: input as Record<string, unknown>, key, value };
  return [...path, item];
}

/** The dot path of a path, as `v.getDotPath` writes it. */
export function _dotPath(path: _Path): string {
  return path.map((item) => String(item.key)).join('.');
}

/**
 * Adds an issue: `expected what, received what`, on one line; `received`
 * describes the value unless given.
 *
 * @param reading The read.
 * @param path Where.
 * @param input The value.
 * @param expected What was expected.
 * @param received What was received, when not the value's description.
 */
export function _addIssue(reading: _Reading, path: _Path, input: unknown, expected: string, received: string = _describeValue(input)): void {
  reading.issues.push({
    kind: 'schema',
    type: 'image_response',
    input,
    expected,
    received,
    message: `expected ${expected}, received ${received}`,
    path: path.length > 0 ? (path as [v.IssuePathItem, ...v.IssuePathItem[]]) : undefined,
  });
}

/**
 * Gives issues of a usage schema run on a value below the response the path
 * from the response, and adds them.
 *
 * @param reading The read.
 * @param path The path to the value the schema ran on.
 * @param issues The schema's issues.
 */
export function _addIssuesAt(reading: _Reading, path: _Path, issues: readonly v.BaseIssue<unknown>[]): void {
  for (const issue of issues) {
    const whole = [...path, ...(issue.path ?? [])];
    (issue as { path?: v.IssuePathItem[] | undefined }).path = whole.length > 0 ? whole : undefined;
    reading.issues.push(issue);
  }
}

/** Whether a value is an object, as `v.object()` wants (`_OBJECT`): not `null`, not a function. */
export function _isObject(value: unknown): value is object {
  return _OBJECT.passes(value);
}

/** A field of an object, as a plain read. */
export function _field(object: object, key: string): unknown {
  return (object as Record<string, unknown>)[key];
}

/**
 * An object on the way down: `undefined` when absent or `null`, the object,
 * or an issue (and `undefined`) for anything else.
 *
 * @param reading The read.
 * @param path Where.
 * @param value The value.
 *
 * @returns The object, or `undefined`.
 */
export function _object(reading: _Reading, path: _Path, value: unknown): object | undefined {
  if (value === undefined || value === null) return undefined;
  if (_isObject(value)) return value;
  _addIssue(reading, path, value, _OBJECT.expected);
  return undefined;
}

/**
 * An array on the way down: empty when absent or `null`, the array, or an
 * issue (and empty) for anything else. Its items are read by index.
 *
 * @param reading The read.
 * @param path Where.
 * @param value The value.
 *
 * @returns The items.
 */
export function _items(reading: _Reading, path: _Path, value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    _addIssue(reading, path, value, 'Array');
    return [];
  }
  const items: unknown[] = [];
  for (let index = 0; index < value.length; index++) items.push(value[index]);
  return items;
}

/**
 * A count under the rules of the read: the number, or an issue (and
 * `undefined`) that says what the first check it fails expected. An absent
 * count is left to the caller.
 *
 * @param reading The read.
 * @param path Where.
 * @param value The value, not `undefined`.
 * @param checks The checks: a count's under the rules of the read, unless given.
 *
 * @returns The count, or `undefined`.
 */
export function _count(
  reading: _Reading,
  path: _Path,
  value: unknown,
  checks: readonly _Check[] = reading.strict ? _STRICT_COUNT_CHECKS : _COUNT_CHECKS,
): number | undefined {
  for (const check of checks) {
    if (!check.passes(value)) {
      _addIssue(reading, path, value, check.expected);
      return undefined;
    }
  }
  return value as number;
}

/**
 * The model a body names at a key: a string that is not empty; `undefined`
 * when absent, `null` or empty, and an issue for anything else.
 *
 * @param reading The read.
 * @param path The path to the object.
 * @param object The object that holds it.
 * @param key Its key.
 *
 * @returns The model, or `undefined`.
 */
export function _model(reading: _Reading, path: _Path, object: object, key: string): string | undefined {
  const value = _field(object, key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  _addIssue(reading, _at(path, object, key, value), value, 'string');
  return undefined;
}

/**
 * The one count missing (`undefined`) from a sum, derived: the sum of its
 * two parts, or the sum less the other part; only when the other two are
 * safe integers `>= 0` and so is the result, the one case where the figure
 * is exact.
 *
 * @param values The sum, then its two parts.
 *
 * @returns Where the missing count is (0 the sum, 1 or 2 a part) and its value, or `undefined`.
 */
export function _deriveMissing(values: readonly unknown[]): [index: number, value: number] | undefined {
  const whole = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
  const missing = values.flatMap((value, index) => (value === undefined ? [index] : []));
  if (missing.length !== 1 || !values.every((value) => value === undefined || whole(value))) return undefined;
  const [sum, first, second] = values as number[];
  const index = missing[0]!;
  const value = index === 0 ? first! + second! : sum! - (index === 1 ? second! : first!);
  return whole(value) ? [index, value] : undefined;
}

/** Whether an object has any of these keys (own or inherited, as valibot reads them). */
export function _hasAny(object: object, keys: readonly string[]): boolean {
  return keys.some((key) => key in object);
}

/**
 * What a reader answers for a body with none of its shape's keys: an error
 * body (`{ error: ... }`, an object or a message) is a response of the shape
 * that reports no usage and no image; anything else is an issue saying what
 * was expected (and, for a fetch API `Response`, to read its body first).
 *
 * @param reading The read.
 * @param path The path to the body.
 * @param body The body.
 * @param shape The shape the reader reads.
 *
 * @returns What an error body holds, or `undefined` (and an issue).
 */
export function _notOfShape(reading: _Reading, path: _Path, body: object, shape: _ResponseShape): _Found | undefined {
  const error = _field(body, 'error');
  if (_isObject(error) || (typeof error === 'string' && error !== '')) {
    return { shape: shape.shape, model: _model(reading, path, body, 'model'), usage: undefined, images: 0, reportedCost: undefined };
  }
  const name = _describeValue(body);
  // A fetch API response: its body is still to be read.
  _addIssue(reading, path, body, shape.expected, name === 'Response' ? 'Response: read its body first (await response.json())' : `${name} without any`);
  return undefined;
}
