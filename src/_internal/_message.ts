import type * as v from 'valibot';
import { _COUNT_CHECKS, _OBJECT, _STRICT_COUNT_CHECKS } from '../_shape.ts';
import { _describeValue } from './_describeValue.ts';

/** What each check's message says was expected, by the type of its issue. */
const EXPECTED: Readonly<Record<string, string>> = /* @__PURE__ */ Object.fromEntries(
  [..._COUNT_CHECKS, ..._STRICT_COUNT_CHECKS, _OBJECT].map((check) => [check.type, check.expected]),
);

/**
 * The message of every issue the usage schemas' own valibot checks report:
 * `expected what, received what`, on one line and short, in the words
 * `checkImageUsage` and the other helpers use for the same rule. The path is
 * not in it: valibot keeps it in `issue.path` (`ImageUsageError` writes it in
 * front). A missing key reads as the value it lacks (`expected number,
 * received undefined`). The issue's `expected` and `received` become the
 * texts of the message, so that the three always say the same.
 *
 * @param issue The issue valibot is making.
 * @param objectKeys The keys whose values are objects, for a missing one (others are counts).
 *
 * @returns Its message.
 */
export function _message(issue: v.BaseIssue<unknown>, objectKeys: readonly string[] = []): string {
  const last = issue.path?.[issue.path.length - 1];
  const expected =
    last?.origin === 'key'
      ? objectKeys.includes(last.key as string)
        ? _OBJECT.expected
        : _COUNT_CHECKS[0]!.expected
      : (EXPECTED[issue.type] ?? String(issue.expected));
  // valibot's own `received` names a class by its `name`, whatever that is, and
  // quotes a string as it is (line breaks, a megabyte), and its `expected` is
  // null for a finite or safe integer check and the key for a missing one: the
  // issue gets the texts of the message instead, so that nothing in it calls
  // back into the input and its fields say what the message says.
  const received = _describeValue(issue.input);
  Object.assign(issue, { expected, received });
  return `expected ${expected}, received ${received}`;
}
