import { _COUNT_CHECKS } from '../_shape.ts';
import { _describeValue } from './_describeValue.ts';

/**
 * Checks a numeric argument under the rule of a count, a finite number `>= 0`
 * (a tolerance, a ratio's part or whole, a price), with a count's messages.
 *
 * @param name How the message names it (`'ratio: part'`, `'estimateCost: prices.inputText'`).
 * @param value The value.
 *
 * @returns The value.
 *
 * @throws {TypeError} When it is not a number.
 * @throws {RangeError} When it is `NaN`, infinite or negative.
 */
export function _checkNumber(name: string, value: unknown): number {
  const failed = _COUNT_CHECKS.find((check) => !check.passes(value));
  if (failed === undefined) return value as number;
  const message = `${name}: expected ${failed.expected}, received ${_describeValue(value)}`;
  throw typeof value === 'number' ? new RangeError(message) : new TypeError(message);
}
