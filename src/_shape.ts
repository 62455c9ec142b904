import type { ConsistencyRule, ImageUsageKeys } from './types/index.ts';

// The usage object, described once. What names its keys, walks its counts or
// states its rules takes them from here: form detection and its messages, the
// checked reader of the helpers, the consistency rules and their messages,
// toWire, the messages of the schemas and the JSON Schema build. The code
// unrolled for speed (the guard, the copiers, the sum's integer path) spells
// the keys out; test/shape.test.ts derives what each must do from this file,
// so that a key it forgets fails a test.

/** A form of the usage object: the SDK's camelCase, or the API's snake_case JSON. */
export type _Form = 'sdk' | 'wire';

/** The keys of the usage object in one form. */
export interface _Keys {
  /** The usage object's three counts: total, input, output. */
  readonly counts: readonly [total: string, input: string, output: string];
  /** Its two details objects: the input's, then the output's (which may be absent). */
  readonly details: readonly [input: string, output: string];
  /** The two counts of a details object: text, image. */
  readonly split: readonly [text: string, image: string];
  /**
   * The cached part of the input, all optional: its count, its details
   * object, and that object's two counts (text, image).
   */
  readonly cached: readonly [count: string, details: string, text: string, image: string];
  /** What stands for absent output details besides a missing key: `undefined`, and in the wire form `null`. */
  readonly absent: readonly (null | undefined)[];
}

/** The keys of the SDK form (their types are `ImageUsageKeys`, from which the schemas' types derive). */
export const _SDK: _Keys & ImageUsageKeys['sdk'] = {
  counts: ['totalTokens', 'inputTokens', 'outputTokens'],
  details: ['inputTokensDetails', 'outputTokensDetails'],
  split: ['textTokens', 'imageTokens'],
  cached: ['cachedTokens', 'cachedTokensDetails', 'cachedTextTokens', 'cachedImageTokens'],
  absent: [undefined],
};

/** The keys of the wire form (their types are `ImageUsageKeys`, from which the schemas' types derive). */
export const _WIRE: _Keys & ImageUsageKeys['wire'] = {
  counts: ['total_tokens', 'input_tokens', 'output_tokens'],
  details: ['input_tokens_details', 'output_tokens_details'],
  split: ['text_tokens', 'image_tokens'],
  cached: ['cached_tokens', 'cached_tokens_details', 'cached_text_tokens', 'cached_image_tokens'],
  absent: [undefined, null],
};

/** The keys of each form, by its name. */
export const _FORMS: { readonly [form in _Form]: _Keys } = { sdk: _SDK, wire: _WIRE };

/**
 * The usage object's own keys in one form, in order: the three counts, the
 * two details objects, then the cached count and its details object.
 */
// @__NO_SIDE_EFFECTS__
export function _usageKeys(keys: _Keys): string[] {
  return [...keys.counts, ...keys.details, keys.cached[0], keys.cached[1]];
}

/** How many counts a usage object has: the length of every array of counts in the package. */
export const _COUNTS = 10;

/**
 * The paths of the ten counts in one form, in count order, the order of
 * every array of counts in the package: the usage object's three counts, the
 * input details' two, the output details' two, then the cached count and its
 * details' two.
 */
// @__NO_SIDE_EFFECTS__
export function _countPaths(keys: _Keys): string[] {
  const [cached, details, ...split] = keys.cached;
  return [
    ...keys.counts,
    ...keys.details.flatMap((object) => keys.split.map((key) => `${object}.${key}`)),
    cached,
    ...split.map((key) => `${details}.${key}`),
  ];
}

/** The optional objects of a usage object, as bits of the flags that say which are present. */
export const _OUTPUT_DETAILS = 1;
export const _CACHED_DETAILS = 2;
/** The cached count, the one optional count (absent reads as 0, and is left out of what is written). */
export const _CACHED = 4;

/**
 * One consistency rule: the count at `reported` (a place in count order) is
 * the sum of the counts at `parts`, or with `atMost` at most the count at
 * its one part.
 */
export interface _Rule {
  /** The rule's name. */
  readonly rule: ConsistencyRule;
  /** The place of the reported figure. */
  readonly reported: number;
  /** The places of the parts: two to add up to it, or with `atMost` the one bound. */
  readonly parts: readonly number[];
  /** Whether the figure is at most its one part, rather than the sum of its parts. */
  readonly atMost: boolean;
  /** The flag of the optional details object the rule needs (`_OUTPUT_DETAILS`, `_CACHED_DETAILS`), or 0. */
  readonly needs: number;
}

/** The consistency rules, in the order they are reported. */
export const _RULES: readonly _Rule[] = [
  { rule: 'total', reported: 0, parts: [1, 2], atMost: false, needs: 0 },
  { rule: 'input', reported: 1, parts: [3, 4], atMost: false, needs: 0 },
  { rule: 'output', reported: 2, parts: [5, 6], atMost: false, needs: _OUTPUT_DETAILS },
  { rule: 'cached', reported: 7, parts: [8, 9], atMost: false, needs: _CACHED_DETAILS },
  { rule: 'cachedInput', reported: 7, parts: [1], atMost: true, needs: 0 },
  { rule: 'cachedText', reported: 8, parts: [3], atMost: true, needs: _CACHED_DETAILS },
  { rule: 'cachedImage', reported: 9, parts: [4], atMost: true, needs: _CACHED_DETAILS },
];

/** One check of a value: valibot's issue type for it, what its messages say was expected, and the check. */
export interface _Check {
  /** The type of the issue valibot reports when the check fails. */
  readonly type: string;
  /** What a message says was expected. */
  readonly expected: string;
  /** Whether a value passes, given that it passed the checks before this one. */
  readonly passes: (value: unknown) => boolean;
}

/** A number, and not NaN, as `v.number()` wants. */
const NUMBER: _Check = { type: 'number', expected: 'number', passes: (value) => typeof value === 'number' && value === value };

/** Not negative, as `v.minValue(0)` wants (`-0` passes). */
const NOT_NEGATIVE: _Check = { type: 'min_value', expected: '>=0', passes: (value) => (value as number) >= 0 };

/**
 * The checks of a count under the default rules, in the order valibot's pipe
 * runs them (`CountSchema`): a finite number `>= 0`, fractions allowed.
 */
export const _COUNT_CHECKS: readonly _Check[] = [
  NUMBER,
  { type: 'finite', expected: 'a finite number', passes: (value) => Number.isFinite(value) },
  NOT_NEGATIVE,
];

/** The checks of a count under the strict rules, in the order of `StrictCountSchema`: a safe integer `>= 0`. */
export const _STRICT_COUNT_CHECKS: readonly _Check[] = [
  NUMBER,
  { type: 'safe_integer', expected: 'a safe integer', passes: (value) => Number.isSafeInteger(value) },
  NOT_NEGATIVE,
];

/** What a details object must be: an object, not `null`, not a function, as `v.object()` wants. */
export const _OBJECT: _Check = {
  type: 'object',
  expected: 'Object',
  passes: (value) => typeof value === 'object' && value !== null,
};

/**
 * A whole response that holds a usage object, told by a key that only the
 * whole response has: the most natural mistake is to pass `response` for
 * `response.usage`. A value that holds none of a form's usage keys but this
 * key gets an issue that says where its usage is.
 */
export interface _WholeResponse {
  /** The key that tells it. */
  readonly key: string;
  /** Where its usage object is, from the response. */
  readonly usage: string;
  /** Whether that usage object is in Gemini's form (else in the wire or SDK form). */
  readonly gemini: boolean;
}

/**
 * The whole responses, in the order they are looked for: OpenAI's Responses
 * API (its `usage` is the language model's, the image tool's is in
 * `tool_usage`), Gemini's `GenerateContentResponse`, and OpenAI's Images API
 * (the response and its streamed events) or the orq.ai router.
 */
export const _WHOLE_RESPONSES: readonly _WholeResponse[] = [
  { key: 'tool_usage', usage: 'tool_usage.image_gen', gemini: false },
  { key: 'usageMetadata', usage: 'usageMetadata', gemini: true },
  { key: 'usage', usage: 'usage', gemini: false },
];

/** The class name of a fetch API response: the usage is in its body, still to be read. */
export const _FETCH_RESPONSE = 'Response';

/**
 * The usage object of Google's Gemini API and Vertex AI
 * (`GenerateContentResponse.usageMetadata`), a third source form: counts,
 * and arrays of `{ modality, tokenCount }` that itemise part of a count. It
 * is proto3 JSON, which leaves zeros out or writes `null` for them: an absent
 * or `null` count, `tokenCount` or `modality` is 0 (`MODALITY_UNSPECIFIED`).
 */
export interface _GeminiKeys {
  /** Its counts. */
  readonly counts: readonly string[];
  /** Its details arrays, each with the count whose part it itemises. */
  readonly details: Readonly<Record<string, string>>;
  /** The counts that add up to an `ImageUsage`'s input, and to its output. */
  readonly input: readonly string[];
  readonly output: readonly string[];
  /** The count that is the total: the sum of the input and the output, by Gemini's own rule. */
  readonly total: string;
  /** The image tokens of the input and of the output: the entries of these modalities in these details arrays. */
  readonly inputImage: readonly [details: readonly string[], modalities: readonly string[]];
  readonly outputImage: readonly [details: readonly string[], modalities: readonly string[]];
  /** The count of the cached part of the input, and its image tokens as for the input. */
  readonly cached: string;
  readonly cachedImage: readonly [details: readonly string[], modalities: readonly string[]];
  /** Every modality, in the order of Gemini's enum. */
  readonly modalities: readonly string[];
  /** The modalities an `ImageUsage` has no place for, and cannot take as text without a guess. */
  readonly refused: readonly string[];
}

/** The Gemini form. Everything not an image token is text: text, thinking, and what no entry itemises. */
export const _GEMINI: _GeminiKeys = {
  counts: ['promptTokenCount', 'candidatesTokenCount', 'totalTokenCount', 'thoughtsTokenCount', 'toolUsePromptTokenCount', 'cachedContentTokenCount'],
  details: {
    promptTokensDetails: 'promptTokenCount',
    candidatesTokensDetails: 'candidatesTokenCount',
    cacheTokensDetails: 'cachedContentTokenCount',
    toolUsePromptTokensDetails: 'toolUsePromptTokenCount',
  },
  input: ['promptTokenCount', 'toolUsePromptTokenCount'],
  output: ['candidatesTokenCount', 'thoughtsTokenCount'],
  total: 'totalTokenCount',
  // Gemini reads the pages of a document as images, and prices them so; as
  // @pydantic/genai-prices' extractUsage does, on every side (the tool-use
  // prompt's too; the cache's are part of the prompt's).
  inputImage: [['promptTokensDetails', 'toolUsePromptTokensDetails'], ['IMAGE', 'DOCUMENT']],
  outputImage: [['candidatesTokensDetails'], ['IMAGE', 'DOCUMENT']],
  // Part of the prompt: its image tokens are the prompt's kinds.
  cached: 'cachedContentTokenCount',
  cachedImage: [['cacheTokensDetails'], ['IMAGE', 'DOCUMENT']],
  modalities: ['MODALITY_UNSPECIFIED', 'TEXT', 'IMAGE', 'VIDEO', 'AUDIO', 'DOCUMENT'],
  refused: ['AUDIO', 'VIDEO'],
};
