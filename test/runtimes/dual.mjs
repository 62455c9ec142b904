// Both builds in one process, as when a CommonJS dependency requires the
// package that an ES module imports: Node loads dist/index.js and
// dist/index.cjs side by side, each with valibot's build of the same kind.
// Prints what the two copies share and what they do not, for
// runtimes.test.ts, which runs it with Node in the consumer project.
import { createRequire } from 'node:module';
import * as esm from 'image-usage';
import * as esmValibot from 'valibot';

const require = createRequire(import.meta.url);
const cjs = require('image-usage');
const cjsValibot = require('valibot');

/** What parseImageUsage throws for the input, or `undefined`. */
function thrownBy(api, input) {
  try {
    api.parseImageUsage(input);
  } catch (error) {
    return error;
  }
  return undefined;
}

const wire = { total_tokens: 4212, input_tokens: 52, output_tokens: 4160, input_tokens_details: { text_tokens: 52, image_tokens: 0 } };
const broken = { ...wire, total_tokens: '4212', input_tokens: -1 };
const prices = { inputText: 5, inputImage: 10, outputImage: 40 };

/** Every helper's answer for the same inputs, in one build. */
function answers(api) {
  const usage = api.parseImageUsage(wire);
  const issues = api.safeParseImageUsage(broken).issues;
  return {
    parse: usage,
    strict: api.parseImageUsage(wire, { strict: true }),
    issues: issues.map(({ path, message }) => ({ path: path.map(({ key }) => key), message })),
    is: [api.isImageUsage(usage), api.isImageUsage(wire)],
    check: api.checkImageUsage({ ...usage, totalTokens: 1 }),
    sum: api.sumImageUsage([usage, usage]),
    ratio: api.ratio(1, 4),
    toWire: api.toWire(usage),
    cost: api.estimateCost(usage, prices),
    schema: esmValibot.safeParse(api.WireOrSdkImageUsageSchema, broken).issues.map(({ message }) => message),
  };
}

const fromEsm = thrownBy(esm, broken);
const fromCjs = thrownBy(cjs, broken);

const shared = {
  files: [import.meta.resolve('image-usage'), require.resolve('image-usage')],
  sameModule: esm === cjs,
  sameClass: esm.ImageUsageError === cjs.ImageUsageError,
  names: [fromEsm?.name, fromCjs?.name],
  errors: [fromEsm instanceof Error, fromCjs instanceof Error],
  ownInstanceof: [fromEsm instanceof esm.ImageUsageError, fromCjs instanceof cjs.ImageUsageError],
  otherInstanceof: [fromEsm instanceof cjs.ImageUsageError, fromCjs instanceof esm.ImageUsageError],
  messages: [fromEsm?.message, fromCjs?.message],
  answers: [answers(esm), answers(cjs)],
};

// valibot's global configuration is valibot's: one per copy of valibot, so per build here.
esmValibot.setGlobalConfig({ abortEarly: true });
const abortEarly = {
  esm: esm.safeParseImageUsage(broken).issues.length,
  cjs: cjs.safeParseImageUsage(broken).issues.length,
};
esmValibot.deleteGlobalConfig();
cjsValibot.setGlobalConfig({ abortEarly: true });
abortEarly.cjsAfterCjsConfig = cjs.safeParseImageUsage(broken).issues.length;
cjsValibot.deleteGlobalConfig();

console.log(JSON.stringify({ ...shared, abortEarly }));
