import { checkArgument } from '../internal/checkArgument.ts';
import { formatNumber } from '../internal/formatNumber.ts';
import { COUNT_PATHS } from '../internal/readCounts.ts';
import type { ImageUsage } from '../types/index.ts';

/**
 * The consistency rule a usage object breaks: `'total'` (total = input +
 * output), `'input'` (input = text + image) or `'output'` (output = text +
 * image, only when `outputTokensDetails` is present).
 *
 * @example
 * ```ts
 * import { checkImageUsage, type ConsistencyRule } from 'image-usage';
 *
 * const rules: ConsistencyRule[] = checkImageUsage(usage).map((found) => found.rule);
 * ```
 */
export type ConsistencyRule = 'total' | 'input' | 'output';

/**
 * One broken consistency rule.
 *
 * @example
 * ```ts
 * const inconsistency: Inconsistency = {
 *   rule: 'total',
 *   expected: 5301.59,
 *   received: 5343.23,
 *   message: 'totalTokens: expected inputTokens + outputTokens = 5301.59, received 5343.23',
 * };
 * ```
 */
export interface Inconsistency {
  /** The rule that is broken. */
  readonly rule: ConsistencyRule;
  /** The sum of the parts. */
  readonly expected: number;
  /** The figure the usage object reports. */
  readonly received: number;
  /** What is wrong, as `path: expected ..., received ...`. */
  readonly message: string;
}

/** The default relative tolerance for counts with fractions. @internal */
export const DEFAULT_TOLERANCE = 1e-9;

/**
 * The rules, written once: each names the slots (see `COUNT_PATHS`) of the
 * reported figure and of its two parts. The output rule applies only when the
 * output details are present. `checkImageUsage`, the `consistentImageUsage`
 * action and the strict schemas all apply them through {@link findBrokenRules}.
 */
const RULES: readonly (readonly [ConsistencyRule, number, number, number])[] = [
  ['total', 0, 1, 2],
  ['input', 1, 3, 4],
  ['output', 2, 5, 6],
];

/**
 * One broken rule, with the names of the fields involved.
 *
 * @internal
 */
export interface BrokenRule {
  /** The rule. */
  readonly rule: ConsistencyRule;
  /** The path of the reported figure (`totalTokens`, `total_tokens`). */
  readonly path: string;
  /** The parts and their sum (`inputTokens + outputTokens = 5301.59`). */
  readonly parts: string;
  /** The sum of the parts. */
  readonly expected: number;
  /** The reported figure. */
  readonly received: number;
}

/**
 * Checks a tolerance option: a finite number `>= 0`.
 *
 * @param tolerance The tolerance, or `undefined` for the default.
 *
 * @returns The tolerance to use.
 *
 * @internal
 */
export function resolveTolerance(tolerance: number | undefined): number {
  return tolerance === undefined ? DEFAULT_TOLERANCE : checkArgument('tolerance', tolerance);
}

/**
 * The counts of a valid usage object in the order of `COUNT_PATHS`, without
 * checking them (use `readCounts` for input that may be malformed).
 *
 * @internal
 */
export function countsOf(usage: ImageUsage): number[] {
  const { inputTokensDetails: inputDetails, outputTokensDetails: outputDetails } = usage;
  return [
    usage.totalTokens,
    usage.inputTokens,
    usage.outputTokens,
    inputDetails.textTokens,
    inputDetails.imageTokens,
    outputDetails?.textTokens ?? 0,
    outputDetails?.imageTokens ?? 0,
  ];
}

/**
 * The exact sum of two integer parts whose sum as a number may have rounded
 * (it is past 2^53 but finite); `undefined` when the number sum is exact or
 * the parts are not both integers.
 *
 * @internal
 */
function exactIntegerSum(first: number, second: number, sum: number): bigint | undefined {
  return Number.isInteger(first) && Number.isInteger(second) && !Number.isSafeInteger(sum) && sum !== Infinity
    ? BigInt(first) + BigInt(second)
    : undefined;
}

/**
 * Whether a reported figure agrees with the sum of its two parts: exactly
 * when all three are integers (past 2^53 with the exact sum), within the
 * relative tolerance otherwise. Parts that add up past the largest double
 * never match a finite figure.
 *
 * @internal
 */
function agrees(first: number, second: number, expected: number, received: number, tolerance: number): boolean {
  if (Number.isInteger(first) && Number.isInteger(second) && Number.isInteger(received)) {
    const exact = exactIntegerSum(first, second, expected);
    return exact === undefined ? expected === received : exact === BigInt(received);
  }
  if (expected === received) return true;
  return expected !== Infinity && Math.abs(expected - received) <= tolerance * Math.max(expected, received);
}

/**
 * One broken rule as a message: `path: expected parts = sum, received figure`.
 *
 * @internal
 */
export function describeBrokenRule(broken: BrokenRule): string {
  return `${broken.path}: expected ${broken.parts}, received ${formatNumber(broken.received)}`;
}

/**
 * Applies the consistency rules to the counts of a valid usage object: equal
 * exactly when both sides are integers, within a relative tolerance otherwise.
 *
 * @param counts The counts, as `readCounts` stores them.
 * @param hasOutputDetails Whether the output details are present.
 * @param tolerance The relative tolerance for fractions.
 * @param paths The paths of the counts, in the form the caller used.
 *
 * @returns The broken rules, empty when consistent.
 *
 * @internal
 */
export function findBrokenRules(
  counts: ArrayLike<number>,
  hasOutputDetails: boolean,
  tolerance: number,
  paths: readonly string[] = COUNT_PATHS,
): BrokenRule[] {
  const found: BrokenRule[] = [];
  for (const [rule, reported, first, second] of RULES) {
    if (rule === 'output' && !hasOutputDetails) continue;
    const a = counts[first]!;
    const b = counts[second]!;
    const expected = a + b;
    const received = counts[reported]!;
    if (!agrees(a, b, expected, received, tolerance)) {
      // Past 2^53 the sum of two integers may round: the message shows the exact one.
      const exact = exactIntegerSum(a, b, expected);
      const parts = `${paths[first]} + ${paths[second]} = ${exact === undefined ? formatNumber(expected) : String(exact)}`;
      found.push({ rule, path: paths[reported]!, parts, expected, received });
    }
  }
  return found;
}
