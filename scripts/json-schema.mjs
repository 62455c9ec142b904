// Writes the JSON Schemas (draft 2020-12) of the usage object to json-schema/ (at the
// package root, so that `image-usage/json-schema/wire.json` resolves even without
// `exports`, under node10 resolution),
// converted from the built valibot schemas by @valibot/to-json-schema. Run by
// `npm run build` after tsup. Each valibot schema is `v.pipe(v.object(...), v.transform(...))`
// (the strict ones end with the consistency check too): only the `v.object` at
// `pipe[0]` describes the input, so that is what is converted.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { toJsonSchema } from '@valibot/to-json-schema';
import {
  ImageUsageSchema,
  StrictImageUsageSchema,
  StrictWireImageUsageSchema,
  WireImageUsageSchema,
} from '../dist/index.js';

const outDir = new URL('../json-schema/', import.meta.url);
rmSync(outDir, { recursive: true, force: true });

const files = [
  {
    file: 'wire.json',
    schema: WireImageUsageSchema,
    title: 'WireImageUsage',
    description:
      'The token usage of one image generation in the API\'s snake_case JSON form, under the default rules of image-usage: every count a number >= 0. output_tokens_details may be absent or null. The sums are not checked.',
  },
  {
    file: 'sdk.json',
    schema: ImageUsageSchema,
    title: 'ImageUsage',
    description:
      'The token usage of one image generation in the SDK\'s camelCase form, under the default rules of image-usage: every count a number >= 0. outputTokensDetails may be absent. The sums are not checked.',
  },
  {
    file: 'wire.strict.json',
    schema: StrictWireImageUsageSchema,
    title: 'StrictWireImageUsage',
    description:
      'The wire form under the shape of the strict rules of image-usage: every count a safe integer >= 0. The strict rules also want the sums to hold (total = input + output, input = text + image, output = text + image), which JSON Schema cannot express: check them in code.',
  },
  {
    file: 'sdk.strict.json',
    schema: StrictImageUsageSchema,
    title: 'StrictImageUsage',
    description:
      'The SDK form under the shape of the strict rules of image-usage: every count a safe integer >= 0. The strict rules also want the sums to hold (total = input + output, input = text + image, output = text + image), which JSON Schema cannot express: check them in code.',
  },
];

mkdirSync(outDir, { recursive: true });
for (const { file, schema, title, description } of files) {
  const converted = toJsonSchema(schema.pipe[0], {
    target: 'draft-2020-12',
    // `v.finite()` has no JSON Schema keyword, and needs none: a JSON number is
    // always finite (JSON has no NaN or Infinity). Any other action the
    // converter cannot express still fails the build.
    overrideAction: ({ valibotAction, jsonSchema }) => (valibotAction.type === 'finite' ? jsonSchema : undefined),
  });
  const { $schema, ...rest } = converted;
  const output = { $schema, title, description, ...rest };
  writeFileSync(new URL(file, outDir), `${JSON.stringify(output, null, 2)}\n`);
}
