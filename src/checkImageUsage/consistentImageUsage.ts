import * as v from 'valibot';
import { formatNumber } from '../internal/formatNumber.ts';
import type { ImageUsage } from '../types/index.ts';
import type { CheckImageUsageOptions } from './checkImageUsage.ts';
import { COUNT_PATHS } from '../internal/readCounts.ts';
import { countsOf, findBrokenRules, resolveTolerance } from './rules.ts';

/**
 * The issue {@link consistentImageUsage} adds for each broken rule. `input`
 * and `received` are the reported figure, `expected` names the parts and
 * their sum (`inputTokens + outputTokens = 5301.59`), and the path points at
 * the reported field. The path item's `input` is the SDK-form object in the
 * pipe; in `StrictWireImageUsageSchema` its `key` is the wire name of the field
 * (`total_tokens`), the name the caller used.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { ImageUsageSchema, consistentImageUsage } from 'image-usage';
 *
 * const result = v.safeParse(v.pipe(ImageUsageSchema, consistentImageUsage()), input);
 * result.issues?.[0]?.expected; // 'inputTokens + outputTokens = 4212'
 * ```
 */
export interface ConsistentImageUsageIssue extends v.BaseIssue<number> {
  /** The issue kind. */
  readonly kind: 'validation';
  /** The issue type. */
  readonly type: 'consistent_image_usage';
  /** The parts and their sum. */
  readonly expected: string;
  /** The relative tolerance for fractions. */
  readonly requirement: number;
}

/**
 * The valibot validation action that {@link consistentImageUsage} creates.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { ImageUsageSchema, consistentImageUsage } from 'image-usage';
 *
 * const Schema = v.pipe(ImageUsageSchema, consistentImageUsage());
 * ```
 */
export interface ConsistentImageUsageAction
  extends v.BaseValidation<ImageUsage, ImageUsage, ConsistentImageUsageIssue> {
  /** The action type. */
  readonly type: 'consistent_image_usage';
  /** The action reference. */
  readonly reference: typeof consistentImageUsage;
  /** The expected property. */
  readonly expects: null;
  /** The relative tolerance for fractions. */
  readonly requirement: number;
}

/**
 * The count paths in the wire form, for the strict wire schema.
 *
 * @internal
 */
export const WIRE_COUNT_PATHS: readonly string[] = COUNT_PATHS.map((path) =>
  path.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`),
);

/**
 * Creates the action for {@link consistentImageUsage}, naming fields with the
 * given paths (SDK form, or wire form for the strict wire schema).
 *
 * @internal
 */
// @__NO_SIDE_EFFECTS__
export function createConsistencyAction(tolerance: number, paths: readonly string[]): ConsistentImageUsageAction {
  return {
    kind: 'validation',
    type: 'consistent_image_usage',
    reference: consistentImageUsage,
    async: false,
    expects: null,
    requirement: tolerance,
    '~run'(dataset, config) {
      if (!dataset.typed) return dataset;
      const usage = dataset.value;
      const hasOutputDetails = usage.outputTokensDetails !== undefined;
      for (const broken of findBrokenRules(countsOf(usage), hasOutputDetails, this.requirement, paths)) {
        v._addIssue(this, 'consistency', dataset, config, {
          input: broken.received,
          expected: broken.parts,
          received: formatNumber(broken.received),
          path: [
            {
              type: 'object',
              origin: 'value',
              input: usage as unknown as Record<string, unknown>,
              key: broken.path,
              value: broken.received,
            },
          ],
        });
      }
      return dataset;
    },
  };
}

/**
 * Creates a validation action that checks the consistency rules on a parsed
 * usage object (total = input + output; input = text + image; output = text
 * + image when `outputTokensDetails` is present) and adds one issue per broken
 * rule, at the path of the reported figure. Use it after either schema; the
 * paths name the SDK-form fields, because that is the form in the pipe.
 *
 * @param options The relative tolerance for fractions (default `1e-9`).
 *
 * @returns A consistency action.
 *
 * @throws {RangeError} When the tolerance is negative or not finite.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { WireImageUsageSchema, consistentImageUsage } from 'image-usage';
 *
 * const Schema = v.pipe(WireImageUsageSchema, consistentImageUsage());
 * const result = v.safeParse(Schema, JSON.parse(body).usage);
 * ```
 */
// @__NO_SIDE_EFFECTS__
export function consistentImageUsage(options?: CheckImageUsageOptions): ConsistentImageUsageAction {
  return createConsistencyAction(resolveTolerance(options?.tolerance), COUNT_PATHS);
}
