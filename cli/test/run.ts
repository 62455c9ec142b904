import { spawnSync } from 'node:child_process';
import { BIN, ENV, USER } from './paths.ts';

/** What a run of the command gave. */
export interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** How a test runs the command. */
export interface RunOptions {
  /** Standard input; none: an empty pipe. */
  readonly input?: string;
  /** Variables set over ENV (`undefined` unsets one). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The program to run instead of the installed bin (`npx` and its arguments). */
  readonly command?: readonly string[];
}

/** Runs the installed command in the user's project, as a user would from a shell, with pipes for its output. */
export function run(args: readonly string[], { input = '', env = {}, command = [BIN] }: RunOptions = {}): Ran {
  const environment = Object.fromEntries(Object.entries({ ...ENV, ...env }).filter(([, value]) => value !== undefined));
  const [program, ...rest] = command;
  const result = spawnSync(program!, [...rest, ...args], { cwd: USER, env: environment, input, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 28 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The JSON of a report (`--json`), with its status and standard error. */
export function runJson(args: readonly string[], options: RunOptions = {}): { status: number | null; stderr: string; json: Report } {
  const { status, stdout, stderr } = run(['report', '--json', ...args], options);
  return { status, stderr, json: JSON.parse(stdout) as Report };
}

/** A group's sums in the JSON. */
export interface Sums {
  readonly requests: number;
  readonly images: number;
  readonly inputTextTokens: number;
  readonly inputImageTokens: number;
  readonly cachedInputTokens: number;
  readonly outputTextTokens: number;
  readonly outputImageTokens: number;
  readonly totalTokens: number;
  readonly cost: number | null;
  readonly costExact: string | null;
  readonly unpricedRequests: number;
  readonly reportedCost: number | null;
  readonly reportedCostExact: string | null;
  readonly reportedRequests: number;
  readonly difference: number | null;
  readonly differenceExact: string | null;
}

/** A model's row. */
export interface ModelRow extends Sums {
  readonly model: string | null;
  readonly prices: string[];
}

/** The JSON of a report. */
export interface Report {
  readonly by: 'model' | 'day' | 'month';
  readonly timeZone: string;
  readonly since: string | null;
  readonly until: string | null;
  readonly currency: string;
  readonly catalog: string;
  readonly rows: (ModelRow & Sums & { readonly day?: string | null; readonly month?: string | null; readonly models?: ModelRow[] })[];
  readonly total: Sums;
  readonly lines: Record<'read' | 'requests' | 'chunks' | 'withoutUsage' | 'unbilled' | 'outOfRange' | 'broken', number>;
  readonly problems: {
    readonly broken: { line: number; message: string }[];
    readonly unbilled: { line: number; message: string }[];
    readonly unpriced: { model: string | null; requests: number; firstLine: number; reason: string }[];
  };
}

/** A log of JSON lines. */
export const jsonl = (...lines: unknown[]): string => lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n';

/** A wire-form usage object with output details: text in, image out. */
export function wire(text: number, image: number, outputImage: number, outputText = 0): Record<string, unknown> {
  return {
    total_tokens: text + image + outputImage + outputText,
    input_tokens: text + image,
    output_tokens: outputImage + outputText,
    input_tokens_details: { text_tokens: text, image_tokens: image },
    output_tokens_details: { text_tokens: outputText, image_tokens: outputImage },
  };
}

/** An Images API body of one image. */
export const imagesBody = (usage: unknown, created = 1_781_048_029): Record<string, unknown> => ({ created, data: [{ b64_json: '<cut>' }], usage });
