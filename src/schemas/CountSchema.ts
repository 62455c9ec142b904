import * as v from 'valibot';

/**
 * The type of {@link CountSchema}: a number, finite, `>= 0`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import type { CountSchemaType } from 'image-usage';
 *
 * type Count = v.InferOutput<CountSchemaType>; // number
 * ```
 */
export type CountSchemaType = v.SchemaWithPipe<
  readonly [v.NumberSchema<undefined>, v.FiniteAction<number, undefined>, v.MinValueAction<number, 0, undefined>]
>;

/**
 * A token count under the default rules: a finite number `>= 0`. Fractions
 * are allowed, because the SDK types counts as `number`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { CountSchema } from 'image-usage';
 *
 * v.is(CountSchema, 52.5); // true
 * v.is(CountSchema, -1); // false
 * ```
 */
export const CountSchema: CountSchemaType = v.pipe(v.number(), v.finite(), v.minValue(0));

/**
 * The type of {@link StrictCountSchema}: a number, a safe integer, `>= 0`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import type { StrictCountSchemaType } from 'image-usage';
 *
 * type Count = v.InferOutput<StrictCountSchemaType>; // number
 * ```
 */
export type StrictCountSchemaType = v.SchemaWithPipe<
  readonly [v.NumberSchema<undefined>, v.SafeIntegerAction<number, undefined>, v.MinValueAction<number, 0, undefined>]
>;

/**
 * A token count under the strict rules: a safe integer `>= 0`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { StrictCountSchema } from 'image-usage';
 *
 * v.is(StrictCountSchema, 52); // true
 * v.is(StrictCountSchema, 52.5); // false
 * ```
 */
export const StrictCountSchema: StrictCountSchemaType = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
