import { formatNumber } from '../internal/formatNumber.ts';
import type { ImageUsage } from '../types/index.ts';

/**
 * The consistency rule a usage object breaks: `'total'` (total = input +
 * output), `'input'` (input = text + image) or `'output'` (output = text +
 * image, only when `outputTokensDetails` is present).
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

/** The default relative tolerance for counts with fractions. */
export const DEFAULT_TOLERANCE = 1e-9;

/**
 * The field names a message uses, in the form the caller used.
 *
 * @internal
 */
export interface FieldNames {
  readonly total: string;
  readonly input: string;
  readonly output: string;
  readonly inputText: string;
  readonly inputImage: string;
  readonly outputText: string;
  readonly outputImage: string;
}

/** @internal */
export const SDK_NAMES: FieldNames = {
  total: 'totalTokens',
  input: 'inputTokens',
  output: 'outputTokens',
  inputText: 'inputTokensDetails.textTokens',
  inputImage: 'inputTokensDetails.imageTokens',
  outputText: 'outputTokensDetails.textTokens',
  outputImage: 'outputTokensDetails.imageTokens',
};

/** @internal */
export const WIRE_NAMES: FieldNames = {
  total: 'total_tokens',
  input: 'input_tokens',
  output: 'output_tokens',
  inputText: 'input_tokens_details.text_tokens',
  inputImage: 'input_tokens_details.image_tokens',
  outputText: 'output_tokens_details.text_tokens',
  outputImage: 'output_tokens_details.image_tokens',
};

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
  if (tolerance === undefined) return DEFAULT_TOLERANCE;
  if (typeof tolerance !== 'number' || !(tolerance >= 0) || tolerance === Infinity) {
    throw new RangeError(`tolerance: expected a finite number >= 0, received ${String(tolerance)}`);
  }
  return tolerance;
}

/**
 * Whether a reported figure agrees with the sum of its parts: exactly when
 * both are integers, within a relative tolerance otherwise.
 *
 * @internal
 */
function agrees(expected: number, received: number, tolerance: number): boolean {
  if (expected === received) return true;
  // Parts that add up past the largest double never match a finite figure.
  if (expected === Infinity) return false;
  if (Number.isInteger(expected) && Number.isInteger(received)) return false;
  return Math.abs(expected - received) <= tolerance * Math.max(Math.abs(expected), Math.abs(received));
}

/**
 * One broken rule, with the names of the fields involved.
 *
 * @internal
 */
export interface BrokenRule {
  /** The rule. */
  readonly rule: ConsistencyRule;
  /** The name of the reported field (`totalTokens`). */
  readonly field: string;
  /** The names of the parts (`inputTokens + outputTokens`). */
  readonly parts: string;
  /** The sum of the parts. */
  readonly expected: number;
  /** The reported figure. */
  readonly received: number;
}

/**
 * Applies the consistency rules to a valid usage object. The one place the
 * rules are written: `checkImageUsage`, the `consistentImageUsage` action and
 * the strict schemas all call it.
 *
 * @param usage A valid usage object.
 * @param tolerance The relative tolerance for fractions.
 * @param names The field names for the report.
 *
 * @returns The broken rules, empty when consistent.
 *
 * @internal
 */
export function findBrokenRules(usage: ImageUsage, tolerance: number, names: FieldNames): BrokenRule[] {
  const found: BrokenRule[] = [];
  const check = (rule: ConsistencyRule, field: string, parts: string, expected: number, received: number): void => {
    if (!agrees(expected, received, tolerance)) found.push({ rule, field, parts, expected, received });
  };
  const { inputTokensDetails: inputDetails, outputTokensDetails: outputDetails } = usage;
  check('total', names.total, `${names.input} + ${names.output}`, usage.inputTokens + usage.outputTokens, usage.totalTokens);
  check(
    'input',
    names.input,
    `${names.inputText} + ${names.inputImage}`,
    inputDetails.textTokens + inputDetails.imageTokens,
    usage.inputTokens,
  );
  if (outputDetails !== undefined) {
    check(
      'output',
      names.output,
      `${names.outputText} + ${names.outputImage}`,
      outputDetails.textTokens + outputDetails.imageTokens,
      usage.outputTokens,
    );
  }
  return found;
}

/**
 * What a broken rule expected: the parts and their sum.
 *
 * @internal
 */
export function describeExpected(broken: BrokenRule): string {
  return `${broken.parts} = ${formatNumber(broken.expected)}`;
}
