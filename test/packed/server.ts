// Starts a server process for a test and stops it, both bounded in time.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

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
