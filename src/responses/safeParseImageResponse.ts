// TEMPORARY stand-in for issue 18's reader, replaced at merge
//
// The smallest reading of whole responses that the `image-usage report`
// command (issue 19, cli/) is developed and tested against, written to the
// API agreed between issues 18 and 19. It is not the library's reader: issue
// 18 builds that, and this file and its export line in src/index.ts are
// dropped when it is merged. Its lines are left out of the coverage count.
/* v8 ignore start */
import * as v from 'valibot';
import { _describeValue } from '../_internal/_describeValue.ts';
import { safeParseImageUsage } from '../parse/index.ts';
import { GeminiUsageMetadataSchema } from '../schemas/index.ts';
import type { ImageUsage } from '../types/index.ts';

/**
 * Which shape a response was read as.
 *
 * @example
 * ```ts
 * const shape: ImageResponseShape = 'gemini';
 * ```
 */
export type ImageResponseShape = 'openai-images' | 'openai-image-event' | 'openai-responses' | 'gemini' | 'openrouter' | 'usage';

/**
 * What one response holds, for billing.
 *
 * @example
 * ```ts
 * const response: ImageResponse = { shape: 'usage', model: undefined, usage: undefined, images: 0, reportedCost: undefined };
 * ```
 */
export interface ImageResponse {
  /** Which shape the response was read as. */
  readonly shape: ImageResponseShape;
  /** The body's model, else `options.model`, else `undefined`. */
  readonly model: string | undefined;
  /** The image usage, or `undefined` when the body reports none. */
  readonly usage: ImageUsage | undefined;
  /** How many images the body carries. */
  readonly images: number;
  /** The provider's own reported cost (OpenRouter's `usage.cost`). */
  readonly reportedCost: number | undefined;
}

/**
 * Options of `safeParseImageResponse`.
 *
 * @example
 * ```ts
 * const options: ParseImageResponseOptions = { model: 'gpt-image-1' };
 * ```
 */
export interface ParseImageResponseOptions {
  /** The model to report when the body names none. */
  readonly model?: string | undefined;
  /** How to read OpenRouter's `prompt_tokens`: needed when they are nonzero. */
  readonly openRouterPromptTokens?: 'text' | 'image' | undefined;
  /** The strict rules for the usage. */
  readonly strict?: boolean | undefined;
}

/**
 * The result of `safeParseImageResponse`.
 *
 * @example
 * ```ts
 * const result: SafeParseImageResponseResult = safeParseImageResponse(body);
 * ```
 */
export type SafeParseImageResponseResult =
  | {
      /** The input is a response. */
      readonly success: true;
      /** What it holds. */
      readonly output: ImageResponse;
    }
  | {
      /** The input is not a response. */
      readonly success: false;
      /** What is wrong. */
      readonly issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]];
    };

type Issues = [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]];
type Body = Record<string, unknown>;

const isObject = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One issue at a path of keys. */
function issue(input: unknown, keys: readonly string[], expected: string): Issues {
  let value: unknown = input;
  const path: v.ObjectPathItem[] = [];
  for (const key of keys) {
    const parent = value as Body;
    value = parent[key];
    path.push({ type: 'object', origin: 'value', input: parent, key, value });
  }
  const received = _describeValue(value);
  const found: v.BaseIssue<unknown> = { kind: 'schema', type: 'custom', input: value, expected, received, message: `expected ${expected}, received ${received}` };
  return [path.length > 0 ? { ...found, path: path as [v.ObjectPathItem, ...v.ObjectPathItem[]] } : found];
}

/** The issues of a nested value, under its key. */
function under(parent: Body, key: string, issues: Issues): Issues {
  const item: v.ObjectPathItem = { type: 'object', origin: 'value', input: parent, key, value: parent[key] };
  return issues.map((found) => ({ ...found, path: [item, ...(found.path ?? [])] })) as unknown as Issues;
}

/** The usage at `body[key]`, read by safeParseImageUsage. */
function usageAt(body: Body, key: string, strict: boolean | undefined): ImageUsage | Issues | undefined {
  const usage = body[key];
  if (usage === undefined || usage === null) return undefined;
  const result = safeParseImageUsage(usage, { strict });
  return result.success ? result.output : under(body, key, result.issues);
}

const ok = (output: ImageResponse): SafeParseImageResponseResult => ({ success: true, output });

/** Reads OpenRouter's chat-style usage. */
function openRouter(body: Body, options: ParseImageResponseOptions, images: number): SafeParseImageResponseResult {
  const usage = body.usage as Body;
  const { prompt_tokens: prompt, completion_tokens: completion, cost } = usage;
  if (typeof prompt !== 'number' || prompt < 0) return { success: false, issues: issue(body, ['usage', 'prompt_tokens'], 'number >=0') };
  if (typeof completion !== 'number' || completion < 0) return { success: false, issues: issue(body, ['usage', 'completion_tokens'], 'number >=0') };
  if (prompt > 0 && options.openRouterPromptTokens === undefined) {
    return { success: false, issues: issue(body, ['usage', 'prompt_tokens'], "0, or openRouterPromptTokens 'text' or 'image' to say what they are") };
  }
  const details = usage.completion_tokens_details;
  const imageTokens = isObject(details) && typeof details.image_tokens === 'number' ? details.image_tokens : undefined;
  const text = options.openRouterPromptTokens === 'image' ? 0 : prompt;
  const result: ImageUsage = {
    totalTokens: prompt + completion,
    inputTokens: prompt,
    outputTokens: completion,
    inputTokensDetails: { textTokens: text, imageTokens: prompt - text },
  };
  if (imageTokens !== undefined) result.outputTokensDetails = { textTokens: completion - imageTokens, imageTokens };
  const model = typeof body.model === 'string' ? body.model : options.model;
  return ok({ shape: 'openrouter', model, usage: result, images, reportedCost: typeof cost === 'number' ? cost : undefined });
}

/**
 * Reads one whole response of an image API (TEMPORARY stand-in for issue 18's reader).
 *
 * @param input The parsed JSON body.
 * @param options The model to report when the body names none, and the rest.
 *
 * @returns `{ success: true, output }` or `{ success: false, issues }`; never throws.
 *
 * @example
 * ```ts
 * const result = safeParseImageResponse(JSON.parse(line), { model: 'gpt-image-1' });
 * ```
 */
export function safeParseImageResponse(input: unknown, options: ParseImageResponseOptions = {}): SafeParseImageResponseResult {
  if (!isObject(input)) return { success: false, issues: issue(input, [], 'Object') };
  const { strict } = options;
  const bodyModel = typeof input.model === 'string' ? input.model : undefined;
  const type = typeof input.type === 'string' ? input.type : undefined;

  // Gemini: usageMetadata and candidates.
  if ('usageMetadata' in input || 'candidates' in input) {
    const model = typeof input.modelVersion === 'string' ? input.modelVersion : options.model;
    const candidates = Array.isArray(input.candidates) ? (input.candidates as unknown[]) : [];
    let images = 0;
    for (const candidate of candidates) {
      const parts = isObject(candidate) && isObject(candidate.content) && Array.isArray(candidate.content.parts) ? (candidate.content.parts as unknown[]) : [];
      for (const part of parts) if (isObject(part) && isObject(part.inlineData) && String(part.inlineData.mimeType).startsWith('image/')) images++;
    }
    if (input.usageMetadata === undefined) return ok({ shape: 'gemini', model, usage: undefined, images, reportedCost: undefined });
    const result = v.safeParse(GeminiUsageMetadataSchema, input.usageMetadata);
    if (!result.success) return { success: false, issues: under(input, 'usageMetadata', result.issues) };
    return ok({ shape: 'gemini', model, usage: result.output, images, reportedCost: undefined });
  }

  // The Responses API: a body, or an event around one.
  const response = type?.startsWith('response.') && isObject(input.response) ? input.response : input.object === 'response' ? input : undefined;
  if (response !== undefined) {
    const output = Array.isArray(response.output) ? (response.output as unknown[]) : [];
    const images = output.filter((item) => isObject(item) && item.type === 'image_generation_call' && typeof item.result === 'string').length;
    const tools = Array.isArray(response.tools) ? (response.tools as unknown[]) : [];
    const tool = tools.find((item): item is Body => isObject(item) && item.type === 'image_generation' && typeof item.model === 'string');
    const model = (tool?.model as string | undefined) ?? (typeof response.model === 'string' ? response.model : options.model);
    const toolUsage = response.tool_usage;
    const usage = isObject(toolUsage) ? usageAt(toolUsage, 'image_gen', strict) : undefined;
    if (Array.isArray(usage)) {
      const issues = under(response, 'tool_usage', usage);
      return { success: false, issues: response === input ? issues : under(input, 'response', issues) };
    }
    return ok({ shape: 'openai-responses', model, usage, images, reportedCost: undefined });
  }
  if (type === 'response.image_generation_call.partial_image') {
    return ok({ shape: 'openai-image-event', model: options.model, usage: undefined, images: 0, reportedCost: undefined });
  }

  // OpenRouter: chat completions with message.images, or /api/v1/images, with chat-style usage.
  const data = Array.isArray(input.data) ? (input.data as unknown[]) : undefined;
  if (isObject(input.usage) && ('prompt_tokens' in input.usage || 'completion_tokens' in input.usage)) {
    const choices = Array.isArray(input.choices) ? (input.choices as unknown[]) : [];
    const fromChoices = choices.reduce<number>(
      (count, choice) => count + (isObject(choice) && isObject(choice.message) && Array.isArray(choice.message.images) ? choice.message.images.length : 0),
      0,
    );
    return openRouter(input, { ...options, model: bodyModel ?? options.model }, data?.length ?? (type?.endsWith('.completed') ? 1 : fromChoices));
  }

  // OpenAI's Images API bodies and image streaming events.
  const event = type !== undefined && /^image_(generation|edit)\./.test(type);
  if (data !== undefined || event || 'error' in input) {
    const usage = usageAt(input, 'usage', strict);
    if (Array.isArray(usage)) return { success: false, issues: usage };
    const images = data?.length ?? (type?.endsWith('.completed') ? 1 : 0);
    return ok({ shape: event ? 'openai-image-event' : 'openai-images', model: bodyModel ?? options.model, usage, images, reportedCost: undefined });
  }

  // A bare usage object.
  const result = safeParseImageUsage(input, { strict });
  if (!result.success) return result;
  return ok({ shape: 'usage', model: options.model, usage: result.output, images: 0, reportedCost: undefined });
}
/* v8 ignore stop */
