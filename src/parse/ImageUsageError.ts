import * as v from 'valibot';

/**
 * The issues of a usage object that failed to parse: valibot issues, at least
 * one, each with its path in `path` and a `message` of the form
 * `expected what, received what`. It is the array type valibot's own tools
 * take (`v.flatten`, `v.summarize`, `v.getDotPath` on each issue).
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { safeParseImageUsage } from 'image-usage';
 *
 * const result = safeParseImageUsage(input);
 * if (!result.success) console.log(v.flatten(result.issues).nested);
 * ```
 */
export type ImageUsageIssues = [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]];

/**
 * The error `parseImageUsage` throws. Its message lists each issue on a line
 * of its own as `path: what was expected, received what`, with the path in
 * the form the caller used (`input_tokens_details.image_tokens` for wire
 * input, `inputTokensDetails.imageTokens` for SDK input, `(root)` for the
 * value itself); `issues` holds the valibot issues. Test
 * `error.name === 'ImageUsageError'` rather than `instanceof` where both the
 * ESM and the CJS build may be loaded: each build has a class of its own.
 *
 * @example
 * ```ts
 * import { type ImageUsageError, parseImageUsage } from 'image-usage';
 *
 * try {
 *   parseImageUsage({ total_tokens: '12' });
 * } catch (error) {
 *   if (error instanceof Error && error.name === 'ImageUsageError') {
 *     console.log((error as ImageUsageError).issues.length);
 *   }
 * }
 * ```
 */
export class ImageUsageError extends Error {
  /** The issues, at least one. */
  readonly issues: ImageUsageIssues;

  /**
   * Creates an error from the issues of a failed parse.
   *
   * @param issues The issues, at least one.
   */
  constructor(issues: ImageUsageIssues) {
    const lines = issues.map((issue) => `  ${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
    super(`Invalid image usage (${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}):\n${lines.join('\n')}`);
    this.name = 'ImageUsageError';
    this.issues = issues;
  }
}
