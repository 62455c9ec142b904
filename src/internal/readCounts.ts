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

/**
 * Checks an SDK-form usage object and stores its counts in `counts`, in the
 * order of {@link COUNT_PATHS}, reading each field exactly once (a getter
 * cannot answer one thing to the check and another to the sum). The helpers
 * that take an `ImageUsage` read through it, so that bad input gets a
 * `TypeError` naming the field, and never a `NaN` comes out.
 *
 * @param usage The usage object.
 * @param counts Where the counts go (7 slots; the last two zeros without output details).
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

/** The key of each count in its object, in the order of {@link COUNT_PATHS}. @internal */
const KEYS = COUNT_PATHS.map((path) => path.slice(path.indexOf('.') + 1));

/**
 * Stores the counts, or says what is wrong (`path: expected ..., received ...`)
 * at the first bad field, in the order of {@link COUNT_PATHS}. Every field is
 * read once, checked, and stored.
 *
 * @returns Whether there are output details, or the problem.
 *
 * @internal
 */
function readInto(usage: unknown, counts: Float64Array): boolean | string {
  let object: unknown = usage;
  let path = '(value)';
  for (let slot = 0; slot < 7; slot++) {
    // Slot 0 starts the usage object; slots 3 and 5 the input and the output details.
    if (slot === 0 || slot === 3 || slot === 5) {
      if (slot > 0) {
        path = slot === 3 ? 'inputTokensDetails' : 'outputTokensDetails';
        object = (usage as Record<string, unknown>)[path];
        if (slot === 5 && object === undefined) {
          counts[5] = counts[6] = 0;
          return false;
        }
      }
      if (typeof object !== 'object' || object === null) return problem(path, 'an object', object);
    }
    const value = (object as Record<string, unknown>)[KEYS[slot]!];
    if (!isCount(value)) return problem(COUNT_PATHS[slot]!, 'a finite number >= 0', value);
    counts[slot] = value;
  }
  return true;
}

/** One problem, as `path: expected ..., received ...`. @internal */
function problem(path: string, expected: string, received: unknown): string {
  return `${path}: expected ${expected}, received ${describeValue(received)}`;
}
