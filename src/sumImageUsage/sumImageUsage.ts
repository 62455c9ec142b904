import { _CACHED, _CACHED_DETAILS, _COUNTS, _countPaths, _OUTPUT_DETAILS, _SDK } from '../_shape.ts';
import { _findBrokenRules, _ruleTexts } from '../_internal/_brokenRules.ts';
import { _addExactly, type _ExactSum, _exceeds, _valueOf } from '../_internal/_exactSum.ts';
import { _isStrictCount } from '../_internal/_isCount.ts';
import { _checkFields, _unreadable } from '../_internal/_readUsage.ts';
import type { ImageUsage } from '../types/index.ts';

const WHAT = 'sumImageUsage: element';

/**
 * Adds up usage objects field by field, for metering and billing, so that
 * the sum prices like its parts: `estimateCost(sumImageUsage(usages), prices)`
 * is the exact sum of the elements' costs, whatever the mix. Each element is
 * read once. Integer counts add exactly, on a fast path while every count is
 * a safe integer; from the first element that is not, the sums are kept
 * exactly (Shewchuk's expansions) and each comes out within a unit in the
 * last place of the exact sum, so a million usages of 0.1 add to 100000
 * within 1e-9 and the order of the elements changes a sum by far less than
 * 1e-12 of it. A total whose exact value passes `Number.MAX_SAFE_INTEGER` is
 * a `RangeError`, even when the part past it is a fraction that rounding
 * would hide.
 *
 * What pricing needs is kept. `outputTokensDetails` is in the sum when any
 * element has it, and the output of an element without it counts as image
 * output there, as `estimateCost` prices it. `cachedTokens` is in the sum when
 * any element has cached tokens, and `cachedTokensDetails` too while the
 * split of each element's cached tokens is known: from its details, or from
 * an input that is all text or all image (as `estimateCost` splits it). An
 * empty iterable gives zeros and none of the optional keys, so that an empty
 * shard is neutral: the sum of partial sums equals the sum of all (exactly
 * for integers, within 1e-12 of it for fractions). The iterable is read once,
 * as a stream (generators welcome), and never copied; what its iterator
 * throws propagates as it is.
 *
 * @param usages The usage objects, in the SDK form.
 *
 * @returns A fresh usage object holding the sums.
 *
 * @throws {TypeError} When an element is not a valid `ImageUsage` (naming its
 * index and the field), is in the wire form, or could not be read.
 * @throws {RangeError} When a total passes `Number.MAX_SAFE_INTEGER`, or an
 * element has more cached tokens than input tokens (of a kind): its cost is
 * refused, and in a sum the excess would come off the other elements' bill.
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
  // are, and live in locals: in count order.
  let total = 0;
  let input = 0;
  let output = 0;
  let inputText = 0;
  let inputImage = 0;
  let outputText = 0;
  let outputImage = 0;
  let cached = 0;
  let cachedText = 0;
  let cachedImage = 0;
  // From the first element that is not all safe integers on: the exact sums, in count order.
  let exact: _ExactSum[] | undefined;
  // Which optional parts some element has, and whether a cached split was unknown.
  let present = 0;
  let splitUnknown = false;
  let index = 0;
  const counts = new Float64Array(_COUNTS);
  for (const element of usages) {
    // The fields, each read once, in the order of _readFields (written out for speed).
    const usage: unknown = element;
    let t, i, o, id, it, ii, od, ot, oi, c, cd, ct, ci;
    try {
      if (typeof usage === 'object' && usage !== null) {
        ({ totalTokens: t, inputTokens: i, outputTokens: o } = usage as Record<string, unknown>);
        id = (usage as Record<string, unknown>).inputTokensDetails;
        if (typeof id === 'object' && id !== null) ({ textTokens: it, imageTokens: ii } = id as Record<string, unknown>);
        od = (usage as Record<string, unknown>).outputTokensDetails;
        if (typeof od === 'object' && od !== null) ({ textTokens: ot, imageTokens: oi } = od as Record<string, unknown>);
        c = (usage as Record<string, unknown>).cachedTokens;
        cd = (usage as Record<string, unknown>).cachedTokensDetails;
        if (typeof cd === 'object' && cd !== null) ({ cachedTextTokens: ct, cachedImageTokens: ci } = cd as Record<string, unknown>);
      }
    } catch (cause) {
      throw _unreadable(WHAT, index, cause);
    }
    if (
      exact === undefined &&
      _isStrictCount(t) &&
      _isStrictCount(i) &&
      _isStrictCount(o) &&
      _isStrictCount(it) &&
      _isStrictCount(ii) &&
      (od === undefined || (_isStrictCount(ot) && _isStrictCount(oi))) &&
      (c === undefined || _isStrictCount(c)) &&
      (cd === undefined || (_isStrictCount(ct) && _isStrictCount(ci)))
    ) {
      if ((c !== undefined && c > i) || (cd !== undefined && ((ct as number) > it || (ci as number) > ii))) {
        throw overCached([usage, t, i, o, id, it, ii, od, ot, oi, c, cd, ct, ci], counts, index);
      }
      total += t;
      input += i;
      output += o;
      inputText += it;
      inputImage += ii;
      // Output without details is image output, as estimateCost prices it.
      if (od === undefined) outputImage += o;
      else {
        present |= _OUTPUT_DETAILS;
        outputText += ot as number;
        outputImage += oi as number;
      }
      if (c !== undefined) {
        present |= _CACHED;
        cached += c;
      }
      if (cd !== undefined) {
        present |= _CACHED_DETAILS;
        cachedText += ct as number;
        cachedImage += ci as number;
      } else if (c !== undefined && c > 0) {
        // Cached tokens without details are of the one kind the input has, as estimateCost splits them.
        if (ii === 0) cachedText += Math.min(c, it);
        else if (it === 0) cachedImage += Math.min(c, ii);
        else splitUnknown = true;
      }
    } else {
      // A fraction, or a bad element that _checkFields names: check what was read, then add exactly.
      const has = _checkFields([usage, t, i, o, id, it, ii, od, ot, oi, c, cd, ct, ci], counts, WHAT, index);
      if (counts[7]! > counts[1]! || counts[8]! > counts[3]! || counts[9]! > counts[4]!) {
        throw overCached([usage, t, i, o, id, it, ii, od, ot, oi, c, cd, ct, ci], counts, index);
      }
      present |= has;
      if (!(has & _OUTPUT_DETAILS)) counts[6] = counts[2]!;
      if (!(has & _CACHED_DETAILS) && counts[7]! > 0) {
        if (counts[4] === 0) counts[8] = Math.min(counts[7]!, counts[3]!);
        else if (counts[3] === 0) counts[9] = Math.min(counts[7]!, counts[4]!);
        else splitUnknown = true;
      }
      exact ??= [total, input, output, inputText, inputImage, outputText, outputImage, cached, cachedText, cachedImage].map((sum) => [sum]);
      for (let slot = 0; slot < _COUNTS; slot++) _addExactly(exact[slot]!, counts[slot]!);
    }
    index++;
  }
  const integers = [total, input, output, inputText, inputImage, outputText, outputImage, cached, cachedText, cachedImage];
  const sum = (slot: number): number => {
    // Safe integers add exactly until a sum passes 2^53, and from there it
    // only grows; an exact sum is compared with the limit exactly, so that a
    // fraction past it counts though a number would round it away.
    const value = exact === undefined ? integers[slot]! : _valueOf(exact[slot]!);
    if (exact === undefined ? !(value <= Number.MAX_SAFE_INTEGER) : !Number.isFinite(value) || _exceeds(exact[slot]!, Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(`sumImageUsage: ${PATHS[slot]!} passes Number.MAX_SAFE_INTEGER (${Number.MAX_SAFE_INTEGER})`);
    }
    // Within a unit in the last place of a sum that does not pass the limit, and so not past it either.
    return Math.min(value, Number.MAX_SAFE_INTEGER);
  };
  const result: ImageUsage = {
    totalTokens: sum(0),
    inputTokens: sum(1),
    outputTokens: sum(2),
    inputTokensDetails: { textTokens: sum(3), imageTokens: sum(4) },
  };
  if (present & _OUTPUT_DETAILS) result.outputTokensDetails = { textTokens: sum(5), imageTokens: sum(6) };
  if (present & (_CACHED | _CACHED_DETAILS)) {
    result.cachedTokens = sum(7);
    if (!splitUnknown) result.cachedTokensDetails = { cachedTextTokens: sum(8), cachedImageTokens: sum(9) };
  }
  return result;
}

const PATHS = /* @__PURE__ */ _countPaths(_SDK);

/**
 * The error for an element with more cached tokens than input tokens (of a
 * kind): a sum would hide it, where its own cost is refused.
 *
 * @param fields The element's fields, as read.
 * @param counts Where its counts go.
 * @param index Its index.
 *
 * @returns The error, naming the element and the rule.
 */
function overCached(fields: readonly unknown[], counts: Float64Array, index: number): RangeError {
  const present = _checkFields(fields, counts, WHAT, index);
  const broken = _findBrokenRules(counts, present, 0).find((rule) => rule.atMost)!;
  const { expected, received } = _ruleTexts(broken, PATHS);
  return new RangeError(`${WHAT} ${index} has more cached tokens than input tokens, which a sum would hide: ${PATHS[broken.reported]!}: expected ${expected}, received ${received}`);
}
