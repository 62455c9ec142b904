// The example edge functions in examples/, served for real: the Hono app by
// workerd, the Deno app by Deno.serve and the Bun app by Bun.serve, each on
// 127.0.0.1 with the packed package. One table of requests goes to each, byte
// for byte, each on a connection of its own with `Connection: close`, and each
// app must give every answer in the table and then close the connection.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sdkUsageWithoutOutputDetails as sdk, wireUsageWithNullOutputDetails as wire } from '../fixtures/samples.ts';
import { BIN, CONSUMER, ROOT, RUNTIME_ENV } from './paths.ts';
import { exchange, freePort, type RawRequest, type RunningServer, startServer } from './server.ts';

const exec = promisify(execFile);

const EXAMPLES = `${CONSUMER}examples/`;
const LISTENING = (output: string) => /Listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];

interface App {
  readonly name: string;
  start(): Promise<RunningServer>;
}

const apps: App[] = [
  {
    name: 'Cloudflare Workers with Hono, on workerd',
    async start() {
      const dir = `${EXAMPLES}cloudflare-hono/`;
      await build({
        absWorkingDir: dir,
        entryPoints: ['worker.ts'],
        bundle: true,
        format: 'esm',
        platform: 'neutral',
        conditions: ['workerd', 'worker', 'browser'],
        outfile: 'worker.bundle.js',
        logLevel: 'warning',
      });
      // workerd cannot be given port 0, so it gets a port that was free a moment ago (and another try if taken).
      for (let attempt = 1; ; attempt++) {
        const port = await freePort();
        const args = ['serve', 'workerd.capnp', '--socket-addr', `http=127.0.0.1:${port}`];
        try {
          return await startServer(BIN.workerd, args, { cwd: dir, env: RUNTIME_ENV, url: () => `http://127.0.0.1:${port}`, poll: true });
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
    },
  },
  {
    name: 'Deno.serve',
    start: () =>
      startServer(BIN.deno, ['run', '--allow-net', '--allow-env=PORT', 'examples/deno/main.ts'], {
        cwd: CONSUMER,
        env: { ...RUNTIME_ENV, PORT: '0' },
        url: LISTENING,
      }),
  },
  {
    name: 'Bun.serve',
    start: () =>
      startServer(BIN.bun, ['examples/bun/server.ts'], { cwd: CONSUMER, env: { ...RUNTIME_ENV, PORT: '0' }, url: LISTENING }),
  },
];

/** One request and the answer every app must give to it. */
interface Case {
  readonly name: string;
  /** POST unless given. */
  readonly method?: string;
  /** `/usage` unless given. */
  readonly path?: string;
  /** `application/json` unless given; `null` for none. */
  readonly type?: string | null;
  /** Sent with a Content-Length, or, as an array, in chunks without one. */
  readonly body?: Uint8Array | readonly Uint8Array[];
  readonly status: number;
  /** The JSON answer (`toEqual`), or the text of a non-JSON one. */
  readonly answer: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Bytes: text as UTF-8, numbers as they are. */
function bytes(...parts: (string | number[])[]): Uint8Array {
  return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));
}

const json = (value: unknown) => bytes(JSON.stringify(value));
const apiResponse = { created: 1713833628, data: [{ b64_json: 'iVBORw0KGgo=' }], usage: wire };
/** An API response with `raw` inside a string the schema ignores (`data[0].revised_prompt`). */
const inPrompt = (raw: number[]) =>
  bytes(`{"created":1713833628,"data":[{"b64_json":"iVBORw0KGgo=","revised_prompt":"a cat `, raw, ` in a hat"}],"usage":${JSON.stringify(wire)}}`);
const BOM = [0xef, 0xbb, 0xbf];
const ok = { usage: sdk, inconsistencies: [] };
const problem = (message: unknown) => ({ issues: [{ path: '', message }] });
const NOT_JSON = problem(expect.stringMatching(/^expected a JSON body, received one that is not \(.+\)$/));
const NOT_UTF8 = problem('expected a JSON body, received one that is not (invalid UTF-8)');
const TOO_LARGE = problem('expected a body of at most 65536 bytes, received more');
const EXACT = JSON.stringify(wire).padEnd(64 * 1024, ' ');

const cases: Case[] = [
  { name: 'a wire-form usage object', body: json(wire), status: 200, answer: ok },
  { name: 'an SDK-form usage object', body: json(sdk), status: 200, answer: ok },
  { name: 'an API response with a usage field', body: json(apiResponse), status: 200, answer: ok },
  {
    name: 'valid usage whose numbers do not add up',
    body: json({ ...apiResponse, usage: { ...wire, total_tokens: 4213 } }),
    status: 200,
    answer: {
      usage: { ...sdk, totalTokens: 4213 },
      inconsistencies: [{ rule: 'total', expected: 4212, received: 4213, message: 'totalTokens: expected inputTokens + outputTokens = 4212, received 4213' }],
    },
  },
  { name: 'non-ASCII text in a string the schema ignores', body: inPrompt([...Buffer.from('é ☕ 😀')]), status: 200, answer: ok },
  { name: 'a leading byte order mark', body: bytes(BOM, JSON.stringify(wire)), status: 200, answer: ok },
  { name: 'a leading byte order mark before an API response', body: bytes(BOM, JSON.stringify(apiResponse)), status: 200, answer: ok },
  { name: 'a body in chunks, without a Content-Length', body: [bytes('{"total_tokens":4212,'), bytes(JSON.stringify(wire).slice(1))], status: 200, answer: ok },
  { name: 'a body of exactly 64 KiB', body: bytes(EXACT), status: 200, answer: ok },
  { name: 'a JSON media type with parameters', type: 'application/json; charset=utf-8', body: json(wire), status: 200, answer: ok },
  { name: 'a +json media type', type: 'application/vnd.api+json', body: json(wire), status: 200, answer: ok },
  // RFC 8259 section 11 defines no charset parameter: JSON text is UTF-8 whatever the parameter says.
  { name: 'UTF-8 sent as charset=iso-8859-1', type: 'application/json; charset=iso-8859-1', body: inPrompt([...Buffer.from('é')]), status: 200, answer: ok },

  {
    name: 'a usage object with invalid fields',
    body: json({ ...wire, total_tokens: '4212', input_tokens_details: { text_tokens: 52, image_tokens: -1 } }),
    status: 400,
    answer: {
      issues: [
        { path: 'total_tokens', message: 'expected number, received "4212"' },
        { path: 'input_tokens_details.image_tokens', message: 'expected >=0, received -1' },
      ],
    },
  },
  {
    name: 'an API response whose usage is not valid',
    body: json({ ...apiResponse, usage: { ...wire, input_tokens: null } }),
    status: 400,
    answer: { issues: [{ path: 'usage.input_tokens', message: 'expected number, received null' }] },
  },
  { name: 'JSON that is a number', body: bytes('42'), status: 400, answer: problem('expected Object, received 42') },
  {
    name: 'JSON that is an array',
    body: bytes('[]'),
    status: 400,
    answer: problem('expected usage keys in snake_case (total_tokens, ...) or camelCase (totalTokens, ...), received Array without any'),
  },
  {
    name: 'JSON that is an empty object',
    body: bytes('{}'),
    status: 400,
    answer: problem('expected usage keys in snake_case (total_tokens, ...) or camelCase (totalTokens, ...), received Object without any'),
  },
  {
    name: 'an API response whose usage is null',
    body: bytes('{"usage":null}'),
    status: 400,
    answer: { issues: [{ path: 'usage', message: 'expected Object, received null' }] },
  },
  // A body that mixes both forms would lose one set of figures: every app refuses it.
  {
    name: 'a usage object that mixes both forms',
    body: json({ ...sdk, total_tokens: 999999 }),
    status: 400,
    answer: problem('expected snake_case (wire) or camelCase (SDK) usage keys, not both, received total_tokens and totalTokens'),
  },
  {
    name: 'an API response whose usage mixes both forms',
    body: json({ ...apiResponse, usage: { ...wire, inputTokens: 1 } }),
    status: 400,
    answer: { issues: [{ path: 'usage', message: 'expected snake_case (wire) or camelCase (SDK) usage keys, not both, received total_tokens and inputTokens' }] },
  },

  { name: 'a body that is not JSON', body: bytes('{"total_tokens": 4212,'), status: 400, answer: NOT_JSON },
  { name: 'an empty body', body: bytes(''), status: 400, answer: NOT_JSON },
  // Only one byte order mark is dropped: a second is U+FEFF, which JSON does not allow.
  { name: 'two byte order marks', body: bytes(BOM, BOM, JSON.stringify(wire)), status: 400, answer: NOT_JSON },

  // Invalid UTF-8 anywhere is a 400, even in a string the schema ignores (the WHATWG Encoding spec's fatal UTF-8 decode).
  { name: 'a lone continuation byte (80)', body: inPrompt([0x80]), status: 400, answer: NOT_UTF8 },
  { name: 'a byte that is never UTF-8 (FF)', body: inPrompt([0xff]), status: 400, answer: NOT_UTF8 },
  { name: 'Latin-1 text (caf E9)', body: inPrompt([0x63, 0x61, 0x66, 0xe9]), status: 400, answer: NOT_UTF8 },
  { name: "an overlong '/' (C0 AF)", body: inPrompt([0xc0, 0xaf]), status: 400, answer: NOT_UTF8 },
  { name: "an overlong '/' in three bytes (E0 80 AF)", body: inPrompt([0xe0, 0x80, 0xaf]), status: 400, answer: NOT_UTF8 },
  { name: 'an encoded surrogate (ED A0 80)', body: inPrompt([0xed, 0xa0, 0x80]), status: 400, answer: NOT_UTF8 },
  { name: 'a code point above U+10FFFF (F4 90 80 80)', body: inPrompt([0xf4, 0x90, 0x80, 0x80]), status: 400, answer: NOT_UTF8 },
  { name: 'a truncated sequence inside a string (E2 82)', body: inPrompt([0xe2, 0x82]), status: 400, answer: NOT_UTF8 },
  { name: 'a truncated sequence at the end of the body (E2 82)', body: bytes(JSON.stringify(wire), [0xe2, 0x82]), status: 400, answer: NOT_UTF8 },
  { name: 'invalid UTF-8 in a body sent in chunks', body: [inPrompt([0xff]).subarray(0, 20), inPrompt([0xff]).subarray(20)], status: 400, answer: NOT_UTF8 },

  ...['text/plain', 'application/x-www-form-urlencoded', 'application/jsonx', null].map((type) => ({
    name: `Content-Type ${type ?? 'missing'}`,
    type,
    body: json(wire),
    status: 400,
    answer: problem(`expected Content-Type application/json, received ${type ?? 'none'}`),
  })),

  { name: 'a body over 64 KiB', body: bytes(`${EXACT} `), status: 413, answer: TOO_LARGE },
  // 64 KiB in four chunks, then the byte too many: the server can only answer once every byte is sent.
  { name: 'a body over 64 KiB in chunks, without a Content-Length', body: [...Array(4).fill(bytes(' '.repeat(16 * 1024))), bytes(' ')], status: 413, answer: TOO_LARGE },

  ...['GET', 'DELETE'].map((method) => ({ name: method, method, type: null, status: 405, headers: { allow: 'POST' }, answer: problem(`expected method POST, received ${method}`) })),
  { name: 'PUT with a body', method: 'PUT', body: json(wire), status: 405, headers: { allow: 'POST' }, answer: problem('expected method POST, received PUT') },
  { name: 'another path', path: '/other', body: json(wire), status: 404, answer: 'Not Found' },
];

/** The request for a case. */
function rawRequest(row: Case): RawRequest {
  const type = row.type === undefined ? 'application/json' : row.type;
  return {
    method: row.method ?? 'POST',
    path: row.path ?? '/usage',
    headers: type === null ? {} : { 'content-type': type },
    ...(row.body === undefined ? {} : { body: row.body }),
  };
}

/** How long after its answer a server may take to close the connection. */
const CLOSE_MS = 1_000;

/** How many times the socket test sends each case. */
const REPEAT = 3;

test('the Deno example type-checks with Deno, against the packed package', async () => {
  const { stderr } = await exec(BIN.deno, ['check', 'examples/deno/main.ts'], { cwd: CONSUMER, env: RUNTIME_ENV, timeout: 50_000 });
  expect(stderr).toContain('Check');
});

test("the Bun example type-checks with Bun's types, against the packed package", async () => {
  // tsc exits non-zero, and so rejects, on a type error.
  const { stdout } = await exec(`${ROOT}node_modules/.bin/tsc`, ['-p', 'examples/bun/tsconfig.json'], { cwd: CONSUMER, timeout: 50_000 });
  expect(stdout).toBe('');
});

describe.each(apps)('POST /usage with $name', (app) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await app.start();
  });
  afterAll(async () => {
    await server?.stop();
  });

  test.each(cases)('$status for $name', async (row) => {
    const { status, headers, body } = await exchange(server.url, rawRequest(row), CLOSE_MS);
    expect(status).toBe(row.status);
    expect(headers).toMatchObject(row.headers ?? {});
    expect(typeof row.answer === 'string' ? body : JSON.parse(body)).toEqual(row.answer);
  });

  // One request at a time, each sent once the last one's connection closed (or CLOSE_MS passed): a body
  // stream left to the garbage collector keeps Deno's connection open until it is collected, which an
  // idle server does after some 10 s, and a busy one much sooner (with every case sent 4 times all at
  // once, none was left open).
  test(`holds no connection open for ${CLOSE_MS} ms after its answer: each case ${REPEAT} times, one at a time`, async () => {
    const open: string[] = [];
    for (const row of cases) {
      for (let time = 0; time < REPEAT; time++) {
        const { closedAfterMs } = await exchange(server.url, rawRequest(row), CLOSE_MS);
        if (closedAfterMs === undefined) open.push(row.name);
      }
    }
    expect(open).toEqual([]);
  });
});
