import { COUNT_PATHS, readCounts } from '../internal/readCounts.ts';
import { isStrictCount } from '../isImageUsage/isCount.ts';
import type { ImageUsage } from '../types/index.ts';

/**
 * Adds up usage objects field by field, for metering and billing. Integer
 * counts add exactly, on a fast path while every count is a safe integer; from
 * the first fraction on, every addition is compensated (Neumaier), so a
 * million usages of 0.1 add to 100000 within 1e-9 and the order of the
 * elements changes a sum by far less than 1e-12 of it. `outputTokensDetails`
 * is in the sum only when every element has it. An empty iterable gives all
 * zeros, `outputTokensDetails` included, so that an empty shard is neutral:
 * the sum of partial sums equals the sum of all (exactly for integers, within
 * 1e-12 of it for fractions). The iterable is read once, as a stream
 * (generators welcome), and never copied; an element that is not all safe
 * integers is read a second time, by the checked reader, whose values are the
 * ones added.
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
  // While every count is a safe integer, the running sums are exact as they
  // are: they live in locals, and each element is read once, inline.
  let total = 0;
  let input = 0;
  let output = 0;
  let inputText = 0;
  let inputImage = 0;
  let outputText = 0;
  let outputImage = 0;
  let withOutputDetails = true;
  let index = 0;
  // From the first element that is not all safe integers on (one with a
  // fraction, or a malformed one that readCounts then names): slots 0-6 hold
  // the running sums in the order of COUNT_PATHS, 7-13 their compensations.
  let state: Float64Array | undefined;
  const counts = new Float64Array(7);
  for (const usage of usages) {
    if (state === undefined) {
      try {
        const { totalTokens, inputTokens, outputTokens, inputTokensDetails, outputTokensDetails } = usage;
        const { textTokens, imageTokens } = inputTokensDetails;
        // Absent output details add zeros here (and are left out of the result).
        const outputTextTokens = outputTokensDetails === undefined ? 0 : outputTokensDetails.textTokens;
        const outputImageTokens = outputTokensDetails === undefined ? 0 : outputTokensDetails.imageTokens;
        // Objects, not functions, as readCounts requires (null has thrown above).
        if (
          typeof usage === 'object' &&
          typeof inputTokensDetails === 'object' &&
          (outputTokensDetails === undefined || typeof outputTokensDetails === 'object') &&
          isStrictCount(totalTokens) &&
          isStrictCount(inputTokens) &&
          isStrictCount(outputTokens) &&
          isStrictCount(textTokens) &&
          isStrictCount(imageTokens) &&
          isStrictCount(outputTextTokens) &&
          isStrictCount(outputImageTokens)
        ) {
          if (outputTokensDetails === undefined) withOutputDetails = false;
          total += totalTokens;
          input += inputTokens;
          output += outputTokens;
          inputText += textTokens;
          inputImage += imageTokens;
          outputText += outputTextTokens;
          outputImage += outputImageTokens;
          index++;
          continue;
        }
      } catch {
        // A getter or proxy trap threw: readCounts reads the element again, and says so if it still does.
      }
      state = Float64Array.of(total, input, output, inputText, inputImage, outputText, outputImage, 0, 0, 0, 0, 0, 0, 0);
    }
    // readCounts reads the element (again, if the integer path read it) and
    // checks each field as it reads it; a bad one is a TypeError naming the
    // index and the field, and only what it checked is added.
    if (!readCounts(usage, counts, 'sumImageUsage: element', index++)) withOutputDetails = false;
    for (let slot = 0; slot < 7; slot++) add(state, slot, counts[slot]!);
  }
  // All safe integers: the sums as they are, with nothing to compensate.
  const sums = state ?? Float64Array.of(total, input, output, inputText, inputImage, outputText, outputImage, 0, 0, 0, 0, 0, 0, 0);
  const sum = (slot: number): number => {
    // Exact while all counts were safe integers: a sum past 2^53 only grows, so the check below sees it.
    const value = sums[slot]! + sums[slot + 7]!;
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
