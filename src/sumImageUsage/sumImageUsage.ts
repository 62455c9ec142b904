import { readCounts } from '../internal/readCounts.ts';
import type { ImageUsage } from '../types/index.ts';

/** How many elements are added plainly before their sums join the compensated totals. */
const BLOCK = 256;

/**
 * Adds up usage objects field by field, for metering and billing. Integer
 * counts add exactly. Fractions use compensated summation: blocks of 256
 * elements add plainly, and the block sums join the totals with Neumaier's
 * compensation, so a million usages of 0.1 add to 100000 within 1e-9.
 * `outputTokensDetails` is in the sum only when every element has it. An
 * empty iterable gives all zeros, `outputTokensDetails` included, so that an
 * empty shard is neutral: the sum of partial sums equals the sum of all. The
 * input is read once, as a stream (generators welcome), and never copied.
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
  const counts = new Float64Array(7);
  const block = new Float64Array(7);
  const sums = new Float64Array(7);
  const compensations = new Float64Array(7);
  const flush = (): void => {
    for (let slot = 0; slot < 7; slot++) {
      const sum = sums[slot]!;
      const value = block[slot]!;
      const next = sum + value;
      compensations[slot]! += sum >= value ? sum - next + value : value - next + sum;
      sums[slot] = next;
    }
    block.fill(0);
  };
  let index = 0;
  let withOutputDetails = true;
  for (const usage of usages) {
    if (!readCounts(usage, counts, 'sumImageUsage: element', index)) withOutputDetails = false;
    block[0]! += counts[0]!;
    block[1]! += counts[1]!;
    block[2]! += counts[2]!;
    block[3]! += counts[3]!;
    block[4]! += counts[4]!;
    if (withOutputDetails) {
      block[5]! += counts[5]!;
      block[6]! += counts[6]!;
    }
    if (++index % BLOCK === 0) flush();
  }
  flush();
  const total = (slot: number): number => {
    const value = sums[slot]! + compensations[slot]!;
    if (!(value <= Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(`sumImageUsage: a total passes Number.MAX_SAFE_INTEGER (${Number.MAX_SAFE_INTEGER})`);
    }
    return value;
  };
  const sum: ImageUsage = {
    totalTokens: total(0),
    inputTokens: total(1),
    outputTokens: total(2),
    inputTokensDetails: { textTokens: total(3), imageTokens: total(4) },
  };
  if (withOutputDetails) sum.outputTokensDetails = { textTokens: total(5), imageTokens: total(6) };
  return sum;
}
