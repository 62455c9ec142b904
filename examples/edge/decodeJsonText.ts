// How every example app turns a request body into JSON text, so that they
// agree on every byte: the Deno and Bun apps through ./handleUsage.ts, the
// Hono worker directly. Copy this file with handleUsage.ts.
//
// RFC 8259 section 8.1: JSON text exchanged between systems MUST be UTF-8, and
// a parser MAY ignore a byte order mark. So this is the WHATWG Encoding spec's
// "UTF-8 decode", which drops a leading BOM, in its fatal mode, which rejects
// every byte sequence that is not UTF-8 (stray or truncated sequences, overlong
// forms, encoded surrogates) wherever it is, even in a string that nobody
// reads. TextDecoder does exactly this in Deno, Bun and workerd. Request.text(),
// which Hono's c.req.json() uses, does not: it turns invalid bytes into U+FFFD,
// and in workerd it keeps the BOM, which JSON.parse then rejects.

/**
 * Decodes a JSON body: UTF-8, with a leading byte order mark ignored.
 *
 * @param bytes The body.
 * @returns The JSON text.
 * @throws A `TypeError` with the message `invalid UTF-8` if the body is not UTF-8.
 */
export function decodeJsonText(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // One message in every runtime: each TextDecoder words its own, and Deno's does not name UTF-8.
    throw new TypeError('invalid UTF-8');
  }
}
