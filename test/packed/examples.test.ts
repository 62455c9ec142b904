// The example edge functions in examples/, served for real: the Hono app by
// workerd, the Deno app by Deno.serve and the Bun app by Bun.serve, each on
// 127.0.0.1 with the packed package. The same requests go to each, with fetch.
import { execFile } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sdkUsageWithoutOutputDetails as sdk, wireUsageWithNullOutputDetails as wire } from '../fixtures/samples.ts';
import { BIN, CONSUMER, ROOT, RUNTIME_ENV } from './paths.ts';
import { freePort, type RunningServer, startServer } from './server.ts';

const exec = promisify(execFile);

/** POSTs JSON in chunks (Transfer-Encoding: chunked, no Content-Length) and resolves to the status. */
function postChunked(url: string, chunks: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json' }, timeout: 10_000 }, (response) => {
      response.resume();
      resolve(response.statusCode!);
    });
    request.on('error', reject);
    request.on('timeout', () => request.destroy(new Error('no answer within 10 s')));
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

const EXAMPLES = `${CONSUMER}examples/`;
const LISTENING = (output: string) => /Listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];

interface App {
  readonly name: string;
  /** Whether the issue messages are image-usage's own (`path: expected ..., received ...`) rather than valibot's. */
  readonly packageMessages: boolean;
  start(): Promise<RunningServer>;
}

const apps: App[] = [
  {
    name: 'Cloudflare Workers with Hono, on workerd',
    packageMessages: false,
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
    packageMessages: true,
    start: () =>
      startServer(BIN.deno, ['run', '--allow-net', '--allow-env=PORT', 'examples/deno/main.ts'], {
        cwd: CONSUMER,
        env: { ...RUNTIME_ENV, PORT: '0' },
        url: LISTENING,
      }),
  },
  {
    name: 'Bun.serve',
    packageMessages: true,
    start: () =>
      startServer(BIN.bun, ['examples/bun/server.ts'], { cwd: CONSUMER, env: { ...RUNTIME_ENV, PORT: '0' }, url: LISTENING }),
  },
];

const apiResponse = { created: 1713833628, data: [{ b64_json: 'iVBORw0KGgo=' }], usage: wire };

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

  async function post(body: string, init: RequestInit = {}) {
    const response = await fetch(`${server.url}/usage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(10_000),
      ...init,
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  }

  test('200 with the usage in the SDK form and no inconsistencies, for a wire-form usage object', async () => {
    expect(await post(JSON.stringify(wire))).toMatchObject({ status: 200, body: { usage: sdk, inconsistencies: [] } });
  });

  test('200 for an SDK-form usage object, and for a whole API response with a usage field', async () => {
    expect(await post(JSON.stringify(sdk))).toMatchObject({ status: 200, body: { usage: sdk, inconsistencies: [] } });
    expect(await post(JSON.stringify(apiResponse))).toMatchObject({ status: 200, body: { usage: sdk, inconsistencies: [] } });
  });

  test('200 with the inconsistencies, for valid usage whose numbers do not add up', async () => {
    const { status, body } = await post(JSON.stringify({ ...apiResponse, usage: { ...wire, total_tokens: 4213 } }));
    expect(status).toBe(200);
    expect(body).toEqual({
      usage: { ...sdk, totalTokens: 4213 },
      inconsistencies: [
        { rule: 'total', expected: 4212, received: 4213, message: 'totalTokens: expected inputTokens + outputTokens = 4212, received 4213' },
      ],
    });
  });

  test('400 with an issue per field, for a body that is not valid usage', async () => {
    const bad = { ...wire, total_tokens: '4212', input_tokens_details: { text_tokens: 52, image_tokens: -1 } };
    const { status, body } = await post(JSON.stringify(bad));
    expect(status).toBe(400);
    expect(body.issues.map((issue: { path: string }) => issue.path)).toEqual(['total_tokens', 'input_tokens_details.image_tokens']);
    expect(body.issues[0].message).toContain('"4212"');
    expect(body.issues[1].message).toContain('-1');
    if (app.packageMessages) {
      expect(body.issues.map((issue: { message: string }) => issue.message)).toEqual([
        'total_tokens: expected number, received "4212"',
        'input_tokens_details.image_tokens: expected >=0, received -1',
      ]);
    }
  });

  test('400 with paths into the response, for an API response whose usage is not valid', async () => {
    const { status, body } = await post(JSON.stringify({ ...apiResponse, usage: { ...wire, input_tokens: null } }));
    expect(status).toBe(400);
    expect(body.issues.map((issue: { path: string }) => issue.path)).toEqual(['usage.input_tokens']);
  });

  test('400 for JSON that is not a usage object at all', async () => {
    for (const json of ['42', '[]', '{}', '{"usage":null}']) {
      const { status, body } = await post(json);
      expect([json, status]).toEqual([json, 400]);
      expect(body.issues.length).toBeGreaterThan(0);
    }
  });

  test('400 for a body that is not JSON', async () => {
    const { status, body } = await post('{"total_tokens": 4212,');
    expect(status).toBe(400);
    expect(body.issues).toEqual([{ path: '', message: expect.stringMatching(/^expected a JSON body, received one that is not/) }]);
  });

  test('400 for a body not sent as JSON, and 200 for a JSON media type with parameters or a +json suffix', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonx']) {
      const { status, body } = await post(JSON.stringify(wire), { headers: { 'content-type': type } });
      expect([type, status, body]).toEqual([type, 400, { issues: [{ path: '', message: `expected Content-Type application/json, received ${type}` }] }]);
    }
    for (const type of ['application/json; charset=utf-8', 'application/vnd.api+json']) {
      const { status } = await post(JSON.stringify(wire), { headers: { 'content-type': type } });
      expect([type, status]).toEqual([type, 200]);
    }
  });

  test('413 for a body over 64 KiB, and 200 for one of exactly 64 KiB', async () => {
    const exact = JSON.stringify(wire).padEnd(64 * 1024, ' ');
    expect(await post(exact)).toMatchObject({ status: 200, body: { usage: sdk } });
    const { status, body } = await post(`${exact} `);
    expect(status).toBe(413);
    expect(body.issues).toEqual([{ path: '', message: 'expected a body of at most 65536 bytes, received more' }]);
  });

  test('413 for a body over 64 KiB sent in chunks, without a Content-Length', async () => {
    // 64 KiB in four chunks, then the byte too many: the server can only answer once every byte is sent,
    // so that its answer does not race the client's writes.
    const chunks = [...Array(4).fill(' '.repeat(16 * 1024)), ' '];
    expect(await postChunked(`${server.url}/usage`, chunks)).toBe(413);
  });

  test('405, allowing POST, for other methods', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await fetch(`${server.url}/usage`, { method, signal: AbortSignal.timeout(10_000) });
      expect([method, response.status, response.headers.get('allow')]).toEqual([method, 405, 'POST']);
      expect(((await response.json()) as any).issues[0].message).toBe(`expected method POST, received ${method}`);
    }
  });

  test('404 for other paths', async () => {
    const response = await fetch(`${server.url}/other`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(10_000) });
    expect(response.status).toBe(404);
    await response.body?.cancel();
  });
});
