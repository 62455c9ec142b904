import * as v from 'valibot';
import { truncate } from '../internal/describeValue.ts';

/** What an issue expected, where valibot leaves `expected` empty. */
const EXPECTED_BY_TYPE: Readonly<Record<string, string>> = {
  finite: 'a finite number',
  safe_integer: 'a safe integer',
};

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
  return `${path}: expected ${expected}, received ${truncate(issue.received)}`;
}
