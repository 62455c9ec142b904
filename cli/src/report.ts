// `image-usage report`: reads the options, the --prices file and the log,
// prints the bill to standard output and the problems to standard error, and
// gives the exit status.
import { open, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ImagePrices } from 'image-usage';
import { version } from '../package.json';
import { type Args, EXIT, HELP, readArgs } from './args.ts';
import { type Bill, BillReader, LISTED } from './bill.ts';
import { readLines } from './lines.ts';
import { PriceBook } from './prices.ts';
import { Progress, progressWanted, type ProgressStream } from './progress.ts';
import { renderJson, renderTable } from './table.ts';
import { describe } from './time.ts';

/** The streams and environment the command runs with. */
export interface Io {
  readonly stdin: AsyncIterable<Buffer | string> & { readonly isTTY?: boolean };
  readonly stdout: { readonly isTTY?: boolean; readonly columns?: number; write(text: string): unknown };
  readonly stderr: ProgressStream;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** A command that cannot run: its message and exit status. */
class Refusal extends Error {
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.status = status;
  }
}

const PRICE_KEYS = ['inputText', 'inputImage', 'outputImage', 'outputText', 'cachedInputText', 'cachedInputImage'] as const;
const REQUIRED: readonly string[] = ['inputText', 'inputImage', 'outputImage'];

/** The --prices file: ImagePrices by model name. */
async function readPrices(path: string): Promise<Map<string, ImagePrices>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Refusal(`--prices: cannot read ${path}: ${(error as Error).message}`, EXIT.noInput);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Refusal(`--prices ${path}: not JSON: ${(error as Error).message}`, EXIT.data);
  }
  const bad = (where: string, expected: string, received: unknown): Refusal =>
    new Refusal(`--prices ${path}: ${where}: expected ${expected}, received ${describe(received)}`, EXIT.data);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw bad('(root)', 'an object of prices by model name', json);
  const prices = new Map<string, ImagePrices>();
  for (const [model, entry] of Object.entries(json)) {
    const where = JSON.stringify(model);
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw bad(where, 'an object of prices per million tokens', entry);
    const record = entry as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!(PRICE_KEYS as readonly string[]).includes(key)) throw bad(`${where}.${key}`, `one of the keys ${PRICE_KEYS.join(', ')}`, key);
      const value = record[key];
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw bad(`${where}.${key}`, 'a price per million tokens, a number >= 0', value);
    }
    for (const key of REQUIRED) if (!(key in record)) throw bad(`${where}.${key}`, 'a price per million tokens, a number >= 0', undefined);
    prices.set(model, record as unknown as ImagePrices);
  }
  return prices;
}

/** The catalog's name and version, as the bill was priced from. */
function catalogVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    let dir = dirname(require.resolve('@pydantic/genai-prices'));
    for (let up = 0; up < 3; up++, dir = dirname(dir)) {
      try {
        const pkg = require(join(dir, 'package.json')) as { name?: string; version?: string };
        if (pkg.name === '@pydantic/genai-prices') return `${pkg.name} ${pkg.version ?? '?'}`;
      } catch {
        // not here: one folder up
      }
    }
  } catch {
    // not resolvable this way
  }
  return '@pydantic/genai-prices';
}

const plural = (count: number, one: string, many = `${one}s`): string => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
const lineList = (lines: readonly number[], count: number): string => `line${count === 1 ? '' : 's'} ${lines.join(', ')}${count > lines.length ? ', …' : ''}`;

/** What went wrong, for standard error, after the bill; the exit status. */
function problems(bill: Bill): { text: string; status: number } {
  const out: string[] = [];
  const { lines } = bill;
  let status: number = EXIT.ok;
  if (lines.broken > 0) {
    status |= EXIT.broken;
    const more = lines.broken - bill.broken.length;
    out.push(
      `image-usage: ${plural(lines.broken, 'broken line')} left out of the bill${more > 0 ? ` (the first ${LISTED} listed above, ${more.toLocaleString('en-US')} more)` : ' (listed above)'}`,
    );
  }
  for (const { model, requests, firstLine, reason } of bill.unpriced) {
    status |= EXIT.unpriced;
    const what = plural(requests, 'request');
    out.push(
      model === undefined
        ? `image-usage: ${what} with no model (first on line ${firstLine}): give --model NAME, or a "model" in the record`
        : `image-usage: no price for ${model} (${what}, first on line ${firstLine}): ${reason}`,
    );
  }
  if (lines.unbilled > 0) {
    status |= EXIT.unpriced;
    out.push(
      `image-usage: ${plural(lines.unbilled, 'response')} with images but no usage, not billed (${lineList(
        bill.unbilled.map(({ line }) => line),
        lines.unbilled,
      )})`,
    );
  }
  return { text: out.map((line) => `${line}\n`).join(''), status };
}

/** Runs the command; returns its exit status. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const command = readArgs(argv);
  if (command.kind === 'help') {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  if (command.kind === 'version') {
    io.stdout.write(`image-usage-cli ${version} (prices: ${catalogVersion()})\n`);
    return EXIT.ok;
  }
  if (command.kind === 'usage') {
    io.stderr.write(`image-usage: ${command.message} (see image-usage --help)\n`);
    return EXIT.usage;
  }
  try {
    return await report(command.args, io);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    io.stderr.write(`image-usage: ${error.message}\n`);
    return error.status;
  }
}

/** The report itself. */
async function report(args: Args, io: Io): Promise<number> {
  const overrides = args.prices === undefined ? new Map<string, ImagePrices>() : await readPrices(args.prices);
  let input: AsyncIterable<Buffer | string>;
  let close = async (): Promise<void> => {};
  if (args.file === undefined || args.file === '-') {
    if (args.file === undefined && io.stdin.isTTY === true) {
      throw new Refusal('no log: give a FILE, or pipe one in (image-usage report - reads the terminal)', EXIT.usage);
    }
    input = io.stdin;
  } else {
    try {
      const handle = await open(args.file);
      input = handle.createReadStream({ highWaterMark: 1 << 20 });
      close = () => handle.close().catch(() => undefined);
    } catch (error) {
      throw new Refusal(`cannot read ${args.file}: ${(error as Error).message}`, EXIT.noInput);
    }
  }

  const progress = progressWanted(io.stderr, io.env) ? new Progress(io.stderr) : undefined;
  const reader = new BillReader(
    {
      by: args.by,
      model: args.model,
      since: args.since,
      until: args.until,
      timeZone: args.timeZone,
      openRouterPromptTokens: args.openRouterPromptTokens,
      now: Date.now(),
      onBroken: ({ line, message }) => {
        progress?.clear();
        io.stderr.write(`line ${line}: ${message}\n`);
      },
    },
    new PriceBook(overrides),
  );
  try {
    await readLines(
      input,
      (text, line) => {
        reader.line(text, line);
      },
      progress &&
        ((lines, bytes) => {
          progress.update(lines, bytes);
        }),
    );
  } catch (error) {
    throw new Refusal(`cannot read ${args.file ?? 'standard input'}: ${(error as Error).message}`, EXIT.noInput);
  } finally {
    progress?.clear();
    await close();
  }
  const bill = reader.finish();

  const zone = args.timeZone ?? 'UTC';
  if (args.json) {
    io.stdout.write(renderJson(bill, { timeZone: zone, since: args.since, until: args.until, catalog: catalogVersion() }));
  } else {
    // COLUMNS first (a shell sets it; a test or a script can), else the terminal's width; piped: no limit.
    const columns = Number(io.env.COLUMNS);
    const terminal = io.stdout.isTTY === true ? io.stdout.columns : undefined;
    const width = Number.isInteger(columns) && columns > 0 ? columns : terminal !== undefined && terminal > 0 ? terminal : undefined;
    const range = args.since === undefined && args.until === undefined ? '' : `, ${args.since ?? '…'} to ${args.until ?? '…'}`;
    const title = `Image generation bill by ${args.by}${args.by === 'model' && range === '' ? '' : ` (${zone}${range})`}, in US dollars`;
    io.stdout.write(renderTable(bill, { width, places: args.places, title }));
  }
  const { text, status } = problems(bill);
  io.stderr.write(text);
  return status;
}
