import { COUNT_PATHS, readCounts } from '../internal/readCounts.ts';
import type { ImageUsage } from '../types/index.ts';

/**
 * Adds up usage objects field by field, for metering and billing. Integer
 * counts add exactly; fractions use compensated (Neumaier) summation, so a
 * million usages of 0.1 add to 100000 within 1e-9 and the order of the
 * elements changes a sum by far less than 1e-12 of it. `outputTokensDetails`
 * is in the sum only when every element has it. An empty iterable gives all
 * zeros, `outputTokensDetails` included, so that an empty shard is neutral:
 * the sum of partial sums equals the sum of all (exactly for integers, within
 * 1e-12 of it for fractions). The input is read once, as a
 * stream (generators welcome), and never copied.
 *
 * @param usages The usage objects, in the SDK form.
 *
 * @returns A fresh usage object holding the sums.
 *
 * @throws {TypeError} When an element is not a valid `ImageUsage`, naming its
 * index and the field.
 * @throws {RangeError} When a total would pass `Number.MAX_SAFE_INTEGER`.
 *
 * @example
 * ```ts
 * import { sumImageUsage } from 'image-usage';
 *
 * const total = sumImageUsage(responses.map((response) => response.usage));
 * console.log(total.totalTokens);
 * ```
 */
export function sumImageUsage(usages: Iterable<ImageUsage>): ImageUsage {
  // Slots 0-6: the running sums, in the order of COUNT_PATHS; 7-13: their compensations.
  const state = new Float64Array(14);
  const counts = new Float64Array(7);
  let index = 0;
  let withOutputDetails = true;
  for (const usage of usages) {
    // Each field is read once; a bad one is a TypeError naming the index and the field.
    if (!readCounts(usage, counts, 'sumImageUsage: element', index++)) withOutputDetails = false;
    add(state, 0, counts[0]!);
    add(state, 1, counts[1]!);
    add(state, 2, counts[2]!);
    add(state, 3, counts[3]!);
    add(state, 4, counts[4]!);
    if (withOutputDetails) {
      add(state, 5, counts[5]!);
      add(state, 6, counts[6]!);
    }
  }
  const sum = (slot: number): number => {
    const value = state[slot]! + state[slot + 7]!;
    if (!(value <= Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(
        `sumImageUsage: ${COUNT_PATHS[slot]} passes Number.MAX_SAFE_INTEGER (${Number.MAX_SAFE_INTEGER})`,
      );
    }
    return value;
  };
  const result: ImageUsage = {
    totalTokens: sum(0),
    inputTokens: sum(1),
    outputTokens: sum(2),
    inputTokensDetails: { textTokens: sum(3), imageTokens: sum(4) },
  };
  if (withOutputDetails) result.outputTokensDetails = { textTokens: sum(5), imageTokens: sum(6) };
  return result;
}

/**
 * Adds a count to a running sum with Neumaier's compensation. Counts are never
 * negative, so comparing the values stands for comparing their magnitudes.
 *
 * @internal
 */
function add(state: Float64Array, slot: number, value: number): void {
  const sum = state[slot]!;
  const next = sum + value;
  state[slot + 7]! += sum >= value ? sum - next + value : value - next + sum;
  state[slot] = next;
}
