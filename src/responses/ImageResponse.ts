import type * as v from 'valibot';
import type { ImageUsage } from '../types/index.ts';

/**
 * Which shape a whole response was read as, told apart by its keys (never by
 * an event's `type` string, which OpenAI, OpenRouter and others share):
 * `'openai-images'` (the Images API's body: `created`, `data`, `usage`),
 * `'openai-image-event'` (its streamed `image_generation.completed`,
 * `image_edit.completed` and `*.partial_image` events), `'openai-responses'`
 * (the Responses API's body, or a `response.completed` event around it),
 * `'gemini'` (a `generateContent` body of the Gemini API or Vertex AI, or one
 * streamed chunk), `'openrouter'` (a chat completion or `/api/v1/images`
 * body of OpenRouter, with its chat-style usage) and `'usage'` (a bare usage
 * object, what `parseImageUsage` takes).
 *
 * @example
 * ```ts
 * import type { ImageResponseShape } from 'image-usage';
 *
 * const shape: ImageResponseShape = 'openai-responses';
 * ```
 */
export type ImageResponseShape = 'openai-images' | 'openai-image-event' | 'openai-responses' | 'gemini' | 'openrouter' | 'usage';

/**
 * What one whole response holds, for billing: its shape, the model, the
 * image usage, the number of images and the provider's own reported cost.
 *
 * @example
 * ```ts
 * import { parseImageResponse, type ImageResponse } from 'image-usage';
 *
 * const read: ImageResponse = parseImageResponse(body, { model: 'gpt-image-1.5' });
 * if (read.usage === undefined) console.warn(`${read.shape}: no usage reported`);
 * ```
 */
export interface ImageResponse {
  /** Which shape the response was read as. */
  readonly shape: ImageResponseShape;
  /**
   * The model: the body's (Gemini's `modelVersion`, OpenRouter's `model`, the
   * `model` of the Responses API's `image_generation` tool, never the
   * Responses API's own `model`, which is the language model), else the
   * `model` option, else `undefined`.
   */
  readonly model: string | undefined;
  /**
   * The image usage, cached tokens included; `undefined` when the body
   * reports none (a `partial_image` event, a Responses API body from before
   * `tool_usage`, an error body), never zeros in its place.
   */
  readonly usage: ImageUsage | undefined;
  /**
   * How many images the body carries: the items of `data`, the
   * `image_generation_call` items of `output` with a result, the image
   * `inlineData` parts of Gemini's candidates (thought images left out), the
   * images of OpenRouter's messages; 1 for a completed image event, 0 for a
   * partial one.
   */
  readonly images: number;
  /** The provider's own reported cost (OpenRouter's `usage.cost`), when the body has one. */
  readonly reportedCost: number | undefined;
  /**
   * The paths of the usage figures the body left out and that were derived
   * exactly from the ones it gave (a missing total = input + output, a
   * missing text count = its parent - the image count); absent when none was.
   */
  readonly derived?: readonly string[];
}

/**
 * Options for reading a whole response (`parseImageResponse`,
 * `safeParseImageResponse` and the response schemas). A value of the wrong
 * type, or a getter that throws, counts as not given.
 *
 * @example
 * ```ts
 * import { parseImageResponse } from 'image-usage';
 *
 * const read = parseImageResponse(body, { model: 'google/gemini-2.5-flash-image', openRouterPromptTokens: 'text', strict: true });
 * ```
 */
export interface ParseImageResponseOptions {
  /** The model to report when the body names none (the model the request asked for). */
  readonly model?: string | undefined;
  /**
   * How to read OpenRouter's `prompt_tokens`, which it does not split into
   * text and image: all text, or all image. Needed when they are not zero
   * (without it they are an issue: a guess would misprice them).
   */
  readonly openRouterPromptTokens?: 'text' | 'image' | undefined;
  /** Apply the strict rules to the usage: every count a safe integer `>= 0`, and every sum holding. */
  readonly strict?: boolean | undefined;
}

/**
 * The type of the response schemas (`imageResponseSchema` and the schema of
 * each shape): a valibot schema, and through it a Standard Schema, that takes
 * a whole response and gives an {@link ImageResponse}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import type { ImageResponseSchemaType } from 'image-usage';
 *
 * type Output = v.InferOutput<ImageResponseSchemaType>; // ImageResponse
 * ```
 */
export interface ImageResponseSchemaType extends v.BaseSchema<unknown, ImageResponse, v.BaseIssue<unknown>> {
  /** The schema type. */
  readonly type: 'image_response';
  /** The expected property. */
  readonly expects: 'Object';
  /** The shapes it reads. */
  readonly shapes: readonly ImageResponseShape[];
}
