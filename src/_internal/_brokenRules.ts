import { _RULES, type _Rule } from '../_shape.ts';
import type { ImageUsage } from '../types/index.ts';
import { _checkNumber } from './_checkNumber.ts';
import { _formatFigures } from './_formatNumber.ts';

/** The default relative tolerance for counts that are not safe integers. */
export const _DEFAULT_TOLERANCE = 1e-9;

/** One broken rule of a usage object. */
export interface _BrokenRule extends _Rule {
  /** The two parts. */
  readonly addends: readonly [number, number];
  /** The sum of the parts, as a `number` (the nearest one past 2^53); never equal to `received`. */
  readonly expected: number;
  /** The reported figure. */
  readonly received: number;
}

/**
 * The counts of a valid SDK-form usage object in count order (zeros for
 * absent output details), without checking them: for plain data such as a
 * schema's own copy.
 *
 * @param usage A valid usage object.
 *
 * @returns Its seven counts.
 */
export function _countsOf(usage: ImageUsage): number[] {
  const { inputTokensDetails: input, outputTokensDetails: output } = usage;
  return [
    usage.totalTokens,
    usage.inputTokens,
    usage.outputTokens,
    input.textTokens,
    input.imageTokens,
    output?.textTokens ?? 0,
    output?.imageTokens ?? 0,
  ];
}

/**
 * Applies the consistency rules of `_shape.ts` to the counts of a valid usage
 * object. The sum of the parts is a `number`: when it and both parts and the
 * figure are safe integers, the sum is exact and must equal the figure
 * exactly; otherwise (fractions, or counts past 2^53, which a `number` holds
 * only to the nearest double) they agree within the relative tolerance:
 * `|sum - figure| / max(sum, figure) <= tolerance`, subnormals included. Parts
 * that add up past the largest double (`Infinity`) never agree.
 *
 * @param counts The counts, in count order.
 * @param hasOutputDetails Whether the output details are present (the output rule needs them).
 * @param tolerance The relative tolerance.
 *
 * @returns The broken rules, in the order of `_RULES`; empty when consistent.
 */
export function _findBrokenRules(counts: ArrayLike<number>, hasOutputDetails: boolean, tolerance: number): _BrokenRule[] {
  const found: _BrokenRule[] = [];
  for (const rule of _RULES) {
    if (rule.needsOutputDetails && !hasOutputDetails) continue;
    const [first, second] = rule.parts;
    const a = counts[first]!;
    const b = counts[second]!;
    const expected = a + b;
    const received = counts[rule.reported]!;
    const exact = Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(received);
    const agrees =
      expected === received ||
      // A quotient, not `tolerance * max`: in the subnormal range that product
      // rounds up to the next double, as much as doubling the tolerance.
      (!exact && expected !== Infinity && Math.abs(expected - received) / Math.max(expected, received) <= tolerance);
    if (!agrees) found.push({ ...rule, addends: [a, b], expected, received });
  }
  return found;
}

/**
 * What a broken rule's issue says was expected and received, in the paths of
 * the form the caller used: `inputTokens + outputTokens = 4212` and `4213`.
 * Two figures that would read the same at 15 digits are written in full, so
 * that a message never says `0.3` against `0.3`.
 *
 * @param broken The broken rule.
 * @param paths The paths of the counts, in count order.
 *
 * @returns The two texts.
 */
export function _ruleTexts(broken: _BrokenRule, paths: readonly string[]): { expected: string; received: string } {
  const { parts, addends, expected, received } = broken;
  const [sum, figure] = _formatFigures(addends, expected, received);
  return { expected: `${paths[parts[0]]!} + ${paths[parts[1]]!} = ${sum}`, received: figure };
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
