import type { ImageResponseShape } from './ImageResponse.ts';

// The whole responses, described once: the keys that tell each shape apart,
// and how a message names it. The usage object inside them is described in
// src/_shape.ts. Each shape is a constant of its own, so that a bundle that
// reads one shape carries none of the others' keys (test/size.test.ts).

/** One shape of whole response: the keys that tell it, and how a message names it. */
export interface _ResponseShape {
  /** The shape. */
  readonly shape: ImageResponseShape;
  /** Its top-level keys: a body with none of them is not of this shape. */
  readonly keys: readonly string[];
  /** What a message says was expected of a body of this shape. */
  readonly expected: string;
}

/** OpenAI's Images API (`images.generate`, `images.edit`): the model is the request's. */
export const _OPENAI_IMAGES: _ResponseShape = {
  shape: 'openai-images',
  keys: ['data', 'created', 'usage'],
  expected: 'an OpenAI Images API response (data, created or usage)',
};

/** Its streamed events: `image_generation.completed`, `image_edit.completed`, and the `partial_image` ones (which tell by their index). */
export const _OPENAI_IMAGE_EVENT: _ResponseShape = {
  shape: 'openai-image-event',
  keys: ['b64_json', 'partial_image_b64', 'partial_image_index', 'created_at'],
  expected: 'an OpenAI image event (b64_json, partial_image_index or created_at)',
};

/** The keys of a partial image event, which carries no finished image. */
export const _PARTIAL_IMAGE = ['partial_image_index', 'partial_image_b64'] as const;

/** OpenAI's Responses API: its body, or a `response.completed` event around it (`response`). */
export const _OPENAI_RESPONSES: _ResponseShape = {
  shape: 'openai-responses',
  keys: ['output', 'tool_usage', 'response'],
  expected: 'an OpenAI Responses API response (output, tool_usage or response)',
};

/** Gemini's `GenerateContentResponse` (Gemini API, Vertex AI), or one chunk of a stream. */
export const _GEMINI_RESPONSE: _ResponseShape = {
  shape: 'gemini',
  keys: ['usageMetadata', 'candidates', 'modelVersion', 'promptFeedback'],
  expected: 'a Gemini response (usageMetadata, candidates or modelVersion)',
};

/** OpenRouter: a chat completion (or a chunk of one), or an `/api/v1/images` body or event, with a chat-style usage. */
export const _OPENROUTER: _ResponseShape = {
  shape: 'openrouter',
  keys: ['choices', 'usage', 'data', 'b64_json'],
  expected: 'an OpenRouter response (choices, usage, data or b64_json)',
};

/**
 * OpenRouter's usage, chat-style: counts, the details that split them, and
 * what it costs. Completion tokens are the image tokens and the rest (text
 * and reasoning); prompt tokens are not split.
 */
export const _CHAT_USAGE = {
  prompt: 'prompt_tokens',
  completion: 'completion_tokens',
  total: 'total_tokens',
  promptDetails: 'prompt_tokens_details',
  completionDetails: 'completion_tokens_details',
  cached: 'cached_tokens',
  image: 'image_tokens',
  cost: 'cost',
  /** Counts that an `ImageUsage` has no place for: not zero, they are an issue rather than a guess. */
  refused: [
    ['prompt_tokens_details', 'audio_tokens'],
    ['prompt_tokens_details', 'cache_write_tokens'],
    ['completion_tokens_details', 'audio_tokens'],
  ],
} as const;
