import { isCount } from '../isImageUsage/isCount.ts';
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

/** A usage object as it is read: anything may be missing or wrong. */
type Unchecked = Record<string, Record<string, unknown> | undefined>;

/**
 * Checks an SDK-form usage object and stores its counts in `counts`, in the
 * order of {@link COUNT_PATHS}, reading each field exactly once (a getter
 * cannot answer one thing to the check and another to the sum). The helpers
 * that take an `ImageUsage` read through it, so that bad input gets a
 * `TypeError` naming the field, and never a `NaN` comes out.
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
  let result: boolean | string;
  try {
    result = readInto(usage, counts);
  } catch (cause) {
    throw new TypeError(`${who(what, index)} could not be read: a getter or proxy trap threw`, { cause });
  }
  if (typeof result === 'string') throw new TypeError(`${who(what, index)} is not an ImageUsage: ${result}`);
  return result;
}

/** The subject of a message: `'toWire: usage'`, `'sumImageUsage: element 3'`. @internal */
function who(what: string, index: number | undefined): string {
  return index === undefined ? what : `${what} ${index}`;
}

/**
 * Stores the counts, or says what is wrong (`path: expected ..., received ...`).
 * Every field is read once, into a local; the problem is told from the locals.
 *
 * @returns Whether there are output details, or the problem.
 *
 * @internal
 */
function readInto(usage: unknown, counts: Float64Array): boolean | string {
  if (typeof usage !== 'object' || usage === null) return problem('(value)', 'an object', usage);
  const { totalTokens, inputTokens, outputTokens, inputTokensDetails, outputTokensDetails } = usage as Unchecked;
  const inputIsObject = typeof inputTokensDetails === 'object' && inputTokensDetails !== null;
  const inputText = inputIsObject ? inputTokensDetails.textTokens : undefined;
  const inputImage = inputIsObject ? inputTokensDetails.imageTokens : undefined;
  if (isCount(totalTokens) && isCount(inputTokens) && isCount(outputTokens) && isCount(inputText) && isCount(inputImage)) {
    counts[0] = totalTokens;
    counts[1] = inputTokens;
    counts[2] = outputTokens;
    counts[3] = inputText;
    counts[4] = inputImage;
  } else {
    if (!isCount(totalTokens)) return countProblem(0, totalTokens);
    if (!isCount(inputTokens)) return countProblem(1, inputTokens);
    if (!isCount(outputTokens)) return countProblem(2, outputTokens);
    if (!inputIsObject) return problem('inputTokensDetails', 'an object', inputTokensDetails);
    return isCount(inputText) ? countProblem(4, inputImage) : countProblem(3, inputText);
  }
  if (outputTokensDetails === undefined) return false;
  if (typeof outputTokensDetails !== 'object' || outputTokensDetails === null) {
    return problem('outputTokensDetails', 'an object', outputTokensDetails);
  }
  const { textTokens: outputText, imageTokens: outputImage } = outputTokensDetails;
  if (!isCount(outputText)) return countProblem(5, outputText);
  if (!isCount(outputImage)) return countProblem(6, outputImage);
  counts[5] = outputText;
  counts[6] = outputImage;
  return true;
}

/** The problem with the count in one slot. @internal */
function countProblem(slot: number, value: unknown): string {
  return problem(COUNT_PATHS[slot]!, 'a finite number >= 0', value);
}

/** One problem, as `path: expected ..., received ...`. @internal */
function problem(path: string, expected: string, received: unknown): string {
  return `${path}: expected ${expected}, received ${describeValue(received)}`;
}
