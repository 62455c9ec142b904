import { describeValue } from '../internal/describeValue.ts';
import type { ImageUsage } from '../types/index.ts';
import { findInvalidField } from './isImageUsage.ts';

/**
 * Throws a `TypeError` naming the first bad field when a value is not an
 * SDK-form {@link ImageUsage}, or saying that it could not be read when a
 * getter or proxy trap throws. The helpers that take an `ImageUsage` call it,
 * so that no `NaN` ever comes out of them.
 *
 * @param input The value to check.
 * @param what Who is asking, and about which value (`'sumImageUsage: element 3'`).
 *
 * @internal
 */
export function assertImageUsage(input: unknown, what: string): asserts input is ImageUsage {
  let problem: string;
  try {
    const field = findInvalidField(input);
    if (field === undefined) return;
    let received: unknown = input;
    for (const key of field ? field.split('.') : []) received = (received as Record<string, unknown>)[key];
    const expected = field === '' || !field.endsWith('Tokens') ? 'an object' : 'a finite number >= 0';
    // Described inside the try: even describing a revoked proxy throws.
    problem = `${field || '(value)'}: expected ${expected}, received ${describeValue(received)}`;
  } catch (error) {
    throw new TypeError(`${what} could not be read: a getter or proxy trap threw`, { cause: error });
  }
  throw new TypeError(`${what} is not an ImageUsage: ${problem}`);
}
