// POST /usage for any runtime with web-standard Request and Response (Deno,
// Bun, workers): the shared handler of the Deno and Bun examples. Copy this
// file and ./decodeJsonText.ts beside your server.
//
// The body is an image API response with a `usage` field, or a usage object on
// its own, in the wire form (snake_case) or the SDK form (camelCase). Answers:
//   200 { usage, inconsistencies }      usage in the SDK form, inconsistencies from checkImageUsage
//   400 { issues: [{ path, message }] } not valid usage, not JSON (or not UTF-8: see decodeJsonText.ts),
//                                       or not sent as JSON (Content-Type)
//   413 { issues: [...] }               a body over 64 KiB
//   405 { issues: [...] }               a method other than POST
//   404                                 any other path
import { checkImageUsage, safeParseImageUsage } from 'image-usage';
import { decodeJsonText } from './decodeJsonText.ts';

/** The largest body accepted, in bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

/** One problem with a request: `path` is where in the body (`''` for the body itself). */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** A JSON response. */
function json(status: number, body: unknown, headers?: Record<string, string>): Response {
  return Response.json(body, headers ? { status, headers } : { status });
}

/** A JSON error response with one problem about the body as a whole. */
function problem(status: number, message: string, headers?: Record<string, string>): Response {
  return json(status, { issues: [{ path: '', message }] satisfies Problem[] }, headers);
}

/** A JSON media type: `application/json` or `application/*+json`. */
const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * Reads the body, or returns `undefined` once it passes `limit` bytes (without
 * reading the rest). The reader is cancelled on the way out, whatever happened:
 * Deno.serve keeps the connection of a body left locked and unfinished open
 * until the garbage collector takes the stream, about 10 s on an idle server
 * (sooner under load). Once the body is read to its end, cancelling does nothing.
 */
async function readBody(request: Request, limit: number): Promise<Uint8Array | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return undefined;
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  try {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) return undefined;
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes;
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/** Whether a parsed body is a whole API response (a `usage` field and no usage keys of its own). */
function isResponseBody(body: unknown): body is { usage: unknown } {
  return typeof body === 'object' && body !== null && 'usage' in body && !('total_tokens' in body) && !('totalTokens' in body);
}

/**
 * Answers `POST /usage` with the usage object in the SDK form and its
 * inconsistencies, or with the problems of the request.
 *
 * @param request The request.
 * @returns The response.
 *
 * @example
 * ```ts
 * Deno.serve({ port: 8000 }, handleUsage);
 * Bun.serve({ port: 3000, fetch: handleUsage });
 * export default { fetch: handleUsage }; // a Cloudflare Worker
 * ```
 */
export async function handleUsage(request: Request): Promise<Response> {
  if (new URL(request.url).pathname !== '/usage') return new Response('Not Found', { status: 404 });
  if (request.method !== 'POST') return problem(405, `expected method POST, received ${request.method}`, { allow: 'POST' });

  const type = request.headers.get('content-type')?.split(';')[0]!.trim() ?? '';
  if (!JSON_TYPE.test(type)) return problem(400, `expected Content-Type application/json, received ${type || 'none'}`);

  let body: unknown;
  try {
    // Decoded only once read to the end, so that a decoding error never stops the reading half-way.
    const bytes = await readBody(request, MAX_BODY_BYTES);
    if (bytes === undefined) return problem(413, `expected a body of at most ${MAX_BODY_BYTES} bytes, received more`);
    body = JSON.parse(decodeJsonText(bytes));
  } catch (error) {
    return problem(400, `expected a JSON body, received one that is not (${(error as Error).message})`);
  }

  const [usage, at] = isResponseBody(body) ? [body.usage, ['usage']] : [body, []];
  const result = safeParseImageUsage(usage);
  if (!result.success) {
    const issues: Problem[] = result.issues.map((issue) => ({
      path: [...at, ...(issue.path ?? []).map((item) => String(item.key))].join('.'),
      message: issue.message,
    }));
    return json(400, { issues });
  }
  return json(200, { usage: result.output, inconsistencies: checkImageUsage(result.output) });
}
