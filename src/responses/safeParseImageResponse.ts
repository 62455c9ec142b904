import { _GLOBAL_CONFIG } from '../_internal/_globalConfig.ts';
import type { ImageUsageIssues } from '../parse/ImageUsageError.ts';
import type { ImageResponse, ParseImageResponseOptions } from './ImageResponse.ts';
import { _readResponse, _settings } from './_readResponse.ts';
import { _readAnyResponse } from './imageResponseSchema.ts';

/**
 * The result of {@link safeParseImageResponse}: what the response holds, or
 * the issues.
 *
 * @example
 * ```ts
 * import { safeParseImageResponse } from 'image-usage';
 *
 * const result = safeParseImageResponse(body);
 * if (result.success) console.log(result.output.model, result.output.images);
 * ```
 */
export type SafeParseImageResponseResult =
  | {
      /** The input is a response of a shape the package reads, and its usage is valid. */
      readonly success: true;
      /** What it holds: a fresh object. */
      readonly output: ImageResponse;
    }
  | {
      /** The input is not. */
      readonly success: false;
      /** What is wrong, at least one issue, each with its path from the response. */
      readonly issues: ImageUsageIssues;
    };

/**
 * Reads a whole response of an image API, of any shape the package knows
 * (told apart by its keys), and never throws: the run of
 * `imageResponseSchema(options)`. On success the output says which shape it
 * was, the model (the body's, else `options.model`), the usage as an
 * `ImageUsage` (cached tokens included; `undefined` when the body reports
 * none, never zeros), the number of images and the provider's reported cost.
 * On failure each issue has its path from the response
 * (`usage.input_tokens_details.image_tokens`) and a message reading
 * `expected what, received what`; a body of no known shape gets one issue
 * saying which keys were looked for, and a value whose getters or proxy
 * traps throw one saying it could not be read.
 *
 * @param input The response: a parsed JSON body, an event, a log line's object.
 * @param options The model of the request, how to read OpenRouter's prompt tokens, and `strict`.
 *
 * @returns `{ success: true, output }` or `{ success: false, issues }`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { safeParseImageResponse } from 'image-usage';
 *
 * const result = safeParseImageResponse(JSON.parse(line), { model: 'gpt-image-1.5' });
 * if (!result.success) console.warn(v.summarize(result.issues));
 * else if (result.output.usage === undefined) console.warn(`${result.output.shape}: no usage reported`);
 * ```
 */
export function safeParseImageResponse(input: unknown, options?: ParseImageResponseOptions): SafeParseImageResponseResult {
  const { value, issues } = _readResponse(input, _settings(options), _readAnyResponse, _GLOBAL_CONFIG);
  return issues ? { success: false, issues: issues } : { success: true, output: value };
}
