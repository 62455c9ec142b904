// A consumer's file, type-checked against the packed package in the consumer
// projects, with valibot 1.5.0 and with 1.1.0 (test/packed/types.test.ts):
// valibot's own tools, v.flatten, v.summarize and v.getDotPath, take every
// issues array the package hands out, untyped and typed by the schema, and
// give what they give for any valibot issues.
import * as v from 'valibot';
import {
  CountSchema,
  GeminiUsageMetadataSchema,
  ImageUsageError,
  ImageUsageSchema,
  InputTokensDetailsSchema,
  OutputTokensDetailsSchema,
  safeParseImageUsage,
  StrictCountSchema,
  StrictGeminiUsageMetadataSchema,
  StrictImageUsageSchema,
  StrictTokensDetailsSchema,
  StrictWireImageUsageSchema,
  StrictWireOrSdkImageUsageSchema,
  StrictWireTokensDetailsSchema,
  WireImageUsageSchema,
  WireOrSdkImageUsageSchema,
  WireTokensDetailsSchema,
  CachedTokensDetailsSchema,
  StrictCachedTokensDetailsSchema,
  WireCachedTokensDetailsSchema,
  StrictWireCachedTokensDetailsSchema,
  geminiResponseSchema,
  imageResponseSchema,
  openAIImageEventSchema,
  openAIImagesResponseSchema,
  openAIResponsesSchema,
  openRouterResponseSchema,
  safeParseImageResponse,
} from 'image-usage';

/** Takes what the three tools give: the flat errors, the summary and a dot path. */
function use(flat: v.FlatErrors<undefined>, summary: string, path: string | null): void {
  void [flat, summary, path];
}

// safeParseImageUsage's issues
const result = safeParseImageUsage({ total_tokens: '4212' });
if (!result.success) {
  use(v.flatten(result.issues), v.summarize(result.issues), v.getDotPath(result.issues[0]));
  const paths: (string | null)[] = result.issues.map((issue) => v.getDotPath(issue));
  void paths;
}

// ImageUsageError's issues
const error: unknown = new Error();
if (error instanceof ImageUsageError) {
  use(v.flatten(error.issues), v.summarize(error.issues), v.getDotPath(error.issues[0]));
}

// The issues of v.safeParse with each exported schema, through each tool, and
// through v.flatten and v.getDotPath typed by the schema.
const count = v.safeParse(CountSchema, -1).issues!;
use(v.flatten(count), v.summarize(count), v.getDotPath(count[0]));
use(v.flatten<typeof CountSchema>(count), v.summarize(count), v.getDotPath<typeof CountSchema>(count[0]));

const strictCount = v.safeParse(StrictCountSchema, 0.5).issues!;
use(v.flatten(strictCount), v.summarize(strictCount), v.getDotPath(strictCount[0]));
use(v.flatten<typeof StrictCountSchema>(strictCount), v.summarize(strictCount), v.getDotPath<typeof StrictCountSchema>(strictCount[0]));

const input = v.safeParse(InputTokensDetailsSchema, {}).issues!;
use(v.flatten(input), v.summarize(input), v.getDotPath(input[0]));
use(v.flatten<typeof InputTokensDetailsSchema>(input), v.summarize(input), v.getDotPath<typeof InputTokensDetailsSchema>(input[0]));

const output = v.safeParse(OutputTokensDetailsSchema, {}).issues!;
use(v.flatten(output), v.summarize(output), v.getDotPath(output[0]));
use(v.flatten<typeof OutputTokensDetailsSchema>(output), v.summarize(output), v.getDotPath<typeof OutputTokensDetailsSchema>(output[0]));

const strictDetails = v.safeParse(StrictTokensDetailsSchema, {}).issues!;
use(v.flatten(strictDetails), v.summarize(strictDetails), v.getDotPath(strictDetails[0]));
use(
  v.flatten<typeof StrictTokensDetailsSchema>(strictDetails),
  v.summarize(strictDetails),
  v.getDotPath<typeof StrictTokensDetailsSchema>(strictDetails[0]),
);

const wireDetails = v.safeParse(WireTokensDetailsSchema, {}).issues!;
use(v.flatten(wireDetails), v.summarize(wireDetails), v.getDotPath(wireDetails[0]));
use(v.flatten<typeof WireTokensDetailsSchema>(wireDetails), v.summarize(wireDetails), v.getDotPath<typeof WireTokensDetailsSchema>(wireDetails[0]));

const strictWireDetails = v.safeParse(StrictWireTokensDetailsSchema, {}).issues!;
use(v.flatten(strictWireDetails), v.summarize(strictWireDetails), v.getDotPath(strictWireDetails[0]));
use(
  v.flatten<typeof StrictWireTokensDetailsSchema>(strictWireDetails),
  v.summarize(strictWireDetails),
  v.getDotPath<typeof StrictWireTokensDetailsSchema>(strictWireDetails[0]),
);

// The cached details objects, each form and rules.
for (const issues of [
  v.safeParse(CachedTokensDetailsSchema, {}).issues!,
  v.safeParse(StrictCachedTokensDetailsSchema, {}).issues!,
]) {
  use(v.flatten(issues), v.summarize(issues), v.getDotPath(issues[0]));
}
const cachedDetails = v.safeParse(CachedTokensDetailsSchema, {}).issues!;
use(v.flatten<typeof CachedTokensDetailsSchema>(cachedDetails), v.summarize(cachedDetails), v.getDotPath<typeof CachedTokensDetailsSchema>(cachedDetails[0]));
const strictCachedDetails = v.safeParse(StrictCachedTokensDetailsSchema, {}).issues!;
use(
  v.flatten<typeof StrictCachedTokensDetailsSchema>(strictCachedDetails),
  v.summarize(strictCachedDetails),
  v.getDotPath<typeof StrictCachedTokensDetailsSchema>(strictCachedDetails[0]),
);
const wireCachedDetails = v.safeParse(WireCachedTokensDetailsSchema, {}).issues!;
use(
  v.flatten<typeof WireCachedTokensDetailsSchema>(wireCachedDetails),
  v.summarize(wireCachedDetails),
  v.getDotPath<typeof WireCachedTokensDetailsSchema>(wireCachedDetails[0]),
);
const strictWireCachedDetails = v.safeParse(StrictWireCachedTokensDetailsSchema, {}).issues!;
use(
  v.flatten<typeof StrictWireCachedTokensDetailsSchema>(strictWireCachedDetails),
  v.summarize(strictWireCachedDetails),
  v.getDotPath<typeof StrictWireCachedTokensDetailsSchema>(strictWireCachedDetails[0]),
);

const sdk = v.safeParse(ImageUsageSchema, {}).issues!;
use(v.flatten(sdk), v.summarize(sdk), v.getDotPath(sdk[0]));
use(v.flatten<typeof ImageUsageSchema>(sdk), v.summarize(sdk), v.getDotPath<typeof ImageUsageSchema>(sdk[0]));

const strictSdk = v.safeParse(StrictImageUsageSchema, {}).issues!;
use(v.flatten(strictSdk), v.summarize(strictSdk), v.getDotPath(strictSdk[0]));
use(v.flatten<typeof StrictImageUsageSchema>(strictSdk), v.summarize(strictSdk), v.getDotPath<typeof StrictImageUsageSchema>(strictSdk[0]));

const wire = v.safeParse(WireImageUsageSchema, {}).issues!;
use(v.flatten(wire), v.summarize(wire), v.getDotPath(wire[0]));
use(v.flatten<typeof WireImageUsageSchema>(wire), v.summarize(wire), v.getDotPath<typeof WireImageUsageSchema>(wire[0]));

const strictWire = v.safeParse(StrictWireImageUsageSchema, {}).issues!;
use(v.flatten(strictWire), v.summarize(strictWire), v.getDotPath(strictWire[0]));
use(
  v.flatten<typeof StrictWireImageUsageSchema>(strictWire),
  v.summarize(strictWire),
  v.getDotPath<typeof StrictWireImageUsageSchema>(strictWire[0]),
);

const either = v.safeParse(WireOrSdkImageUsageSchema, {}).issues!;
use(v.flatten(either), v.summarize(either), v.getDotPath(either[0]));
use(v.flatten<typeof WireOrSdkImageUsageSchema>(either), v.summarize(either), v.getDotPath<typeof WireOrSdkImageUsageSchema>(either[0]));

const strictEither = v.safeParse(StrictWireOrSdkImageUsageSchema, {}).issues!;
use(v.flatten(strictEither), v.summarize(strictEither), v.getDotPath(strictEither[0]));
use(
  v.flatten<typeof StrictWireOrSdkImageUsageSchema>(strictEither),
  v.summarize(strictEither),
  v.getDotPath<typeof StrictWireOrSdkImageUsageSchema>(strictEither[0]),
);

const gemini = v.safeParse(GeminiUsageMetadataSchema, {}).issues!;
use(v.flatten(gemini), v.summarize(gemini), v.getDotPath(gemini[0]));
use(v.flatten<typeof GeminiUsageMetadataSchema>(gemini), v.summarize(gemini), v.getDotPath<typeof GeminiUsageMetadataSchema>(gemini[0]));

const strictGemini = v.safeParse(StrictGeminiUsageMetadataSchema, {}).issues!;
use(v.flatten(strictGemini), v.summarize(strictGemini), v.getDotPath(strictGemini[0]));
use(
  v.flatten<typeof StrictGeminiUsageMetadataSchema>(strictGemini),
  v.summarize(strictGemini),
  v.getDotPath<typeof StrictGeminiUsageMetadataSchema>(strictGemini[0]),
);

// The issues of whole responses: safeParseImageResponse's, and a response schema's.
const response = safeParseImageResponse({ created: 1, usage: { total_tokens: '4212' } });
if (!response.success) use(v.flatten(response.issues), v.summarize(response.issues), v.getDotPath(response.issues[0]));
// The response schemas are made by functions (their options are the schema's): each is called.
for (const issues of [
  v.safeParse(imageResponseSchema(), {}).issues!,
  v.safeParse(openAIImagesResponseSchema({ strict: true }), {}).issues!,
  v.safeParse(openAIImageEventSchema(), {}).issues!,
  v.safeParse(openAIResponsesSchema(), {}).issues!,
  v.safeParse(geminiResponseSchema(), {}).issues!,
  v.safeParse(openRouterResponseSchema({ openRouterPromptTokens: 'text' }), {}).issues!,
]) {
  use(v.flatten(issues), v.summarize(issues), v.getDotPath(issues[0]));
}

// The typed paths are the form's own: what v.flatten<typeof Schema> keys `nested` by.
const wirePaths: v.IssueDotPath<typeof WireImageUsageSchema>[] = ['total_tokens', 'input_tokens_details.image_tokens', 'output_tokens_details.text_tokens'];
const sdkPaths: v.IssueDotPath<typeof StrictImageUsageSchema>[] = ['totalTokens', 'inputTokensDetails.imageTokens', 'outputTokensDetails.textTokens'];
// @ts-expect-error a camelCase path is not one of the wire form's
const notWire: v.IssueDotPath<typeof WireImageUsageSchema> = 'totalTokens';
const geminiPaths: v.IssueDotPath<typeof StrictGeminiUsageMetadataSchema>[] = ['totalTokenCount', 'candidatesTokensDetails.0.tokenCount'];
// valibot's IssueDotPath knows its own schemas only, so the either-form schemas type no paths
// (docs/runtimes.md): v.flatten(issues) without the type argument keys `nested` by any string.
// @ts-expect-error no path is typed for WireOrSdkImageUsageSchema
const eitherPath: v.IssueDotPath<typeof WireOrSdkImageUsageSchema> = 'total_tokens';
const anyPath: string | undefined = v.flatten(either).nested?.['total_tokens']?.[0];
void [wirePaths, sdkPaths, notWire, geminiPaths, eitherPath, anyPath];
