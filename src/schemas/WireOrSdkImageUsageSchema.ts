import * as v from 'valibot';
import { _SDK, _usageKeys, _WIRE } from '../_shape.ts';
import { _config } from '../_internal/_globalConfig.ts';
import { _message } from '../_internal/_message.ts';
import { _withoutUsageKeys } from '../_internal/_withoutUsageKeys.ts';
import type { ImageUsage } from '../types/index.ts';
import { ImageUsageSchema, type ImageUsageSchemaType } from './ImageUsageSchema.ts';
import { StrictImageUsageSchema, type StrictImageUsageSchemaType } from './StrictImageUsageSchema.ts';
import { StrictWireImageUsageSchema, type StrictWireImageUsageSchemaType } from './StrictWireImageUsageSchema.ts';
import { WireImageUsageSchema, type WireImageUsageSchemaType } from './WireImageUsageSchema.ts';

/**
 * The issue of {@link WireOrSdkImageUsageSchema} about the input as a whole:
 * not an object, an object without the usage keys of either form, or one
 * with the keys of both.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { WireOrSdkImageUsageSchema } from 'image-usage';
 *
 * v.safeParse(WireOrSdkImageUsageSchema, { usage: {} }).issues?.[0]?.type; // 'wire_or_sdk_image_usage'
 * ```
 */
export interface WireOrSdkImageUsageIssue extends v.BaseIssue<unknown> {
  /** The issue kind. */
  readonly kind: 'schema';
  /** The issue type. */
  readonly type: 'wire_or_sdk_image_usage';
  /** What was expected: `Object`, or the usage keys of one form. */
  readonly expected: string;
}

/**
 * The type of {@link WireOrSdkImageUsageSchema} (and, with the strict
 * schemas, of {@link StrictWireOrSdkImageUsageSchema}): the schema of each
 * form, and the choice between them.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import type { WireOrSdkImageUsageSchemaType } from 'image-usage';
 *
 * type Output = v.InferOutput<WireOrSdkImageUsageSchemaType>; // ImageUsage
 * ```
 */
export interface WireOrSdkImageUsageSchemaType<
  TSdk extends v.GenericSchema<unknown, ImageUsage> = ImageUsageSchemaType,
  TWire extends v.GenericSchema<unknown, ImageUsage> = WireImageUsageSchemaType,
> extends v.BaseSchema<v.InferInput<TWire> | v.InferInput<TSdk>, ImageUsage, WireOrSdkImageUsageIssue | v.InferIssue<TWire> | v.InferIssue<TSdk>> {
  /** The schema type. */
  readonly type: 'wire_or_sdk_image_usage';
  /** The expected property. */
  readonly expects: 'Object';
  /** The schema each form goes to: `sdk` for camelCase keys, `wire` for snake_case ones. */
  readonly forms: { readonly sdk: TSdk; readonly wire: TWire };
}

/**
 * The type of {@link StrictWireOrSdkImageUsageSchema}.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import type { StrictWireOrSdkImageUsageSchemaType } from 'image-usage';
 *
 * type Output = v.InferOutput<StrictWireOrSdkImageUsageSchemaType>; // ImageUsage
 * ```
 */
export type StrictWireOrSdkImageUsageSchemaType = WireOrSdkImageUsageSchemaType<StrictImageUsageSchemaType, StrictWireImageUsageSchemaType>;

/** The usage keys of each form, in the order they are looked for. */
const SDK_KEYS = /* @__PURE__ */ _usageKeys(_SDK);
const WIRE_KEYS = /* @__PURE__ */ _usageKeys(_WIRE);

/** What an object without the keys of either form lacks, and what one with the keys of both has too many of. */
const EITHER = `usage keys in snake_case (${WIRE_KEYS[0]!}, ...) or camelCase (${SDK_KEYS[0]!}, ...)`;
const BOTH = 'snake_case (wire) or camelCase (SDK) usage keys, not both';

/**
 * Which forms' usage keys an object has (own or inherited, as valibot reads
 * them): 1 for the SDK form's, 2 for the wire form's, 3 for both. The keys of
 * `_usageKeys` are written out: with a key that varies, `in` is several times
 * slower (npm run bench, parseImageUsage); test/shape.test.ts ties the two.
 */
function formsOf(input: object): number {
  return (
    ('totalTokens' in input ||
    'inputTokens' in input ||
    'outputTokens' in input ||
    'inputTokensDetails' in input ||
    'outputTokensDetails' in input ||
    'cachedTokens' in input ||
    'cachedTokensDetails' in input
      ? 1
      : 0) |
    ('total_tokens' in input ||
    'input_tokens' in input ||
    'output_tokens' in input ||
    'input_tokens_details' in input ||
    'output_tokens_details' in input ||
    'cached_tokens' in input ||
    'cached_tokens_details' in input
      ? 2
      : 0)
  );
}

/**
 * Creates the schema of a usage object in either form, told apart by its keys.
 *
 * @param sdk The schema of the SDK form.
 * @param wire The schema of the wire form.
 *
 * @returns The schema.
 */
// @__NO_SIDE_EFFECTS__
function wireOrSdk<TSdk extends v.GenericSchema<unknown, ImageUsage>, TWire extends v.GenericSchema<unknown, ImageUsage>>(
  sdk: TSdk,
  wire: TWire,
): WireOrSdkImageUsageSchemaType<TSdk, TWire> {
  const schema = {
    kind: 'schema',
    type: 'wire_or_sdk_image_usage',
    reference: wireOrSdk,
    expects: 'Object',
    async: false,
    forms: { sdk, wire },
    '~run'(dataset: v.UnknownDataset, config: v.Config<v.BaseIssue<unknown>>) {
      const input = dataset.value;
      if (typeof input !== 'object' || input === null) {
        v._addIssue(schema, 'type', dataset, _config(config), { message: _message });
        return dataset;
      }
      // The keys are looked for once; the form's schema then reads the fields.
      const forms = formsOf(input);
      if (forms === 1) return sdk['~run'](dataset, config);
      if (forms === 2) return wire['~run'](dataset, config);
      const [expected, received] =
        forms === 0
          ? [EITHER, _withoutUsageKeys(input, false)]
          : [BOTH, `${WIRE_KEYS.find((key) => key in input)!} and ${SDK_KEYS.find((key) => key in input)!}`];
      v._addIssue(schema, 'keys', dataset, _config(config), { expected, received, message: `expected ${expected}, received ${received}` });
      return dataset;
    },
  } as unknown as WireOrSdkImageUsageSchemaType<TSdk, TWire>;
  (schema as { '~standard': v.StandardProps<unknown, ImageUsage> })['~standard'] = {
    version: 1,
    vendor: 'valibot',
    validate: (value) => schema['~run']({ value }, v.getGlobalConfig()) as ReturnType<v.StandardProps<unknown, ImageUsage>['validate']>,
  };
  return schema;
}

/**
 * The usage object in either form: snake_case keys are read as the API's wire
 * form, camelCase keys as the SDK's, and an object with the keys of both is
 * an issue (one set of figures would be dropped). The output is the SDK form,
 * under the default rules. This is the schema to hand to Hono, tRPC or
 * TanStack Form when a body may hold either form; `parseImageUsage` is its run.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { WireOrSdkImageUsageSchema } from 'image-usage';
 *
 * v.parse(WireOrSdkImageUsageSchema, JSON.parse(body).usage).totalTokens;
 * ```
 */
export const WireOrSdkImageUsageSchema: WireOrSdkImageUsageSchemaType = /* @__PURE__ */ wireOrSdk(ImageUsageSchema, WireImageUsageSchema);

/**
 * {@link WireOrSdkImageUsageSchema} under the strict rules: every count a safe
 * integer `>= 0`, and every consistency rule holding, with the paths of the
 * form the caller sent. `parseImageUsage(input, { strict: true })` is its run.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { StrictWireOrSdkImageUsageSchema } from 'image-usage';
 *
 * v.is(StrictWireOrSdkImageUsageSchema, { total_tokens: 1, input_tokens: 1, output_tokens: 1 }); // false
 * ```
 */
export const StrictWireOrSdkImageUsageSchema: StrictWireOrSdkImageUsageSchemaType = /* @__PURE__ */ wireOrSdk(
  StrictImageUsageSchema,
  StrictWireImageUsageSchema,
);
