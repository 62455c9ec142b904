// Writes the JSON Schemas (draft 2020-12) of the usage object to json-schema/ (at the
// package root, so that `image-usage/json-schema/wire.json` resolves even without
// `exports`, under node10 resolution), converted from the built valibot schemas by
// @valibot/to-json-schema. Run by `npm run build` after tsup. One file per form of
// the description (dist/_shape.js) and per rules: `<form>.json` and `<form>.strict.json`.
// Each valibot schema is `v.pipe(v.object(...), v.transform(...))` (the strict ones end
// with the consistency check too): only the `v.object` at `pipe[0]` describes the input,
// so that is what is converted.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { toJsonSchema } from '@valibot/to-json-schema';
import { _FORMS } from '../dist/_shape.js';
import * as schemas from '../dist/index.js';

const outDir = new URL('../json-schema/', import.meta.url);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

/** How each form is named in a description. */
const FORM_NAMES = { sdk: "the SDK's camelCase form", wire: "the API's snake_case JSON form" };

for (const [form, keys] of Object.entries(_FORMS)) {
  for (const strict of [false, true]) {
    const title = `${strict ? 'Strict' : ''}${form === 'wire' ? 'Wire' : ''}ImageUsage`;
    const schema = schemas[`${title}Schema`];
    const absent = `${keys.details[1]}, ${keys.cached[0]} and ${keys.cached[1]} may be absent${keys.absent.includes(null) ? ` (the details objects also null)` : ''}.`;
    const description = strict
      ? `The token usage of one image generation in ${FORM_NAMES[form]}, under the shape of the strict rules of image-usage: every count a safe integer >= 0. ${absent} The strict rules also want the sums to hold (total = input + output, input = text + image, output = text + image, cached = cached text + cached image) and no cached count to pass its input count, which JSON Schema cannot express: check them in code.`
      : `The token usage of one image generation in ${FORM_NAMES[form]}, under the default rules of image-usage: every count a number >= 0. ${absent} The sums are not checked.`;
    const converted = toJsonSchema(schema.pipe[0], {
      target: 'draft-2020-12',
      // `v.finite()` has no JSON Schema keyword, and needs none: a JSON number is
      // always finite (JSON has no NaN or Infinity). Any other action the
      // converter cannot express still fails the build.
      overrideAction: ({ valibotAction, jsonSchema }) => (valibotAction.type === 'finite' ? jsonSchema : undefined),
    });
    const { $schema, ...rest } = converted;
    writeFileSync(new URL(`${form}${strict ? '.strict' : ''}.json`, outDir), `${JSON.stringify({ $schema, title, description, ...rest }, null, 2)}\n`);
  }
}
