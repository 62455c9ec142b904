import * as v from 'valibot';
import { describeValue, truncate } from '../internal/describeValue.ts';

/** What an issue expected, where valibot leaves `expected` empty. */
const EXPECTED_BY_TYPE: Readonly<Record<string, string>> = {
  finite: 'a finite number',
  safe_integer: 'a safe integer',
};

/** A string that JSON.stringify writes as it is, between quotes. @internal */
const PLAIN_STRING = /^[^"\\\x00-\x1f\ud800-\udfff]*$/;

/**
 * Describes what an issue received. valibot names an object by its
 * constructor (`Number`, `Date`, a class name), which is kept when it reads as
 * a name; a null-prototype object (which valibot calls `null`) or an odd
 * constructor name reads `Object`. Anything else is described by
 * `describeValue`: strings quoted with escapes (one line), bigints with their
 * `n`, `-0` kept. Issues of this package already carry their own text.
 *
 * @internal
 */
function describeReceived(issue: v.BaseIssue<unknown>): string {
  const { input, received } = issue;
  if (issue.type === 'consistent_image_usage' || issue.type === 'image_usage') return truncate(received);
  // A string with nothing to escape: valibot's `"..."` is what JSON.stringify writes, for less.
  if (typeof input === 'string' && PLAIN_STRING.test(input)) return truncate(received);
  if (typeof input !== 'object' || input === null) return describeValue(input);
  return received !== 'null' && /^[A-Za-z_$][\w$]*$/.test(received) ? truncate(received) : 'Object';
}

/**
 * Formats one issue as `path: what was expected, received what`, with the
 * path as the caller spelled it, `(root)` for the value itself, and the
 * received value cut to a few dozen characters.
 *
 * @param issue A valibot issue.
 *
 * @returns One line of an error message.
 *
 * @internal
 */
export function formatIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue) ?? '(root)';
  const last = issue.path?.[issue.path.length - 1];
  let expected = issue.expected ?? EXPECTED_BY_TYPE[issue.type] ?? issue.type;
  // A missing key: valibot expects the key itself; say what its value should be.
  if (last?.origin === 'key') expected = /details$/i.test(String(last.key)) ? 'Object' : 'number';
  return `${path}: expected ${expected}, received ${describeReceived(issue)}`;
}
