import { describeValue } from './describeValue.ts';

/**
 * Checks a numeric argument that must be a finite number `>= 0` (a tolerance,
 * a ratio's part or whole, a price).
 *
 * @param name How the message names it (`'ratio: part'`, `'estimateCost: prices.inputText'`).
 * @param value The value.
 *
 * @returns The value.
 *
 * @throws {TypeError} When it is not a number.
 * @throws {RangeError} When it is negative, `NaN` or infinite.
 *
 * @internal
 */
export function checkArgument(name: string, value: unknown): number {
  if (typeof value !== 'number') {
    throw new TypeError(`${name}: expected a number, received ${describeValue(value)}`);
  }
  if (!(value >= 0) || value === Infinity) {
    throw new RangeError(`${name}: expected a finite number >= 0, received ${describeValue(value)}`);
  }
  return value;
}
