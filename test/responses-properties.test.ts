import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import {
  geminiResponseSchema,
  type ImageResponseSchemaType,
  imageResponseSchema,
  openAIImageEventSchema,
  openAIImagesResponseSchema,
  openAIResponsesSchema,
  openRouterResponseSchema,
  type ParseImageResponseOptions,
  safeParseImageResponse,
  toWire,
} from '../src/index.ts';
import { consistentIntegerUsage } from './arbitraries/index.ts';
import { outcomeOf } from './responses/read.ts';
import {
  anyResponse,
  bareUsage,
  expectedOutcome,
  geminiResponse,
  type GeneratedResponse,
  openAIImageEvent,
  openAIImagesResponse,
  openAIResponsesResponse,
  openRouterResponse,
} from './arbitraries/responses.ts';

// Generated whole responses of each shape, read as worked out beside the
// generator: the shape, the model, the usage, the images and the cost; from
// the entry point that tells the shapes apart, from the schema of the shape,
// under the default and the strict rules alike.

const SHAPES: ReadonlyArray<readonly [string, fc.Arbitrary<GeneratedResponse>, (options?: ParseImageResponseOptions) => ImageResponseSchemaType]> = [
  ['openai-images', openAIImagesResponse, openAIImagesResponseSchema],
  ['openai-image-event', openAIImageEvent, openAIImageEventSchema],
  ['openai-responses', openAIResponsesResponse, openAIResponsesSchema],
  ['gemini', geminiResponse, geminiResponseSchema],
  ['openrouter', openRouterResponse, openRouterResponseSchema],
  ['usage', bareUsage, imageResponseSchema],
];

describe('generated responses of each shape read as expected', () => {
  test.each(SHAPES)('%s: safeParseImageResponse, the schema of the shape and the any-shape schema, default and strict rules', (_, arbitrary, schemaOf) => {
    fc.assert(
      fc.property(arbitrary, (generated) => {
        const { body, options } = generated;
        const expected = expectedOutcome(generated);
        expect(outcomeOf(safeParseImageResponse(body, options))).toStrictEqual(expected);
        expect(outcomeOf(safeParseImageResponse(body, { ...options, strict: true }))).toStrictEqual(expected);
        expect(outcomeOf(v.safeParse(schemaOf(options), body) as never)).toStrictEqual(expected);
        expect(outcomeOf(v.safeParse(imageResponseSchema({ ...options, strict: true }), body) as never)).toStrictEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  test('the model is the body’s, else the option, else none', () => {
    fc.assert(
      fc.property(anyResponse, ({ body, options, expected }) => {
        const { model: _, ...without } = options;
        const read = safeParseImageResponse(body, without);
        if (!read.success) return;
        expect(read.output.model).toBe(expected.model === options.model ? undefined : expected.model);
      }),
      { numRuns: 300 },
    );
  });
});

/** The paths of the counts a test may leave out of a wire usage, with the object each is in. */
function countPaths(wire: Record<string, unknown>): string[] {
  const paths = ['total_tokens', 'input_tokens', 'output_tokens', 'input_tokens_details.text_tokens', 'input_tokens_details.image_tokens'];
  if (wire['output_tokens_details']) paths.push('output_tokens_details.text_tokens', 'output_tokens_details.image_tokens');
  if (wire['cached_tokens_details']) paths.push('cached_tokens', 'cached_tokens_details.cached_text_tokens', 'cached_tokens_details.cached_image_tokens');
  return paths;
}

/** A copy of a usage without the counts at these paths. */
function without(wire: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  const copy = structuredClone(wire);
  for (const path of paths) {
    const [first, second] = path.split('.');
    Reflect.deleteProperty(second === undefined ? copy : (copy[first!] as Record<string, unknown>), second ?? first!);
  }
  return copy;
}

test('images with a usage of no output token are an issue, not a smaller bill: every image costs output tokens', () => {
  fc.assert(
    fc.property(anyResponse, (generated) => {
      const read = safeParseImageResponse(generated.body, generated.options);
      const { images, usage } = generated.expected;
      expect(read.success).toBe(!(images > 0 && usage?.outputTokens === 0));
    }),
    { numRuns: 1000 },
  );
  // The Responses API leaves out the image calls whose usage it lacks: all zeros with an image.
  const zeros = { input_tokens: 0, input_tokens_details: { image_tokens: 0, text_tokens: 0 }, output_tokens: 0, total_tokens: 0 };
  const body = { output: [{ type: 'image_generation_call', result: '<cut>' }, { type: 'image_generation_call', result: '<cut>' }], tool_usage: { image_gen: zeros } };
  expect(outcomeOf(safeParseImageResponse(body))).toStrictEqual({ messages: ['(root): expected output tokens for the 2 images it carries, received a usage with none'] });
  expect(safeParseImageResponse({ ...body, output: [] })).toMatchObject({ success: true, output: { usage: { totalTokens: 0 }, images: 0 } });
});

describe('partial usage: derived exactly, or an issue; never a figure in place of a missing one', () => {
  const partial = consistentIntegerUsage
    .map((usage) => ({ usage, wire: toWire(usage) as unknown as Record<string, unknown> }))
    .chain(({ usage, wire }) => fc.subarray(countPaths(wire), { minLength: 1 }).map((left) => ({ usage, wire, left })));

  /** The optional details objects, each with the SDK key it is read into: left empty, they are absent. */
  const OPTIONAL = [
    ['output_tokens_details', 'outputTokensDetails'],
    ['cached_tokens_details', 'cachedTokensDetails'],
  ] as const;

  test('any counts left out: the same usage with each left-out path in derived, or an issue at one of them', () => {
    fc.assert(
      fc.property(partial, fc.constantFrom('images', 'responses', 'bare'), ({ usage, wire, left }, where) => {
        const usageObject = without(wire, left);
        const body =
          where === 'images' ? { created: 1, data: [], usage: usageObject } : where === 'responses' ? { output: [], tool_usage: { image_gen: usageObject } } : usageObject;
        const prefix = where === 'images' ? 'usage.' : where === 'responses' ? 'tool_usage.image_gen.' : '';
        const read = safeParseImageResponse(body);
        // An optional details object whose two counts were both left out is empty, and so absent.
        const emptied = OPTIONAL.filter(([key]) => left.filter((path) => path.startsWith(`${key}.`)).length === 2);
        const expected = structuredClone(usage) as unknown as Record<string, unknown>;
        for (const [, sdk] of emptied) Reflect.deleteProperty(expected, sdk);
        // With its details gone too, a left-out cached count is no cache reported (it is optional).
        const uncached = left.includes('cached_tokens') && emptied.some(([key]) => key === 'cached_tokens_details');
        if (uncached) delete expected['cachedTokens'];
        const derived = left.filter((path) => !emptied.some(([key]) => path.startsWith(`${key}.`)) && !(uncached && path === 'cached_tokens'));
        if (read.success) {
          expect(read.output.usage).toStrictEqual(expected);
          expect([...(read.output.derived ?? [])].sort()).toStrictEqual(derived.map((path) => prefix + path).sort());
        } else {
          const missing = read.issues.map((issue) => [v.getDotPath(issue), issue.message]);
          expect(missing.some(([path, message]) => left.some((gone) => prefix + gone === path) && message === 'expected number, received undefined')).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('one count left out is always derived', () => {
    fc.assert(
      fc.property(
        consistentIntegerUsage.chain((usage) => {
          const wire = toWire(usage) as unknown as Record<string, unknown>;
          return fc.constantFrom(...countPaths(wire)).map((left) => ({ usage, wire, left }));
        }),
        ({ usage, wire, left }) => {
          expect(safeParseImageResponse({ created: 1, usage: without(wire, [left]) })).toMatchObject({ success: true, output: { usage, derived: [`usage.${left}`] } });
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('two counts of one sum left out, with no other way to them, are an issue', () => {
    fc.assert(
      fc.property(consistentIntegerUsage, fc.constantFrom(['input_tokens_details.text_tokens', 'input_tokens_details.image_tokens'], ['total_tokens', 'output_tokens']), (usage, left) => {
        const wire = toWire({ ...usage, outputTokensDetails: undefined } as never) as unknown as Record<string, unknown>;
        delete wire['output_tokens_details'];
        expect(safeParseImageResponse({ created: 1, usage: without(wire, left) }).success).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  test('an optional details object that holds neither of its counts is absent', () => {
    fc.assert(
      fc.property(consistentIntegerUsage, fc.constantFrom({}, { reasoning_tokens: 3 }, { text_tokens: undefined }), (usage, empty) => {
        const { outputTokensDetails: _, cachedTokensDetails: __, ...plain } = usage;
        const wire = { ...toWire(plain as typeof usage), output_tokens_details: empty, cached_tokens_details: empty };
        expect(safeParseImageResponse({ created: 1, usage: wire })).toStrictEqual({
          success: true,
          output: { shape: 'openai-images', model: undefined, usage: plain, images: 0, reportedCost: undefined },
        });
      }),
      { numRuns: 300 },
    );
  });
});
