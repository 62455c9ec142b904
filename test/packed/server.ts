// Starts a server process for a test and stops it, both bounded in time, and
// talks HTTP/1.1 to it on a connection of its own, watching when it closes.
import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';

/** A running server: its base URL and how to stop it. */
export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** How long a server may take to start, and to stop before it is killed. */
const START_MS = 30_000;
const STOP_MS = 5_000;

/** A port that was free a moment ago on 127.0.0.1, for a server that cannot be given port 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `command`, then waits until `url` finds the server's address in what
 * the process printed so far and, with `poll`, until that address answers.
 * Rejects, having stopped the process, if it exits first or takes longer than
 * 30 s; `stop()` sends SIGTERM and, after 5 s, SIGKILL.
 */
export function startServer(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; url: (output: string) => string | undefined; poll?: boolean },
): Promise<RunningServer> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const running = () => spawnError === undefined && child.exitCode === null && child.signalCode === null;
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));

  async function stop(): Promise<void> {
    if (!running()) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_MS);
    await exited;
    clearTimeout(timer);
  }

  async function waitUntilReady(): Promise<string> {
    const deadline = Date.now() + START_MS;
    for (;;) {
      if (spawnError) throw spawnError;
      if (!running()) throw new Error('it exited before it was ready');
      if (Date.now() > deadline) throw new Error(`it was not ready after ${START_MS} ms`);
      const url = options.url(output);
      if (url !== undefined && (!options.poll || (await answers(url)))) return url.replace(/\/$/, '');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  return waitUntilReady().then(
    (url) => ({ url, stop }),
    async (error: Error) => {
      await stop();
      throw new Error(`${command} ${args.join(' ')}: ${error.message}\n${output}`);
    },
  );
}

/** Whether something answers HTTP at `url` within a second. */
function answers(url: string): Promise<boolean> {
  return fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
    async (response) => (await response.body?.cancel(), true),
    () => false,
  );
}

/** One request for `exchange`: `body` is sent with a Content-Length, or, as an array, in chunks without one. */
export interface RawRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Uint8Array | readonly Uint8Array[];
}

/** What `exchange` received, and when the server closed the connection. */
export interface Exchange {
  readonly status: number;
  /** The response headers, by lower-case name. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Milliseconds from the end of the answer to the server closing the connection; `undefined` if it had not. */
  readonly closedAfterMs: number | undefined;
}

/** How long `exchange` waits for an answer. */
const ANSWER_MS = 10_000;

/**
 * Sends one HTTP/1.1 request with `Connection: close` on a connection of its
 * own, reads the answer, then waits up to `closeMs` for the server to close
 * the connection. The client never closes it first: fetch and node:http close
 * or pool the connection themselves once the answer is in, which would hide a
 * server that holds it open. A reset counts as closed. A body the server
 * leaves unread should fit the socket buffers (the table's stay near 64 KiB):
 * a larger one can still be in writing when the server resets the connection,
 * and then Node drops the socket before it reads the answer.
 */
export function exchange(url: string, request: RawRequest, closeMs: number): Promise<Exchange> {
  const { hostname, port } = new URL(url);
  const chunked = Array.isArray(request.body);
  const framing = request.body === undefined ? {} : chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String((request.body as Uint8Array).byteLength) };
  const headers = { host: `${hostname}:${port}`, ...request.headers, ...framing, connection: 'close' };
  const head = `${request.method} ${request.path} HTTP/1.1\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;

  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    let answer: Omit<Exchange, 'closedAfterMs'> | undefined;
    let answeredAt = 0;
    const noAnswer = setTimeout(() => socket.destroy(new Error(`no answer within ${ANSWER_MS} ms`)), ANSWER_MS);
    let notClosed: NodeJS.Timeout | undefined;

    function finish(closedAfterMs: number | undefined): void {
      clearTimeout(noAnswer);
      clearTimeout(notClosed);
      socket.destroy();
      resolve({ ...answer!, closedAfterMs });
    }
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (answer === undefined && (answer = parseAnswer(received, false)) !== undefined) {
        answeredAt = performance.now();
        notClosed = setTimeout(() => finish(undefined), closeMs);
      }
    });
    socket.on('error', () => {}); // a reset or a write after the server closed: 'close' follows
    socket.on('close', () => {
      if (answer === undefined && (answer = parseAnswer(received, true)) === undefined) {
        clearTimeout(noAnswer);
        reject(new Error(`${request.method} ${request.path}: the connection closed without an answer (${received.length} bytes)`));
        return;
      }
      finish(answeredAt === 0 ? 0 : performance.now() - answeredAt);
    });

    socket.write(head);
    if (chunked) {
      for (const chunk of request.body as Uint8Array[]) socket.write(Buffer.concat([Buffer.from(`${chunk.byteLength.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]));
      socket.write('0\r\n\r\n');
    } else if (request.body !== undefined) {
      socket.write(request.body as Uint8Array);
    }
  });
}

/**
 * The answer in `bytes` once it is complete: by its Content-Length, by its last
 * chunk, or, with neither, when the connection has closed (`closed`).
 */
function parseAnswer(bytes: Buffer, closed: boolean): Omit<Exchange, 'closedAfterMs'> | undefined {
  const end = bytes.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const [statusLine, ...lines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  const status = Number(statusLine!.split(' ')[1]);
  let rest = bytes.subarray(end + 4);
  if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    if (rest.length < length) return undefined;
    return { status, headers, body: rest.subarray(0, length).toString('utf8') };
  }
  if (headers['transfer-encoding'] === 'chunked') {
    const body: Buffer[] = [];
    for (;;) {
      const lineEnd = rest.indexOf('\r\n');
      if (lineEnd === -1) return undefined;
      const size = parseInt(rest.subarray(0, lineEnd).toString('latin1'), 16);
      if (rest.length < lineEnd + 2 + size + 2) return undefined;
      if (size === 0) return { status, headers, body: Buffer.concat(body).toString('utf8') };
      body.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
      rest = rest.subarray(lineEnd + 2 + size + 2);
    }
  }
  return closed ? { status, headers, body: rest.toString('utf8') } : undefined;
}
