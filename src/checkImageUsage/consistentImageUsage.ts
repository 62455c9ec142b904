import * as v from 'valibot';
import { _countPaths, _FORMS } from '../_shape.ts';
import { _countsOf, _findBrokenRules, _presentIn, _ruleTexts, _tolerance } from '../_internal/_brokenRules.ts';
import { _describeValue } from '../_internal/_describeValue.ts';
import type { ImageUsage } from '../types/index.ts';
import type { CheckImageUsageOptions } from './checkImageUsage.ts';

/**
 * Options for {@link consistentImageUsage}.
 *
 * @example
 * ```ts
 * import { consistentImageUsage } from 'image-usage';
 *
 * consistentImageUsage({ tolerance: 1e-6, form: 'wire' });
 * ```
 */
export interface ConsistentImageUsageOptions extends CheckImageUsageOptions {
  /**
   * The form whose keys the issues name: `'sdk'` (the default, the form in the
   * pipe), or `'wire'` after `WireImageUsageSchema`, so that an issue points
   * at `total_tokens`, the key the caller sent.
   */
  readonly form?: 'sdk' | 'wire' | undefined;
}

/**
 * The issue {@link consistentImageUsage} adds for each broken rule. `input`
 * is the reported figure, `received` that figure as text, `expected` names
 * the parts and their sum (`inputTokens + outputTokens = 4212`), and the
 * path points at the reported field; the path item's `input` is the SDK-form
 * object in the pipe.
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
  /** The relative tolerance. */
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
export interface ConsistentImageUsageAction extends v.BaseValidation<ImageUsage, ImageUsage, ConsistentImageUsageIssue> {
  /** The action type. */
  readonly type: 'consistent_image_usage';
  /** The action reference. */
  readonly reference: typeof consistentImageUsage;
  /** The expected property. */
  readonly expects: null;
  /** The relative tolerance. */
  readonly requirement: number;
}

/**
 * Creates a validation action that checks the consistency rules on a parsed
 * usage object (total = input + output; input = text + image; output = text
 * + image when `outputTokensDetails` is present; cached = cached text +
 * cached image when `cachedTokensDetails` is present; cached <= input, cached
 * text <= input text, cached image <= input image) and adds one issue per broken
 * rule, at the path of the reported figure, with the message
 * `expected inputTokens + outputTokens = 4212, received 4213`. Use it after
 * either schema.
 *
 * @param options The relative tolerance (default `1e-9`), and the form whose
 * keys the issues name (default `'sdk'`).
 *
 * @returns A consistency action.
 *
 * @throws {RangeError} When the tolerance is negative or not finite.
 * @throws {TypeError} When the tolerance is not a number, or the form is neither `'sdk'` nor `'wire'`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { WireImageUsageSchema, consistentImageUsage } from 'image-usage';
 *
 * const Schema = v.pipe(WireImageUsageSchema, consistentImageUsage({ form: 'wire' }));
 * const result = v.safeParse(Schema, JSON.parse(body).usage);
 * ```
 */
// @__NO_SIDE_EFFECTS__
export function consistentImageUsage(options?: ConsistentImageUsageOptions): ConsistentImageUsageAction {
  const tolerance = _tolerance(options, 'consistentImageUsage');
  const given: unknown = options?.form;
  const form = given === undefined ? 'sdk' : given;
  if (form !== 'sdk' && form !== 'wire') {
    throw new TypeError(`consistentImageUsage: form: expected "sdk" or "wire", received ${_describeValue(form)}`);
  }
  const paths = _countPaths(_FORMS[form]);
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
      for (const broken of _findBrokenRules(_countsOf(usage), _presentIn(usage), this.requirement)) {
        const key = paths[broken.reported]!;
        const { expected, received } = _ruleTexts(broken, paths);
        v._addIssue(this, 'consistency', dataset, config, {
          input: broken.received,
          expected,
          received,
          message: `expected ${expected}, received ${received}`,
          path: [{ type: 'object', origin: 'value', input: usage as unknown as Record<string, unknown>, key, value: broken.received }],
        });
      }
      return dataset;
    },
  };
}
