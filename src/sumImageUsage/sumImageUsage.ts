import { readCounts } from '../internal/readCounts.ts';
import { isImageUsage } from '../isImageUsage/isImageUsage.ts';
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
  const sums = new Float64Array(7);
  const compensations = new Float64Array(7);
  // The block sums: plain locals, so that the loop runs at the speed of a plain loop.
  let total = 0;
  let input = 0;
  let output = 0;
  let inputText = 0;
  let inputImage = 0;
  let outputText = 0;
  let outputImage = 0;
  let index = 0;
  let withOutputDetails = true;
  for (const usage of usages) {
    // readCounts throws the TypeError that names the index and the field.
    if (!isImageUsage(usage)) readCounts(usage, new Float64Array(7), 'sumImageUsage: element', index);
    const { inputTokensDetails: inputDetails, outputTokensDetails: outputDetails } = usage;
    total += usage.totalTokens;
    input += usage.inputTokens;
    output += usage.outputTokens;
    inputText += inputDetails.textTokens;
    inputImage += inputDetails.imageTokens;
    if (outputDetails === undefined) withOutputDetails = false;
    else if (withOutputDetails) {
      outputText += outputDetails.textTokens;
      outputImage += outputDetails.imageTokens;
    }
    if (++index % BLOCK === 0) {
      join(sums, compensations, [total, input, output, inputText, inputImage, outputText, outputImage]);
      total = input = output = inputText = inputImage = outputText = outputImage = 0;
    }
  }
  join(sums, compensations, [total, input, output, inputText, inputImage, outputText, outputImage]);
  const sum = (slot: number): number => {
    const value = sums[slot]! + compensations[slot]!;
    if (!(value <= Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(`sumImageUsage: a total passes Number.MAX_SAFE_INTEGER (${Number.MAX_SAFE_INTEGER})`);
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
 * Adds block sums to the totals with Neumaier's compensation.
 *
 * @internal
 */
function join(sums: Float64Array, compensations: Float64Array, blocks: readonly number[]): void {
  for (let slot = 0; slot < 7; slot++) {
    const sum = sums[slot]!;
    const value = blocks[slot]!;
    const next = sum + value;
    compensations[slot]! += sum >= value ? sum - next + value : value - next + sum;
    sums[slot] = next;
  }
}
