import { describe, expect, test } from 'vitest';
import { read, response } from '../../test/responses/read.ts';
import { geminiResponseSchema } from './geminiResponseSchema.ts';

const schema = geminiResponseSchema();
const usageMetadata = {
  promptTokenCount: 10,
  promptTokensDetails: [{ modality: 'TEXT', tokenCount: 10 }],
  candidatesTokenCount: 1304,
  candidatesTokensDetails: [{ modality: 'IMAGE', tokenCount: 1290 }],
  totalTokenCount: 1314,
};
const usage = {
  totalTokens: 1314,
  inputTokens: 10,
  outputTokens: 1304,
  inputTokensDetails: { textTokens: 10, imageTokens: 0 },
  outputTokensDetails: { textTokens: 14, imageTokens: 1290 },
};
const image = { inlineData: { mimeType: 'image/png', data: '<cut>' } };
const body = {
  candidates: [{ content: { role: 'model', parts: [{ text: 'Here it is' }, image] }, finishReason: 'STOP', index: 0 }],
  modelVersion: 'gemini-2.5-flash-image',
  responseId: 'vIfdaKSMD96ez7IPpr73qAM',
  usageMetadata,
};

describe('geminiResponseSchema', () => {
  test('the usage of usageMetadata, the model of modelVersion, the image parts of the candidates', () => {
    expect(read(schema, body)).toStrictEqual(response({ shape: 'gemini', model: 'gemini-2.5-flash-image', usage, images: 1 }));
  });

  test('images: every candidate, inlineData of an image type only, thought images (drafts) left out', () => {
    const parts = [image, { inlineData: { mimeType: 'image/jpeg', data: '<cut>' } }, { ...image, thought: true }, { inlineData: { mimeType: 'audio/wav', data: '<cut>' } }, { text: 'x' }];
    const candidates = [{ content: { parts } }, { content: { parts: [image] } }, { finishReason: 'SAFETY' }, { content: {} }];
    expect(read(schema, { ...body, candidates })).toMatchObject({ images: 3 });
  });

  test('the model option when the body names none', () => {
    const { modelVersion: _, ...unnamed } = body;
    expect(read(geminiResponseSchema({ model: 'gemini-3-pro-image-preview' }), unnamed)).toMatchObject({ model: 'gemini-3-pro-image-preview' });
    expect(read(geminiResponseSchema({ model: 'other' }), body)).toMatchObject({ model: 'gemini-2.5-flash-image' });
  });

  test('no usageMetadata is no usage; one without any usage key is an issue, never zeros', () => {
    const { usageMetadata: _, ...without } = body;
    expect(read(schema, without)).toMatchObject({ usage: undefined, images: 1 });
    expect(read(schema, { ...body, usageMetadata: {} })).toStrictEqual([
      "usageMetadata: expected Gemini's usage keys (promptTokenCount, ...), received Object without any",
    ]);
    expect(read(schema, { ...body, usageMetadata: { trafficType: 'ON_DEMAND' } })).toHaveLength(1);
  });

  test('issues of the Gemini schema, with the path from the body; strict', () => {
    const video = { ...usageMetadata, promptTokensDetails: [{ modality: 'TEXT', tokenCount: 2 }, { modality: 'VIDEO', tokenCount: 8 }] };
    expect(read(schema, { ...body, usageMetadata: video })).toStrictEqual([
      'usageMetadata.promptTokensDetails.1.modality: expected no AUDIO or VIDEO tokens (an ImageUsage has no place for them), received "VIDEO" with 8 tokens',
    ]);
    expect(read(geminiResponseSchema({ strict: true }), { ...body, usageMetadata: { ...usageMetadata, totalTokenCount: 1315 } })).toStrictEqual([
      'usageMetadata.totalTokenCount: expected promptTokenCount + candidatesTokenCount = 1314, received 1315',
    ]);
    expect(read(schema, { ...body, candidates: [{ content: { parts: [null] } }] })).toStrictEqual(['candidates.0.content.parts.0: expected Object, received null']);
    expect(read(schema, { ...body, candidates: {} })).toStrictEqual(['candidates: expected Array, received Object']);
  });

  test('a stream: each chunk repeats the usage so far, so the last holds the whole and adding them over-counts', () => {
    const chunk = (candidates: number, parts: unknown[]) => ({
      candidates: [{ content: { parts } }],
      modelVersion: 'gemini-2.5-flash-image',
      usageMetadata: { promptTokenCount: 10, candidatesTokenCount: candidates, totalTokenCount: 10 + candidates },
    });
    const chunks = [chunk(2, [{ text: 'Here' }]), chunk(14, [{ text: ' it is' }]), chunk(1304, [image])];
    const reads = chunks.map((one) => read(schema, one)) as { usage: { totalTokens: number } }[];
    expect(reads.map(({ usage }) => usage.totalTokens)).toStrictEqual([12, 24, 1314]);
    expect(reads.reduce((sum, { usage }) => sum + usage.totalTokens, 0)).toBeGreaterThan(1314);
  });

  test('an error body (google.rpc.Status) reports nothing; a body of another shape is an issue', () => {
    const error = { error: { code: 429, message: 'Resource has been exhausted', status: 'RESOURCE_EXHAUSTED' } };
    expect(read(schema, error)).toStrictEqual(response({ shape: 'gemini' }));
    expect(read(schema, { created: 1, data: [] })).toStrictEqual([
      '(root): expected a Gemini response (usageMetadata, candidates or modelVersion), received Object without any',
    ]);
  });
});
