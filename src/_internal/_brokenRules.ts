import { _CACHED, _CACHED_DETAILS, _OUTPUT_DETAILS, _RULES, type _Rule } from '../_shape.ts';
import type { ImageUsage } from '../types/index.ts';
import { _checkNumber } from './_checkNumber.ts';
import { _formatFigures } from './_formatNumber.ts';

/** The default relative tolerance for counts that are not safe integers. */
export const _DEFAULT_TOLERANCE = 1e-9;

/** One broken rule of a usage object. */
export interface _BrokenRule extends _Rule {
  /** The parts. */
  readonly addends: readonly number[];
  /** The sum of the parts (or the bound), as a `number` (the nearest one past 2^53); never equal to `received`. */
  readonly expected: number;
  /** The reported figure. */
  readonly received: number;
}

/**
 * The counts of a valid SDK-form usage object in count order (zeros for
 * what is absent), without checking them: for plain data such as a schema's
 * own copy.
 *
 * @param usage A valid usage object.
 *
 * @returns Its ten counts.
 */
export function _countsOf(usage: ImageUsage): number[] {
  const { inputTokensDetails: input, outputTokensDetails: output, cachedTokensDetails: cached } = usage;
  return [
    usage.totalTokens,
    usage.inputTokens,
    usage.outputTokens,
    input.textTokens,
    input.imageTokens,
    output?.textTokens ?? 0,
    output?.imageTokens ?? 0,
    usage.cachedTokens ?? 0,
    cached?.cachedTextTokens ?? 0,
    cached?.cachedImageTokens ?? 0,
  ];
}

/**
 * Which optional parts of a valid SDK-form usage object are present, as the
 * flags of `_shape.ts`.
 *
 * @param usage A valid usage object.
 *
 * @returns The flags.
 */
export function _presentIn(usage: ImageUsage): number {
  return (
    (usage.outputTokensDetails === undefined ? 0 : _OUTPUT_DETAILS) |
    (usage.cachedTokensDetails === undefined ? 0 : _CACHED_DETAILS) |
    (usage.cachedTokens === undefined ? 0 : _CACHED)
  );
}

/**
 * Applies the consistency rules of `_shape.ts` to the counts of a valid usage
 * object. A cached rule's figure must not pass its bound, compared exactly.
 * Otherwise the sum of the parts is a `number`: when it, the parts and the
 * figure are safe integers, the sum is exact and the figure must equal it
 * exactly; otherwise (fractions, or counts past 2^53, which a `number` holds
 * only to the nearest double) they agree within the relative tolerance:
 * `|sum - figure| / max(sum, figure) <= tolerance`, subnormals included. Parts
 * that add up past the largest double (`Infinity`) never agree.
 *
 * @param counts The counts, in count order.
 * @param present Which optional details objects are present (the flags of `_shape.ts`): a rule that needs one is skipped without it.
 * @param tolerance The relative tolerance.
 *
 * @returns The broken rules, in the order of `_RULES`; empty when consistent.
 */
export function _findBrokenRules(counts: ArrayLike<number>, present: number, tolerance: number): _BrokenRule[] {
  const found: _BrokenRule[] = [];
  for (const rule of _RULES) {
    if ((rule.needs & present) !== rule.needs) continue;
    const addends = rule.parts.map((part) => counts[part]!);
    const expected = addends.reduce((sum, addend) => sum + addend);
    const received = counts[rule.reported]!;
    const exact = addends.every(Number.isSafeInteger) && Number.isSafeInteger(received);
    // A bound compares two reported figures, exactly: a cached count a hair past
    // its input would price the fresh part below zero.
    const agrees = rule.atMost
      ? received <= expected
      : expected === received ||
        // A quotient, not `tolerance * max`: in the subnormal range that product
        // rounds up to the next double, as much as doubling the tolerance.
        (!exact && expected !== Infinity && Math.abs(expected - received) / Math.max(expected, received) <= tolerance);
    if (!agrees) found.push({ ...rule, addends, expected, received });
  }
  return found;
}

/**
 * What a broken rule's issue says was expected and received, in the paths of
 * the form the caller used: `inputTokens + outputTokens = 4212` and `4213`,
 * or for a cached rule `<= inputTokens = 169` and `200`. Two figures that
 * would read the same at 15 digits are written in full, so that a message
 * never says `0.3` against `0.3`.
 *
 * @param broken The broken rule.
 * @param paths The paths of the counts, in count order.
 *
 * @returns The two texts.
 */
export function _ruleTexts(broken: _BrokenRule, paths: readonly string[]): { expected: string; received: string } {
  const { parts, addends, expected, received, atMost } = broken;
  const [sum, figure] = _formatFigures(addends, expected, received);
  return { expected: `${atMost ? '<= ' : ''}${parts.map((part) => paths[part]!).join(' + ')} = ${sum}`, received: figure };
}

/**
 * Reads the tolerance option of the consistency check: a finite number
 * `>= 0`, `1e-9` when absent. A getter that throws throws.
 *
 * @param options The options.
 * @param who The helper asking, which the message of a bad tolerance starts with (`'checkImageUsage'`).
 *
 * @returns The tolerance.
 */
export function _tolerance(options: { readonly tolerance?: number | undefined } | undefined, who: string): number {
  const tolerance = options?.tolerance;
  return tolerance === undefined ? _DEFAULT_TOLERANCE : _checkNumber(`${who}: tolerance`, tolerance);
}
