// POST /usage as a Cloudflare Worker with Hono, validated by
// @hono/standard-validator with image-usage's valibot schemas (Standard
// Schema v1). Same contract as ../edge/handleUsage.ts, and the same decoding of
// the body, ../edge/decodeJsonText.ts (copy it too).
// Deploy with wrangler (`main = "worker.ts"`), or bundle it and serve it with
// workerd: see workerd.capnp.
import { sValidator } from '@hono/standard-validator';
import { checkImageUsage, WireOrSdkImageUsageSchema } from 'image-usage';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import * as v from 'valibot';
import { decodeJsonText } from '../edge/decodeJsonText.ts';

/** The largest body accepted, in bytes. */
const MAX_BODY_BYTES = 64 * 1024;

/** An image API response: the usage object, in either form, is its `usage` field. */
const ResponseBodySchema = v.pipe(
  v.object({ usage: WireOrSdkImageUsageSchema }),
  v.transform((body) => body.usage),
);

/** The body: a whole response or a usage object on its own. */
const BodySchema = v.lazy((input: unknown) =>
  typeof input === 'object' && input !== null && 'usage' in input && !('total_tokens' in input) && !('totalTokens' in input)
    ? ResponseBodySchema
    : WireOrSdkImageUsageSchema,
);

/** A JSON media type: `application/json` or `application/*+json`. */
const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** One problem with a request, as JSON. */
function problem(message: string): { issues: { path: string; message: string }[] } {
  return { issues: [{ path: '', message }] };
}

/** The problem with a body that is not JSON, and why. */
function notJson(reason: string): { issues: { path: string; message: string }[] } {
  return problem(`expected a JSON body, received one that is not (${reason})`);
}

const app = new Hono();

app.post(
  '/usage',
  // Hono's JSON validator reads a body only with a JSON Content-Type: say so rather than validate nothing.
  async (c, next) => {
    const type = c.req.header('content-type')?.split(';')[0]!.trim() ?? '';
    if (!JSON_TYPE.test(type)) return c.json(problem(`expected Content-Type application/json, received ${type || 'none'}`), 400);
    await next();
  },
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json(problem(`expected a body of at most ${MAX_BODY_BYTES} bytes, received more`), 413),
  }),
  // Hono's JSON validator parses c.req.json(), which decodes with Request.text(): invalid bytes become
  // U+FFFD and workerd keeps a BOM. So decode the body here, as the other apps do, and leave the text
  // where c.req.json() looks first, in the body cache. Hono keeps a promise there for each reading,
  // though its type names the value (c.req.json() calls .then on it), hence the cast.
  async (c, next) => {
    let text: string;
    try {
      text = decodeJsonText(await c.req.arrayBuffer());
    } catch (error) {
      return c.json(notJson((error as Error).message), 400);
    }
    c.req.bodyCache.text = Promise.resolve(text) as unknown as string;
    await next();
  },
  sValidator('json', BodySchema, (result, c) => {
    if (!result.success) {
      const issues = result.error.map((issue) => ({
        path: (issue.path ?? []).map((item) => String(typeof item === 'object' ? item.key : item)).join('.'),
        message: issue.message,
      }));
      return c.json({ issues }, 400);
    }
  }),
  (c) => {
    const usage = c.req.valid('json');
    return c.json({ usage, inconsistencies: checkImageUsage(usage) });
  },
);

app.all('/usage', (c) => c.json(problem(`expected method POST, received ${c.req.method}`), 405, { allow: 'POST' }));

// The same 404 as ../edge/handleUsage.ts (Hono's own says `404 Not Found`).
app.notFound((c) => c.text('Not Found', 404));

// Hono's JSON validator throws a 400 HTTPException for a body that is not JSON.
app.onError((error, c) => {
  if (error instanceof HTTPException && error.status === 400) return c.json(notJson(error.message), 400);
  console.error(error);
  return c.text('Internal Server Error', 500);
});

export default app;
