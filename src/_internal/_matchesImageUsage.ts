import type { ImageUsage } from '../types/index.ts';
import { _isCount, _isStrictCount } from './_isCount.ts';

/**
 * Whether a value is an SDK-form usage object under the default rules, its
 * fields read in order and only until one fails, allocating nothing. The keys
 * are written out for speed (test/shape.test.ts derives what it must accept
 * from `_shape.ts`). `isImageUsage` is this function made safe; the schemas'
 * fast paths run it on their own copies, which are plain data.
 *
 * @param input The value to check.
 *
 * @returns Whether it is a valid `ImageUsage`. It throws what a getter or
 * proxy trap throws.
 */
export function _matchesImageUsage(input: unknown): input is ImageUsage {
  if (typeof input !== 'object' || input === null) return false;
  const usage = input as Record<string, unknown>;
  if (!_isCount(usage.totalTokens) || !_isCount(usage.inputTokens) || !_isCount(usage.outputTokens)) return false;
  // The details checks are written out rather than shared: a shared one reads
  // keys that vary, which is slower (npm run bench -- --filter="guard,isImage").
  const inputDetails = usage.inputTokensDetails;
  if (typeof inputDetails !== 'object' || inputDetails === null) return false;
  const { textTokens, imageTokens } = inputDetails as Record<string, unknown>;
  if (!_isCount(textTokens) || !_isCount(imageTokens)) return false;
  const outputDetails = usage.outputTokensDetails;
  if (outputDetails !== undefined) {
    if (typeof outputDetails !== 'object' || outputDetails === null) return false;
    const { textTokens, imageTokens } = outputDetails as Record<string, unknown>;
    if (!_isCount(textTokens) || !_isCount(imageTokens)) return false;
  }
  const cachedTokens = usage.cachedTokens;
  if (cachedTokens !== undefined && !_isCount(cachedTokens)) return false;
  const cachedDetails = usage.cachedTokensDetails;
  if (cachedDetails === undefined) return true;
  if (typeof cachedDetails !== 'object' || cachedDetails === null) return false;
  const { cachedTextTokens, cachedImageTokens } = cachedDetails as Record<string, unknown>;
  return _isCount(cachedTextTokens) && _isCount(cachedImageTokens);
}

/**
 * Whether the counts of a usage object that `_matchesImageUsage` accepts are
 * all safe integers, as the strict rules want (the shape of the strict
 * schemas; their sums are checked apart).
 *
 * @param usage A valid usage object (plain data, such as a schema's copy).
 *
 * @returns Whether every count is a safe integer.
 */
export function _hasStrictCounts(usage: ImageUsage): boolean {
  const { inputTokensDetails: input, outputTokensDetails: output, cachedTokens, cachedTokensDetails: cached } = usage;
  return (
    _isStrictCount(usage.totalTokens) &&
    _isStrictCount(usage.inputTokens) &&
    _isStrictCount(usage.outputTokens) &&
    _isStrictCount(input.textTokens) &&
    _isStrictCount(input.imageTokens) &&
    (output === undefined || (_isStrictCount(output.textTokens) && _isStrictCount(output.imageTokens))) &&
    (cachedTokens === undefined || _isStrictCount(cachedTokens)) &&
    (cached === undefined || (_isStrictCount(cached.cachedTextTokens) && _isStrictCount(cached.cachedImageTokens)))
  );
}

/**
 * Whether every consistency rule of `_RULES` holds for a usage object of
 * safe integers, exactly (what `_findBrokenRules` decides for such counts,
 * written out: the strict schemas' fast path skips their consistency action
 * when it would find nothing).
 *
 * @param usage A valid usage object whose counts are safe integers.
 *
 * @returns Whether its sums hold.
 */
export function _addsUp(usage: ImageUsage): boolean {
  const { inputTokensDetails: input, outputTokensDetails: output, cachedTokens = 0, cachedTokensDetails: cached } = usage;
  return (
    usage.totalTokens === usage.inputTokens + usage.outputTokens &&
    usage.inputTokens === input.textTokens + input.imageTokens &&
    (output === undefined || usage.outputTokens === output.textTokens + output.imageTokens) &&
    cachedTokens <= usage.inputTokens &&
    (cached === undefined ||
      (cachedTokens === cached.cachedTextTokens + cached.cachedImageTokens &&
        cached.cachedTextTokens <= input.textTokens &&
        cached.cachedImageTokens <= input.imageTokens))
  );
}
