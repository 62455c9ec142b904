import { assertImageUsage } from '../isImageUsage/assertImageUsage.ts';
import { isImageUsage } from '../isImageUsage/isImageUsage.ts';
import type { ImageUsage } from '../types/index.ts';

/** The fields summed, in the order of the accumulators. */
const FIELDS = 7;

/**
 * Adds up usage objects field by field, for metering and billing. Integer
 * counts add exactly; fractions use compensated (Neumaier) summation, so a
 * million usages of 0.1 add to 100000 within 1e-9. `outputTokensDetails` is
 * in the sum only when every element has it. An empty iterable gives all
 * zeros, `outputTokensDetails` included, so that an empty shard is neutral:
 * the sum of partial sums equals the sum of all. The input is read once, as a
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
  const sums = new Float64Array(FIELDS);
  const compensations = new Float64Array(FIELDS);
  const add = (field: number, value: number): void => {
    const sum = sums[field]!;
    const next = sum + value;
    compensations[field]! += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sums[field] = next;
  };
  let index = 0;
  let allHaveOutputDetails = true;
  for (const usage of usages) {
    if (!isImageUsage(usage)) assertImageUsage(usage, `sumImageUsage: element ${index}`);
    add(0, usage.totalTokens);
    add(1, usage.inputTokens);
    add(2, usage.outputTokens);
    add(3, usage.inputTokensDetails.textTokens);
    add(4, usage.inputTokensDetails.imageTokens);
    const outputDetails = usage.outputTokensDetails;
    if (outputDetails === undefined) allHaveOutputDetails = false;
    else if (allHaveOutputDetails) {
      add(5, outputDetails.textTokens);
      add(6, outputDetails.imageTokens);
    }
    index++;
  }
  const total = (field: number): number => {
    const value = sums[field]! + compensations[field]!;
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
  if (allHaveOutputDetails) sum.outputTokensDetails = { textTokens: total(5), imageTokens: total(6) };
  return sum;
}
