// The command line: `image-usage report [options] [FILE|-]`, read with
// Node's util.parseArgs.
import { parseArgs } from 'node:util';
import type { By } from './bill.ts';
import { isTimeZone, readDay } from './time.ts';

/** Exit statuses: bits for an incomplete bill, sysexits for a command that could not run. */
export const EXIT = {
  /** Every line is billed. */
  ok: 0,
  /** Some lines are broken (listed on standard error); the rest is billed. */
  broken: 1,
  /** Some requests are not priced (no model, no price) or carry images and no usage. */
  unpriced: 2,
  /** A bad option or argument (EX_USAGE). */
  usage: 64,
  /** The --prices file is not valid (EX_DATAERR). */
  data: 65,
  /** The log or the --prices file cannot be opened (EX_NOINPUT). */
  noInput: 66,
} as const;

export const HELP = `Usage: image-usage report [options] [FILE|-]

The exact bill of a JSONL log of image-generation responses, per model, day or
month. Each line is a response (OpenAI Images or Responses API, an image
event, Gemini, OpenRouter), a bare usage object, or a record
{"model": ..., "timestamp": ..., "response": ...}. FILE "-", or none: standard input.

Options:
  --by model|day|month     group by model (default), or by day or month, each
                           with its models
  --since DAY              only requests of DAY on (YYYY-MM-DD or YYYYMMDD)
  --until DAY              only requests up to DAY, inclusive
  --timezone ZONE          days in this IANA time zone (default UTC)
  --model NAME             the model of lines that name none
  --prices FILE            prices per million tokens by model (JSON), used
                           before the catalog's: {"gpt-image-2.5": {"inputText":
                           5, "inputImage": 8, "outputImage": 32, ...}}
  --openrouter-prompt-tokens text|image
                           what OpenRouter's prompt tokens are (it does not say)
  --decimals N             decimal places of printed costs (default 4)
  --json                   the bill as JSON, each cost also as its exact decimal
  -h, --help               this help
  -v, --version            the version, and the price catalog's

Prices: the @pydantic/genai-prices catalog at each line's time, offline, in
US dollars. Costs are exact decimals, added exactly, rounded when printed.

Exit status: 0 every line billed; 1 some lines broken (listed on standard
error, at most 20); 2 some requests not priced (no model, or a model with no
price) or with images and no usage; 3 both; 64 a bad option; 65 a bad
--prices file; 66 a file that cannot be read.
`;

/** What the command line asks for. */
export interface Args {
  /** The log: a path, `-` for standard input, or `undefined` (standard input, unless it is a terminal). */
  readonly file: string | undefined;
  readonly by: By;
  readonly since: string | undefined;
  readonly until: string | undefined;
  readonly timeZone: string | undefined;
  readonly model: string | undefined;
  readonly prices: string | undefined;
  readonly openRouterPromptTokens: 'text' | 'image' | undefined;
  readonly places: number;
  readonly json: boolean;
}

/** What to do: report, print help or the version, or refuse with a message. */
export type Command =
  | { readonly kind: 'report'; readonly args: Args }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'usage'; readonly message: string };

/** Reads the command line (without `node` and the script). */
export function readArgs(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        by: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        timezone: { type: 'string' },
        model: { type: 'string' },
        prices: { type: 'string' },
        'openrouter-prompt-tokens': { type: 'string' },
        decimals: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(--?[\w-]+)/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return { kind: 'usage', message: `unknown option ${option ?? message}` };
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return { kind: 'usage', message: `${option ?? 'an option'} needs a value` };
    return { kind: 'usage', message };
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { kind: 'help' };
  if (values.version === true) return { kind: 'version' };
  const [command, ...files] = positionals;
  if (command === undefined) return { kind: 'help' };
  if (command !== 'report') return { kind: 'usage', message: `unknown command ${JSON.stringify(command)}: the command is "report"` };
  if (files.length > 1) return { kind: 'usage', message: `one log at a time, received ${files.length}: ${files.join(' ')}` };

  const by = values.by ?? 'model';
  if (by !== 'model' && by !== 'day' && by !== 'month') return { kind: 'usage', message: `--by: expected model, day or month, received ${JSON.stringify(by)}` };
  const days: Partial<Record<'since' | 'until', string>> = {};
  for (const name of ['since', 'until'] as const) {
    const text = values[name];
    if (text === undefined) continue;
    const day = readDay(text);
    if (day === undefined) return { kind: 'usage', message: `--${name}: expected a day, YYYY-MM-DD or YYYYMMDD, received ${JSON.stringify(text)}` };
    days[name] = day;
  }
  if (days.since !== undefined && days.until !== undefined && days.since > days.until) {
    return { kind: 'usage', message: `--since ${days.since} is after --until ${days.until}` };
  }
  const timeZone = values.timezone;
  if (timeZone !== undefined && !isTimeZone(timeZone)) return { kind: 'usage', message: `--timezone: expected an IANA time zone such as Europe/Paris, received ${JSON.stringify(timeZone)}` };
  const promptTokens = values['openrouter-prompt-tokens'];
  if (promptTokens !== undefined && promptTokens !== 'text' && promptTokens !== 'image') {
    return { kind: 'usage', message: `--openrouter-prompt-tokens: expected text or image, received ${JSON.stringify(promptTokens)}` };
  }
  const decimals = values.decimals ?? '4';
  if (!/^\d{1,2}$/.test(decimals) || Number(decimals) > 20) return { kind: 'usage', message: `--decimals: expected a whole number from 0 to 20, received ${JSON.stringify(decimals)}` };
  if (values.model === '') return { kind: 'usage', message: '--model: expected a model name, received ""' };
  const file = files[0];
  return {
    kind: 'report',
    args: {
      file,
      by,
      since: days.since,
      until: days.until,
      timeZone: timeZone === 'UTC' || timeZone === 'Etc/UTC' ? undefined : timeZone,
      model: values.model,
      prices: values.prices,
      openRouterPromptTokens: promptTokens,
      places: Number(decimals),
      json: values.json === true,
    },
  };
}
