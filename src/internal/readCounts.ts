import { findInvalidField } from '../isImageUsage/isImageUsage.ts';
import type { ImageUsage } from '../types/index.ts';
import { describeValue } from './describeValue.ts';

/**
 * The seven counts of a usage object, by their SDK-form paths, in the order
 * {@link readCounts} stores them.
 *
 * @internal
 */
export const COUNT_PATHS: readonly string[] = [
  'totalTokens',
  'inputTokens',
  'outputTokens',
  'inputTokensDetails.textTokens',
  'inputTokensDetails.imageTokens',
  'outputTokensDetails.textTokens',
  'outputTokensDetails.imageTokens',
];

/**
 * Checks an SDK-form usage object and reads its counts into `counts`, in the
 * order of {@link COUNT_PATHS}, allocating nothing. The helpers that take an
 * `ImageUsage` read through it, so that bad input gets a `TypeError` naming
 * the field, never a `NaN`.
 *
 * @param usage The usage object.
 * @param counts Where the counts go (7 slots; the last two only with output details).
 * @param what Who is asking, for the message (`'sumImageUsage: element'`).
 * @param index The index of the element, for the message.
 *
 * @returns Whether the usage object has `outputTokensDetails`.
 *
 * @throws {TypeError} Naming the first bad field, what was expected and what
 * was received, or saying that the value could not be read.
 *
 * @internal
 */
export function readCounts(usage: unknown, counts: Float64Array, what: string, index?: number): boolean {
  let problem: string | undefined;
  try {
    const field = findInvalidField(usage);
    if (field !== undefined) {
      let received: unknown = usage;
      if (field) for (const key of field.split('.')) received = (received as Record<string, unknown>)[key];
      const expected = field.endsWith('Tokens') ? 'a finite number >= 0' : 'an object';
      // Described inside the try: describing a hostile value may throw too.
      problem = `${field || '(value)'}: expected ${expected}, received ${describeValue(received)}`;
    }
  } catch (cause) {
    throw new TypeError(`${index === undefined ? what : `${what} ${index}`} could not be read: a getter or proxy trap threw`, { cause });
  }
  if (problem !== undefined) {
    throw new TypeError(`${index === undefined ? what : `${what} ${index}`} is not an ImageUsage: ${problem}`);
  }
  const { inputTokensDetails: inputDetails, outputTokensDetails: outputDetails } = usage as ImageUsage;
  counts[0] = (usage as ImageUsage).totalTokens;
  counts[1] = (usage as ImageUsage).inputTokens;
  counts[2] = (usage as ImageUsage).outputTokens;
  counts[3] = inputDetails.textTokens;
  counts[4] = inputDetails.imageTokens;
  if (outputDetails === undefined) return false;
  counts[5] = outputDetails.textTokens;
  counts[6] = outputDetails.imageTokens;
  return true;
}
