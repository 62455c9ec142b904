import * as v from 'valibot';
import { describeValue } from '../internal/describeValue.ts';
import { ImageUsageSchema } from '../schemas/ImageUsageSchema.ts';
import {
  readImageUsage,
  readStrictImageUsage,
  readStrictWireImageUsage,
  readWireImageUsage,
} from '../schemas/readImageUsage.ts';
import { StrictImageUsageSchema, StrictWireImageUsageSchema } from '../schemas/StrictImageUsageSchema.ts';
import { WireImageUsageSchema } from '../schemas/WireImageUsageSchema.ts';
import type { ImageUsage } from '../types/index.ts';
import { detectForm, type UsageForm } from './detectForm.ts';
import { formatIssue } from './formatIssue.ts';
import type { ImageUsageIssues } from './ImageUsageError.ts';

/**
 * Options for {@link safeParseImageUsage} and `parseImageUsage`.
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
  readonly strict?: boolean;
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
 * Creates an issue about the input as a whole.
 *
 * @internal
 */
function rootIssue(input: unknown, expected: string, received: string): v.BaseIssue<unknown> {
  const issue = { kind: 'schema', type: 'image_usage', input, expected, received, message: '' } as const;
  return { ...issue, message: formatIssue(issue) };
}

/** The usage keys of each form, for the message about mixed keys. */
const WIRE_KEYS = ['total_tokens', 'input_tokens', 'output_tokens', 'input_tokens_details', 'output_tokens_details'];
const SDK_KEYS = ['totalTokens', 'inputTokens', 'outputTokens', 'inputTokensDetails', 'outputTokensDetails'];

/**
 * Parses a usage object in either form, told apart by its keys, and never
 * throws. Snake_case keys are read as the API's wire form, camelCase keys as
 * the SDK's form; an object that mixes the two is an issue. On success the
 * output is a fresh SDK-form object holding only the known fields (unknown
 * keys dropped, the input never mutated). On failure every issue's `message`
 * reads `path: what was expected, received what`, with the path in the form
 * the caller used; a value whose getters or proxy traps throw gets an issue
 * saying it could not be read.
 *
 * @param input The value to parse.
 * @param options `strict: true` for safe integers and consistent sums.
 *
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 *
 * @example
 * ```ts
 * import { safeParseImageUsage } from 'image-usage';
 *
 * const result = safeParseImageUsage(JSON.parse(body).usage);
 * if (result.success) meter(result.output.totalTokens);
 * else console.warn(result.issues.map((issue) => issue.message).join('\n'));
 * ```
 */
export function safeParseImageUsage(input: unknown, options?: ParseImageUsageOptions): SafeParseImageUsageResult {
  const parsed = parseUsage(input, options);
  return isIssues(parsed) ? { success: false, issues: parsed } : { success: true, output: parsed };
}

/**
 * Whether what {@link parseUsage} answered is the issues.
 *
 * @internal
 */
export function isIssues(parsed: ImageUsage | ImageUsageIssues): parsed is ImageUsageIssues {
  return Array.isArray(parsed);
}

/**
 * Parses without wrapping the answer, so that `parseImageUsage` allocates
 * only its output: the usage object, or the issues (an array, which a usage
 * object never is).
 *
 * @internal
 */
export function parseUsage(input: unknown, options: ParseImageUsageOptions | undefined): ImageUsage | ImageUsageIssues {
  const strict = isStrictOption(options);
  return parseFast(input, strict) ?? parseSlow(input, strict);
}

/**
 * Reads the `strict` option, which is `true` or not; never throws.
 *
 * @internal
 */
function isStrictOption(options: ParseImageUsageOptions | undefined): boolean {
  try {
    return options?.strict === true;
  } catch {
    return false;
  }
}

/**
 * The fast path of parsing: valid input in either form, checked and copied by
 * hand, allocating only the output. `undefined` for anything else, hostile
 * input included, which {@link parseSlow} then explains.
 *
 * @internal
 */
function parseFast(input: unknown, strict: boolean): ImageUsage | undefined {
  try {
    const form = detectForm(input);
    if (form === 'sdk') return strict ? readStrictImageUsage(input) : readImageUsage(input);
    return form === 'wire' ? (strict ? readStrictWireImageUsage(input) : readWireImageUsage(input)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The slow path of parsing: the issues of input the fast path did not take, in
 * the form the caller used, with the messages of `ImageUsageError`.
 *
 * @internal
 */
function parseSlow(input: unknown, strict: boolean): ImageUsage | ImageUsageIssues {
  // Only reading the input may throw (a getter or proxy trap); what this
  // package does with what it read stays outside the try.
  let form: UsageForm;
  let keys: [wire: string | undefined, sdk: string | undefined] = [undefined, undefined];
  let result: v.OutputDataset<unknown, v.BaseIssue<unknown>>;
  try {
    form = detectForm(input);
    if (form === 'mixed') keys = [WIRE_KEYS.find((key) => key in (input as object)), SDK_KEYS.find((key) => key in (input as object))];
    const schema =
      form === 'wire'
        ? strict
          ? StrictWireImageUsageSchema
          : WireImageUsageSchema
        : strict
          ? StrictImageUsageSchema
          : ImageUsageSchema;
    result = schema['~run']({ value: input }, v.getGlobalConfig());
  } catch {
    return [rootIssue(input, 'a readable value', 'one that could not be read (a getter or proxy trap threw)')];
  }
  if (form === 'mixed') {
    return [rootIssue(input, 'snake_case (wire) or camelCase (SDK) usage keys, not both', `${keys[0]} and ${keys[1]}`)];
  }
  if (form === 'none') {
    const expected = 'usage keys in snake_case (total_tokens, ...) or camelCase (totalTokens, ...)';
    return [rootIssue(input, expected, `${describeValue(input)} without any`)];
  }
  if (!result.issues) return result.value as ImageUsage;
  // The issues are this call's own: give each the message of ImageUsageError.
  for (const issue of result.issues) (issue as { message: string }).message = formatIssue(issue);
  return result.issues;
}
