import * as v from 'valibot';
import { _GLOBAL_CONFIG } from '../_internal/_globalConfig.ts';
import { StrictWireOrSdkImageUsageSchema, WireOrSdkImageUsageSchema } from '../schemas/index.ts';
import type { ImageUsage } from '../types/index.ts';
import type { ImageUsageIssues } from './ImageUsageError.ts';
import type { ParseImageUsageOptions } from './safeParseImageUsage.ts';

/** The issue of a value whose getters or proxy traps threw when it was read (the response readers' too). */
export const _UNREADABLE = {
  kind: 'schema',
  type: 'wire_or_sdk_image_usage',
  expected: 'a readable value',
  received: 'one that could not be read (a getter or proxy trap threw)',
  message: 'expected a readable value, received one that could not be read (a getter or proxy trap threw)',
} as const;

/**
 * The one path of `parseImageUsage` and `safeParseImageUsage`: the run of
 * `WireOrSdkImageUsageSchema` (or its strict twin), which reads the input,
 * inside a `try`. A value that could not be read (a getter or proxy trap
 * threw, on any read) is not valid: it gets one issue saying so. What comes
 * out holds nothing that calls back into the input.
 *
 * @param input The value to parse.
 * @param options The options; a `strict` getter that throws counts as not strict.
 *
 * @returns The usage object, or the issues.
 */
export function _parseUsage(input: unknown, options: ParseImageUsageOptions | undefined): v.OutputDataset<ImageUsage, v.BaseIssue<unknown>> {
  let strict = false;
  try {
    strict = options?.strict === true;
  } catch {
    // Not strict: safeParseImageUsage never throws, not even for its options.
  }
  try {
    return (strict ? StrictWireOrSdkImageUsageSchema : WireOrSdkImageUsageSchema)['~run']({ value: input }, _GLOBAL_CONFIG);
  } catch {
    return { typed: false, value: input, issues: [{ ..._UNREADABLE, input }] as ImageUsageIssues };
  }
}
