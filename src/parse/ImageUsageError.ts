import type * as v from 'valibot';

/**
 * The issues of a usage object that failed to parse: valibot issues, at least
 * one, each with a `message` of the form `path: what was expected, received
 * what`.
 *
 * @example
 * ```ts
 * import { safeParseImageUsage } from 'image-usage';
 *
 * const result = safeParseImageUsage(input);
 * if (!result.success) console.log(result.issues[0].message);
 * ```
 */
export type ImageUsageIssues = readonly [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]];

/**
 * The error `parseImageUsage` throws. Its message lists each problem on a line
 * of its own as `path: what was expected, received what`, with the path in
 * the form the caller used (`input_tokens_details.image_tokens` for wire
 * input, `inputTokensDetails.imageTokens` for SDK input); `issues` holds the
 * valibot issues. Test `error.name === 'ImageUsageError'` rather than
 * `instanceof` where both the ESM and the CJS build may be loaded.
 *
 * @example
 * ```ts
 * import { ImageUsageError, parseImageUsage } from 'image-usage';
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
    const lines = issues.map((issue) => `  ${issue.message}`).join('\n');
    super(`Invalid image usage (${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}):\n${lines}`);
    this.name = 'ImageUsageError';
    this.issues = issues;
  }
}
