import type { ImageUsage } from '../types/index.ts';
import { _parseUsage } from './_parseUsage.ts';
import type { ImageUsageIssues } from './ImageUsageError.ts';

/**
 * Options for `safeParseImageUsage` and `parseImageUsage`.
 *
 * @example
 * ```ts
 * import { parseImageUsage } from 'image-usage';
 *
 * const usage = parseImageUsage(input, { strict: true });
 * ```
 */
export interface ParseImageUsageOptions {
  /**
   * Apply the strict rules: every count a safe integer `>= 0`, and every
   * consistency rule holding. Default `false`: every count a finite number
   * `>= 0`, the sums not checked.
   */
  readonly strict?: boolean | undefined;
}

/**
 * The result of {@link safeParseImageUsage}: the usage object in the SDK form,
 * or the issues.
 *
 * @example
 * ```ts
 * import { safeParseImageUsage } from 'image-usage';
 *
 * const result = safeParseImageUsage(input);
 * if (result.success) console.log(result.output.totalTokens);
 * ```
 */
export type SafeParseImageUsageResult =
  | {
      /** The input is a valid usage object. */
      readonly success: true;
      /** A fresh SDK-form usage object with only the known fields. */
      readonly output: ImageUsage;
    }
  | {
      /** The input is not a valid usage object. */
      readonly success: false;
      /** What is wrong, at least one issue. */
      readonly issues: ImageUsageIssues;
    };

/**
 * Parses a usage object in either form, told apart by its keys, and never
 * throws: the run of `WireOrSdkImageUsageSchema` (or, with `strict: true`,
 * `StrictWireOrSdkImageUsageSchema`). Snake_case keys are read as the API's
 * wire form, camelCase keys as the SDK's form; an object that mixes the two is
 * an issue. On success the output is a fresh SDK-form object holding only the
 * known fields (unknown keys dropped, the input never mutated). On failure
 * each issue has its path in `path` (in the form the caller used) and a
 * `message` reading `expected what, received what`; a value whose getters or
 * proxy traps throw gets one issue saying it could not be read.
 *
 * @param input The value to parse.
 * @param options `strict: true` for safe integers and consistent sums.
 *
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { safeParseImageUsage } from 'image-usage';
 *
 * const result = safeParseImageUsage(JSON.parse(body).usage);
 * if (result.success) meter(result.output.totalTokens);
 * else console.warn(v.summarize(result.issues));
 * ```
 */
export function safeParseImageUsage(input: unknown, options?: ParseImageUsageOptions): SafeParseImageUsageResult {
  const { value, issues } = _parseUsage(input, options);
  return issues ? { success: false, issues } : { success: true, output: value };
}
