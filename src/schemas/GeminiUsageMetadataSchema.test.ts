import fc from 'fast-check';
import * as v from 'valibot';
import { checkImageUsage } from '../checkImageUsage/checkImageUsage.ts';
import { describe, expect, test } from 'vitest';
import { geminiLike } from '../../test/arbitraries/index.ts';
import { _GEMINI } from '../_shape.ts';
import { GeminiUsageMetadataSchema, StrictGeminiUsageMetadataSchema } from './GeminiUsageMetadataSchema.ts';

/** The issues of a parse as `path: message`. */
function issuesOf(schema: v.GenericSchema, input: unknown): string[] {
  return (v.safeParse(schema, input).issues ?? []).map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
}

// gemini-3-pro-image-preview, image output with thoughts (shared fixtures).
const withThoughts = {
  candidatesTokenCount: 1780,
  candidatesTokensDetails: [{ modality: 'IMAGE', tokenCount: 1120 }],
  promptTokenCount: 33,
  promptTokensDetails: [{ modality: 'TEXT', tokenCount: 33 }],
  thoughtsTokenCount: 529,
  totalTokenCount: 2342,
};

describe('GeminiUsageMetadataSchema', () => {
  test('maps usageMetadata to the SDK form: thoughts are output, the unitemised rest of each side text', () => {
    expect(v.parse(GeminiUsageMetadataSchema, withThoughts)).toStrictEqual({
      totalTokens: 2342,
      inputTokens: 33,
      outputTokens: 2309,
      inputTokensDetails: { textTokens: 33, imageTokens: 0 },
      outputTokensDetails: { textTokens: 1189, imageTokens: 1120 },
    });
  });

  test('reads an absent count, tokenCount or modality as zero, as proto3 JSON writes them (but not every key absent)', () => {
    expect(v.parse(GeminiUsageMetadataSchema, { candidatesTokenCount: 0 })).toStrictEqual({
      totalTokens: 0,
      inputTokens: 0,
      outputTokens: 0,
      inputTokensDetails: { textTokens: 0, imageTokens: 0 },
      outputTokensDetails: { textTokens: 0, imageTokens: 0 },
    });
    expect(issuesOf(GeminiUsageMetadataSchema, {})).toStrictEqual(["(root): expected Gemini's usage keys (promptTokenCount, ...), received Object without any"]);
    const usage = { promptTokenCount: 5, promptTokensDetails: [{ modality: 'AUDIO' }, {}, { modality: 'IMAGE' }], totalTokenCount: 5 };
    expect(v.parse(StrictGeminiUsageMetadataSchema, usage).inputTokensDetails).toStrictEqual({ textTokens: 5, imageTokens: 0 });
  });

  test('reads null as proto3 JSON means it, the default: a count or tokenCount of 0, no modality, no entries', () => {
    // As proxies and loggers write it, which write every field (the Vercel AI SDK types these counts as nullish).
    const logged = {
      promptTokenCount: 10,
      promptTokensDetails: null,
      candidatesTokenCount: 1304,
      candidatesTokensDetails: [{ modality: 'IMAGE', tokenCount: 1290 }, { modality: null, tokenCount: null }],
      thoughtsTokenCount: null,
      toolUsePromptTokenCount: null,
      toolUsePromptTokensDetails: null,
      cachedContentTokenCount: null,
      cacheTokensDetails: null,
      totalTokenCount: 1314,
    };
    for (const schema of [GeminiUsageMetadataSchema, StrictGeminiUsageMetadataSchema]) {
      expect(v.parse(schema, logged)).toStrictEqual({
        totalTokens: 1314,
        inputTokens: 10,
        outputTokens: 1304,
        inputTokensDetails: { textTokens: 10, imageTokens: 0 },
        outputTokensDetails: { textTokens: 14, imageTokens: 1290 },
      });
    }
  });

  test('for any usageMetadata, null in place of any absent count, details array, modality or tokenCount changes nothing', () => {
    const keys = [..._GEMINI.counts, ...Object.keys(_GEMINI.details)];
    /** The same value with null for every absent key of the description, and of each entry of its arrays. */
    const withNulls = (input: Record<string, unknown>, every: boolean): Record<string, unknown> => {
      const copy: Record<string, unknown> = { ...input };
      keys.forEach((key, index) => {
        if (copy[key] === undefined && (every || index % 2 === 0)) copy[key] = null;
        if (Array.isArray(copy[key])) {
          copy[key] = (copy[key] as unknown[]).map((entry) =>
            typeof entry === 'object' && entry !== null ? { modality: null, tokenCount: null, ...entry } : entry,
          );
        }
      });
      return copy;
    };
    /** What a schema makes of an input: its output, or its issues as paths and messages. */
    const outcome = (schema: v.GenericSchema, input: unknown) => {
      const result = v.safeParse(schema, input);
      return result.success ? result.output : result.issues.map((issue) => [v.getDotPath(issue), issue.message]);
    };
    let valid = 0;
    fc.assert(
      fc.property(geminiLike, fc.boolean(), (input, every) => {
        // A plain object holding one of the keys (one holding none is an issue, and nulls are values).
        if (typeof input !== 'object' || input === null || Array.isArray(input) || !keys.some((key) => key in input)) return;
        for (const schema of [GeminiUsageMetadataSchema, StrictGeminiUsageMetadataSchema]) {
          const plain = outcome(schema, input);
          expect(outcome(schema, withNulls(input as Record<string, unknown>, every))).toStrictEqual(plain);
          if (!Array.isArray(plain)) valid++;
        }
      }),
      { numRuns: 3000 },
    );
    expect(valid).toBeGreaterThan(500);
  });

  test('takes IMAGE and DOCUMENT tokens of the prompt as image input, tool-use prompt as input, cached tokens as part of the prompt', () => {
    const usage = {
      promptTokenCount: 19875,
      promptTokensDetails: [
        { modality: 'DOCUMENT', tokenCount: 19000 },
        { modality: 'IMAGE', tokenCount: 866 },
        { modality: 'TEXT', tokenCount: 9 },
      ],
      cachedContentTokenCount: 1000,
      toolUsePromptTokenCount: 100,
      candidatesTokenCount: 3,
      totalTokenCount: 19978,
    };
    expect(v.parse(GeminiUsageMetadataSchema, usage)).toStrictEqual({
      totalTokens: 19978,
      inputTokens: 19975,
      outputTokens: 3,
      inputTokensDetails: { textTokens: 109, imageTokens: 19866 },
      outputTokensDetails: { textTokens: 3, imageTokens: 0 },
      // No cacheTokensDetails: proto3's empty list, so the cached tokens are text, as for the prompt.
      cachedTokens: 1000,
      cachedTokensDetails: { cachedTextTokens: 1000, cachedImageTokens: 0 },
    });
    // That is more cached text than the prompt's text: the strict rules of an ImageUsage's cached fields say so, in Gemini's names.
    expect(issuesOf(StrictGeminiUsageMetadataSchema, usage)).toStrictEqual([
      'cachedContentTokenCount: expected <= the other tokens of the input = 109 (cached tokens are part of the input), received 1000',
    ]);
    const itemised = { ...usage, cacheTokensDetails: [{ modality: 'DOCUMENT', tokenCount: 990 }, { modality: 'TEXT', tokenCount: 10 }] };
    expect(v.parse(StrictGeminiUsageMetadataSchema, itemised)).toMatchObject({
      cachedTokens: 1000,
      cachedTokensDetails: { cachedTextTokens: 10, cachedImageTokens: 990 },
    });
    // Absent or null is none reported; absent, null and empty details are the same empty list.
    const { cachedContentTokenCount: _, ...uncached } = usage;
    expect(v.parse(GeminiUsageMetadataSchema, uncached)).not.toHaveProperty('cachedTokens');
    expect(v.parse(GeminiUsageMetadataSchema, { ...uncached, cachedContentTokenCount: null })).not.toHaveProperty('cachedTokens');
    for (const cacheTokensDetails of [undefined, null, []]) {
      expect(v.parse(GeminiUsageMetadataSchema, { ...uncached, cachedContentTokenCount: 9, cacheTokensDetails })).toMatchObject({
        cachedTokens: 9,
        cachedTokensDetails: { cachedTextTokens: 9, cachedImageTokens: 0 },
      });
    }
  });

  test('under the strict rules, refuses cached tokens past the input, or past its image or other tokens', () => {
    const prompt = { promptTokenCount: 100, promptTokensDetails: [{ modality: 'TEXT', tokenCount: 100 }], candidatesTokenCount: 10, totalTokenCount: 110 };
    const cases: [Record<string, unknown>, string][] = [
      [{ cachedContentTokenCount: 50, cacheTokensDetails: [{ modality: 'IMAGE', tokenCount: 50 }] }, 'cacheTokensDetails: expected <= the IMAGE and DOCUMENT tokens of the input = 0 (cached tokens are part of the input), received 50'],
      [{ cachedContentTokenCount: 101 }, 'cachedContentTokenCount: expected <= promptTokenCount + toolUsePromptTokenCount = 100 (cached tokens are part of the input), received 101'],
    ];
    for (const [cache, message] of cases) {
      expect(issuesOf(StrictGeminiUsageMetadataSchema, { ...prompt, ...cache })).toStrictEqual([message]);
      // The default rules take it, and the usage it gives breaks a cached rule: estimateCost refuses it.
      expect(checkImageUsage(v.parse(GeminiUsageMetadataSchema, { ...prompt, ...cache })).length).toBeGreaterThan(0);
    }
    expect(issuesOf(StrictGeminiUsageMetadataSchema, { ...prompt, cachedContentTokenCount: 100, cacheTokensDetails: [{ modality: 'TEXT', tokenCount: 100 }] })).toStrictEqual([]);
  });

  test('refuses more cached image tokens than cached tokens, and under the strict rules more cached tokens than the prompt', () => {
    const usage = { promptTokenCount: 100, cachedContentTokenCount: 50, cacheTokensDetails: [{ modality: 'IMAGE', tokenCount: 60 }], totalTokenCount: 100 };
    expect(issuesOf(GeminiUsageMetadataSchema, usage)).toStrictEqual(['cachedContentTokenCount: expected >= 60 (the IMAGE and DOCUMENT tokens of cacheTokensDetails), received 50']);
    expect(issuesOf(StrictGeminiUsageMetadataSchema, usage)).toStrictEqual([
      'cachedContentTokenCount: expected >= 60 (the tokens of cacheTokensDetails), received 50',
      'cacheTokensDetails: expected <= the IMAGE and DOCUMENT tokens of the input = 0 (cached tokens are part of the input), received 60',
    ]);
    const tooMany = { promptTokenCount: 100, cachedContentTokenCount: 150, totalTokenCount: 100 };
    expect(v.parse(GeminiUsageMetadataSchema, tooMany).cachedTokens).toBe(150);
    expect(issuesOf(StrictGeminiUsageMetadataSchema, tooMany)).toStrictEqual([
      'cachedContentTokenCount: expected <= promptTokenCount + toolUsePromptTokenCount = 100 (cached tokens are part of the input), received 150',
    ]);
  });

  test('takes IMAGE and DOCUMENT tokens as image tokens on every side: of the candidates, and of the tool-use prompt, as genai-prices does', () => {
    const usage = {
      promptTokenCount: 10,
      toolUsePromptTokenCount: 300,
      toolUsePromptTokensDetails: [
        { modality: 'IMAGE', tokenCount: 258 },
        { modality: 'DOCUMENT', tokenCount: 30 },
        { modality: 'TEXT', tokenCount: 12 },
      ],
      candidatesTokenCount: 1304,
      candidatesTokensDetails: [
        { modality: 'DOCUMENT', tokenCount: 4 },
        { modality: 'IMAGE', tokenCount: 1290 },
      ],
      totalTokenCount: 1614,
    };
    expect(v.parse(StrictGeminiUsageMetadataSchema, usage)).toStrictEqual({
      totalTokens: 1614,
      inputTokens: 310,
      outputTokens: 1304,
      inputTokensDetails: { textTokens: 22, imageTokens: 288 },
      outputTokensDetails: { textTokens: 10, imageTokens: 1294 },
    });
  });

  test('refuses AUDIO and VIDEO tokens, naming the modality where it is', () => {
    const usage = { promptTokenCount: 268, promptTokensDetails: [{ modality: 'TEXT', tokenCount: 10 }, { modality: 'VIDEO', tokenCount: 258 }] };
    for (const schema of [GeminiUsageMetadataSchema, StrictGeminiUsageMetadataSchema]) {
      expect(issuesOf(schema, usage)[0]).toBe(
        'promptTokensDetails.1.modality: expected no AUDIO or VIDEO tokens (an ImageUsage has no place for them), received "VIDEO" with 258 tokens',
      );
    }
    expect(issuesOf(GeminiUsageMetadataSchema, { cacheTokensDetails: [{ modality: 'AUDIO', tokenCount: 1 }] })).toStrictEqual([
      'cacheTokensDetails.0.modality: expected no AUDIO or VIDEO tokens (an ImageUsage has no place for them), received "AUDIO" with 1 token',
    ]);
  });

  test('wants the image tokens to fit in their count, or text would be negative', () => {
    expect(issuesOf(GeminiUsageMetadataSchema, { candidatesTokenCount: 1000, candidatesTokensDetails: [{ modality: 'IMAGE', tokenCount: 1290 }] })).toStrictEqual([
      'candidatesTokenCount: expected >= 1290 (the IMAGE and DOCUMENT tokens of candidatesTokensDetails), received 1000',
    ]);
    expect(issuesOf(GeminiUsageMetadataSchema, { toolUsePromptTokenCount: 5, toolUsePromptTokensDetails: [{ modality: 'DOCUMENT', tokenCount: 6 }] })).toStrictEqual([
      'toolUsePromptTokenCount: expected >= 6 (the IMAGE and DOCUMENT tokens of toolUsePromptTokensDetails), received 5',
    ]);
    expect(issuesOf(GeminiUsageMetadataSchema, { promptTokensDetails: [{ modality: 'DOCUMENT', tokenCount: 1 }] })).toStrictEqual([
      'promptTokenCount: expected >= 1 (the IMAGE and DOCUMENT tokens of promptTokensDetails), received 0',
    ]);
  });

  test("reports valibot's issues on Gemini's own paths", () => {
    expect(issuesOf(GeminiUsageMetadataSchema, { promptTokenCount: '10', candidatesTokensDetails: [{ modality: 'PICTURE', tokenCount: -1 }] })).toStrictEqual([
      'promptTokenCount: expected number, received "10"',
      'candidatesTokensDetails.0.modality: expected ("MODALITY_UNSPECIFIED" | "TEXT" | "IMAGE" | "VIDEO" | "AUDIO" | "DOCUMENT"), received "PICTURE"',
      'candidatesTokensDetails.0.tokenCount: expected >=0, received -1',
    ]);
    expect(issuesOf(GeminiUsageMetadataSchema, { promptTokensDetails: {} })).toStrictEqual(['promptTokensDetails: expected Array, received Object']);
    expect(issuesOf(GeminiUsageMetadataSchema, null)).toStrictEqual(['(root): expected Object, received null']);
  });

  test('the default rules take fractions, inconsistent totals and details short of their count', () => {
    expect(v.is(GeminiUsageMetadataSchema, { ...withThoughts, totalTokenCount: 1, promptTokenCount: 0.5, promptTokensDetails: [{ tokenCount: 10 }] })).toBe(true);
  });

  test('is a Standard Schema', () => {
    expect(GeminiUsageMetadataSchema['~standard'].validate(withThoughts)).toStrictEqual({ typed: true, value: v.parse(GeminiUsageMetadataSchema, withThoughts) });
  });
});

describe('StrictGeminiUsageMetadataSchema', () => {
  test("checks Gemini's own total rule, in Gemini's names", () => {
    expect(issuesOf(StrictGeminiUsageMetadataSchema, { ...withThoughts, totalTokenCount: 2341 })).toStrictEqual([
      'totalTokenCount: expected promptTokenCount + candidatesTokenCount + thoughtsTokenCount = 2342, received 2341',
    ]);
    expect(issuesOf(StrictGeminiUsageMetadataSchema, { toolUsePromptTokenCount: 4, totalTokenCount: 5 })).toStrictEqual([
      'totalTokenCount: expected toolUsePromptTokenCount = 4, received 5',
    ]);
    expect(issuesOf(StrictGeminiUsageMetadataSchema, { totalTokenCount: 5 })).toStrictEqual(['totalTokenCount: expected 0, received 5']);
  });

  test('wants every details array to itemise no more than its count, and safe integers', () => {
    expect(issuesOf(StrictGeminiUsageMetadataSchema, { promptTokenCount: 10, promptTokensDetails: [{ modality: 'TEXT', tokenCount: 11 }], totalTokenCount: 10 })).toStrictEqual([
      'promptTokenCount: expected >= 11 (the tokens of promptTokensDetails), received 10',
    ]);
    expect(issuesOf(StrictGeminiUsageMetadataSchema, { ...withThoughts, promptTokenCount: 33.5 })[0]).toBe('promptTokenCount: expected a safe integer, received 33.5');
  });

  test('its output is consistent: total = input + output, and each side = text + image', () => {
    const usage = v.parse(StrictGeminiUsageMetadataSchema, withThoughts);
    expect(usage.totalTokens).toBe(usage.inputTokens + usage.outputTokens);
    expect(usage.outputTokens).toBe(usage.outputTokensDetails!.textTokens + usage.outputTokensDetails!.imageTokens);
  });
});

describe('what a hostile review found', () => {
  test('sides that add up past the largest number are an issue, not an Infinity in the output', () => {
    expect(issuesOf(GeminiUsageMetadataSchema, { promptTokenCount: 1e308, toolUsePromptTokenCount: 1e308 })).toStrictEqual([
      'promptTokenCount: expected promptTokenCount + toolUsePromptTokenCount to be a finite number, received Infinity',
    ]);
  });

  test('two figures never read the same, and a sum of safe integers is written exactly', () => {
    const tenths = { promptTokenCount: 0.3, promptTokensDetails: [{ modality: 'IMAGE', tokenCount: 0.1 }, { modality: 'IMAGE', tokenCount: 0.2 }] };
    expect(issuesOf(GeminiUsageMetadataSchema, tenths)).toStrictEqual([
      'promptTokenCount: expected >= 0.30000000000000004 (the IMAGE and DOCUMENT tokens of promptTokensDetails), received 0.3',
    ]);
    const max = Number.MAX_SAFE_INTEGER;
    expect(issuesOf(StrictGeminiUsageMetadataSchema, { promptTokenCount: max, candidatesTokenCount: 2, totalTokenCount: max })).toStrictEqual([
      'totalTokenCount: expected promptTokenCount + candidatesTokenCount = 9007199254740993, received 9007199254740991',
    ]);
  });

  test("the rules are checked only on counts that passed their own checks: no second issue at a count's path", () => {
    expect(issuesOf(GeminiUsageMetadataSchema, { promptTokenCount: -5, promptTokensDetails: [{ modality: 'IMAGE', tokenCount: 3 }] })).toStrictEqual([
      'promptTokenCount: expected >=0, received -5',
    ]);
    expect(issuesOf(StrictGeminiUsageMetadataSchema, { promptTokenCount: 0.5 })).toStrictEqual(['promptTokenCount: expected a safe integer, received 0.5']);
  });
});
