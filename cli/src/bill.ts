// The bill of a log, a line at a time: each line read as a record or a
// response, the chunks of a streamed response folded into one request, its
// cost found and added exactly to its group. What is kept is one accumulator
// per group and model, the responses still streaming, and the first few
// problems: memory stays flat however long the log.
import { type ImageResponse, type ImageUsage, type ParseImageResponseOptions, safeParseImageResponse } from 'image-usage';
import { type Decimal, decimalOfNumber, Sum, ZERO } from './decimal.ts';
import { costOf, type PriceBook } from './prices.ts';
import { Days, describe, LineError, readTime } from './time.ts';

/** How the bill is grouped. */
export type By = 'model' | 'day' | 'month';

/** The sums of a group of requests. */
export class Sums {
  requests = 0;
  images = 0;
  inputText = 0;
  inputImage = 0;
  cached = 0;
  outputText = 0;
  outputImage = 0;
  total = 0;
  /** The cost of the priced requests, exact. */
  readonly cost = new Sum();
  /** Requests with no price (no model, or a model with none): their tokens are counted, their cost is not. */
  unpriced = 0;
  /** The costs the responses report themselves (OpenRouter's `usage.cost`), and how many did. */
  readonly reported = new Sum();
  reportedRequests = 0;
  /** Over the requests that report a cost and are priced: the reported costs, and the computed ones. */
  compared = 0;
  readonly reportedOfPriced = new Sum();
  readonly computedOfReported = new Sum();
  /** Where the prices come from (a model's row). */
  readonly sources = new Set<string>();

  /** Adds another group's sums to these. */
  addSums(other: Sums): void {
    this.requests += other.requests;
    this.images += other.images;
    this.inputText += other.inputText;
    this.inputImage += other.inputImage;
    this.cached += other.cached;
    this.outputText += other.outputText;
    this.outputImage += other.outputImage;
    this.total += other.total;
    this.cost.add(other.cost.value);
    this.unpriced += other.unpriced;
    this.reported.add(other.reported.value);
    this.reportedRequests += other.reportedRequests;
    this.compared += other.compared;
    this.reportedOfPriced.add(other.reportedOfPriced.value);
    this.computedOfReported.add(other.computedOfReported.value);
    for (const source of other.sources) this.sources.add(source);
  }
}

/** One row of the bill: a model, or a day or month with its models. */
export interface Row {
  /** The model, the day (`YYYY-MM-DD`) or the month (`YYYY-MM`); `undefined`: no model, or no date. */
  readonly key: string | undefined;
  readonly sums: Sums;
  /** A day's or month's models. */
  readonly models?: readonly Row[];
}

/** A problem line, as it is listed. */
export interface Problem {
  readonly line: number;
  readonly message: string;
}

/** Requests of a model with no price. */
export interface Unpriced {
  readonly model: string | undefined;
  readonly requests: number;
  readonly firstLine: number;
  readonly reason: string;
}

/** The whole bill. */
export interface Bill {
  readonly by: By;
  readonly rows: readonly Row[];
  readonly total: Sums;
  readonly lines: {
    /** Lines read, blank ones included. */
    readonly read: number;
    /** Requests billed (in the table): priced or not. */
    readonly requests: number;
    /** Chunks of a streamed response folded into its request. */
    readonly chunks: number;
    /** Responses that report no usage and carry no image (events, error bodies): left out. */
    readonly withoutUsage: number;
    /** Responses that carry images but report no usage: not billed (a problem). */
    readonly unbilled: number;
    /** Left out by --since or --until (or, with either, for having no time). */
    readonly outOfRange: number;
    readonly broken: number;
  };
  /** The first broken lines. */
  readonly broken: readonly Problem[];
  /** The first responses with images and no usage. */
  readonly unbilled: readonly Problem[];
  /** Unpriced requests, by model. */
  readonly unpriced: readonly Unpriced[];
}

/** How the bill is read. */
export interface BillOptions {
  readonly by: By;
  /** The model of lines that name none (`--model`). */
  readonly model: string | undefined;
  readonly since: string | undefined;
  readonly until: string | undefined;
  /** An IANA time zone; `undefined`: UTC. */
  readonly timeZone: string | undefined;
  readonly openRouterPromptTokens: 'text' | 'image' | undefined;
  /** The time of lines that have none, for their prices. */
  readonly now: number;
  /** Told of each of the first broken lines as it is met. */
  readonly onBroken?: (problem: Problem) => void;
}

/** How many problems of a kind are kept to be listed. */
export const LISTED = 20;

/** Most streamed responses awaiting their last chunk; past it the oldest is billed as it stands. */
const MOST_PENDING = 10_000;

/** A response read from a line, on its way into the bill. */
interface Entry {
  readonly line: number;
  model: string | undefined;
  usage: ImageUsage | undefined;
  images: number;
  reportedCost: number | undefined;
  readonly ms: number | undefined;
}

type Body = Record<string, unknown>;

const isObject = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The message of the reader's issues: `path: expected ..., received ...`, joined. */
function issuesMessage(issues: readonly { readonly message: string; readonly path?: readonly { readonly key: unknown }[] | undefined }[], prefix: string): string {
  return issues
    .map((issue) => {
      const path = issue.path?.map((item) => String(item.key)).join('.');
      return path === undefined || path === '' ? (prefix === '' ? issue.message : `${prefix.slice(0, -1)}: ${issue.message}`) : `${prefix}${path}: ${issue.message}`;
    })
    .join('; ');
}

/** The time a response body gives itself: `created`, `created_at`, `createTime`, or its Responses API response's. */
function bodyTime(body: Body, prefix: string): number | undefined {
  for (const field of ['created', 'created_at', 'createTime'] as const) {
    const value = body[field];
    if (value !== undefined && value !== null) return readTime(value, `${prefix}${field}`, false);
  }
  const response = body.response;
  if (isObject(response) && response.created_at !== undefined && response.created_at !== null) {
    return readTime(response.created_at, `${prefix}response.created_at`, false);
  }
  return undefined;
}

/** The Responses API events that come before the one that closes a response. */
const OPENING: ReadonlySet<unknown> = new Set(['response.created', 'response.in_progress', 'response.queued']);

/**
 * The stream a response is a chunk of (Gemini's `responseId`, a Responses API
 * event's `response.id`), or `undefined` when it stands alone.
 */
function streamOf(shape: ImageResponse['shape'], body: Body): string | undefined {
  if (shape === 'gemini') return typeof body.responseId === 'string' ? `g${body.responseId}` : undefined;
  if (shape === 'openai-responses' && typeof body.type === 'string' && isObject(body.response) && typeof body.response.id === 'string') return `r${body.response.id}`;
  return undefined;
}

/** Whether a chunk of a stream is its last: Gemini's says why it finished; a Responses API event that opens none. */
function lastOf(shape: ImageResponse['shape'], body: Body): boolean {
  if (shape !== 'gemini') return !OPENING.has(body.type);
  const candidates = Array.isArray(body.candidates) ? (body.candidates as unknown[]) : [];
  return candidates.some((candidate) => isObject(candidate) && candidate.finishReason != null);
}

/** Reads a log into a bill, a line at a time. */
export class BillReader {
  readonly #options: BillOptions;
  readonly #book: PriceBook;
  readonly #days: Days;
  readonly #parse: ParseImageResponseOptions;
  readonly #dated: boolean;
  /** Sums by period ('' when by model), then by model ('' for none). */
  readonly #groups = new Map<string, Map<string, Sums>>();
  readonly #pending = new Map<string, Entry>();
  readonly #broken: Problem[] = [];
  readonly #unbilled: Problem[] = [];
  readonly #unpriced = new Map<string, { model: string | undefined; requests: number; firstLine: number; reason: string }>();
  /** The reader's options for a record's model, made once per model. */
  readonly #parseFor = new Map<string, ParseImageResponseOptions>();
  /** Reported costs read as decimals, by value. */
  readonly #reportedCosts = new Map<number, Decimal>();
  #read = 0;
  #requests = 0;
  #chunks = 0;
  #withoutUsage = 0;
  #unbilledCount = 0;
  #outOfRange = 0;
  #brokenCount = 0;

  constructor(options: BillOptions, book: PriceBook) {
    this.#options = options;
    this.#book = book;
    this.#days = new Days(options.timeZone);
    this.#parse = { model: options.model, openRouterPromptTokens: options.openRouterPromptTokens };
    this.#dated = options.by !== 'model' || options.since !== undefined || options.until !== undefined;
  }

  /** Reads one line of the log (without its line break). */
  line(text: string, line: number): void {
    this.#read = line;
    if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim().length === 0)) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.#brokenLine(line, `not JSON: ${(error as Error).message}`);
      return;
    }
    let body = value;
    let model = this.#options.model;
    let ms: number | undefined;
    let prefix = '';
    try {
      // A record: the response with the request's model and time. A Responses API event also has a
      // `response`, and a `type` that says so.
      if (isObject(value) && 'response' in value && !(typeof value.type === 'string' && value.type.startsWith('response.'))) {
        prefix = 'response.';
        body = value.response;
        if (value.model !== undefined && value.model !== null) {
          if (typeof value.model !== 'string') throw new LineError(`model: expected string, received ${describe(value.model)}`);
          model = value.model;
        }
        if (value.timestamp !== undefined && value.timestamp !== null) ms = readTime(value.timestamp, 'timestamp', true);
      }
      let parse = this.#parse;
      if (model !== this.#options.model) {
        parse = this.#parseFor.get(model!) ?? { ...this.#parse, model };
        if (this.#parseFor.size < 1000) this.#parseFor.set(model!, parse);
      }
      const result = safeParseImageResponse(body, parse);
      if (!result.success) {
        this.#brokenLine(line, issuesMessage(result.issues, prefix));
        return;
      }
      const bodyObject = body as Body;
      ms ??= bodyTime(bodyObject, prefix);
      const { output } = result;
      const entry: Entry = { line, model: output.model, usage: output.usage, images: output.images, reportedCost: output.reportedCost, ms };
      const stream = streamOf(output.shape, bodyObject);
      if (stream === undefined) {
        this.#bill(entry);
        return;
      }
      const earlier = this.#pending.get(stream);
      if (earlier !== undefined) {
        // The usage so far, the images of every chunk (Gemini), or the closing event's (Responses).
        this.#chunks++;
        earlier.usage = entry.usage ?? earlier.usage;
        earlier.model = entry.model ?? earlier.model;
        earlier.images = output.shape === 'gemini' ? earlier.images + entry.images : entry.images;
        earlier.reportedCost = entry.reportedCost ?? earlier.reportedCost;
      }
      const current = earlier ?? entry;
      if (lastOf(output.shape, bodyObject)) {
        this.#pending.delete(stream);
        this.#bill(current);
      } else if (earlier === undefined) {
        this.#pending.set(stream, current);
        if (this.#pending.size > MOST_PENDING) {
          const [key, oldest] = this.#pending.entries().next().value as [string, Entry];
          this.#pending.delete(key);
          this.#bill(oldest);
        }
      }
    } catch (error) {
      if (!(error instanceof LineError)) throw error;
      this.#brokenLine(line, error.message);
    }
  }

  /** Adds a response to its group. */
  #bill(entry: Entry): void {
    const { usage, images } = entry;
    if (usage === undefined) {
      if (images === 0) {
        this.#withoutUsage++;
      } else {
        this.#unbilledCount++;
        if (this.#unbilled.length < LISTED) {
          this.#unbilled.push({ line: entry.line, message: `${images} image${images === 1 ? '' : 's'} and no usage: not billed` });
        }
      }
      return;
    }
    let period = '';
    if (this.#dated) {
      const day = entry.ms === undefined ? undefined : this.#days.of(entry.ms);
      const { since, until } = this.#options;
      if ((since !== undefined || until !== undefined) && (day === undefined || (since !== undefined && day < since) || (until !== undefined && day > until))) {
        this.#outOfRange++;
        return;
      }
      if (this.#options.by !== 'model') period = day === undefined ? '' : this.#options.by === 'day' ? day : day.slice(0, 7);
    }

    // The cost first: a usage exactCost refuses (its sums do not add up) makes the line broken.
    const model = entry.model;
    let cost: Decimal | undefined;
    let source: string | undefined;
    let reason: string | undefined;
    if (usage.totalTokens === 0 && usage.inputTokens === 0 && usage.outputTokens === 0) {
      cost = ZERO; // no tokens cost nothing at any price
    } else if (model === undefined) {
      reason = 'the line names no model: give --model NAME, or a "model" in its record';
    } else {
      const found = this.#book.lookup(model, entry.ms ?? this.#options.now);
      if ('reason' in found) {
        reason = found.reason;
      } else {
        try {
          cost = costOf(found, usage);
        } catch (error) {
          this.#brokenLine(entry.line, (error as Error).message);
          return;
        }
        source = found.source;
      }
    }

    let models = this.#groups.get(period);
    if (models === undefined) this.#groups.set(period, (models = new Map<string, Sums>()));
    const modelKey = model ?? '';
    let sums = models.get(modelKey);
    if (sums === undefined) models.set(modelKey, (sums = new Sums()));
    this.#requests++;
    sums.requests++;
    sums.images += images;
    const input = usage.inputTokensDetails;
    sums.inputText += input.textTokens;
    sums.inputImage += input.imageTokens;
    sums.cached += usage.cachedTokens ?? 0;
    const output = usage.outputTokensDetails;
    // Output without details is image output, as exactCost prices it.
    if (output === undefined) sums.outputImage += usage.outputTokens;
    else {
      sums.outputText += output.textTokens;
      sums.outputImage += output.imageTokens;
    }
    sums.total += usage.totalTokens;
    if (cost === undefined) {
      sums.unpriced++;
      const known = this.#unpriced.get(modelKey);
      if (known === undefined) this.#unpriced.set(modelKey, { model, requests: 1, firstLine: entry.line, reason: reason! });
      else known.requests++;
    } else {
      if (cost !== ZERO) sums.cost.add(cost);
      if (source !== undefined && !sums.sources.has(source)) sums.sources.add(source);
    }
    if (entry.reportedCost !== undefined) {
      let reported = this.#reportedCosts.get(entry.reportedCost);
      if (reported === undefined) {
        reported = decimalOfNumber(entry.reportedCost);
        if (this.#reportedCosts.size >= 10_000) this.#reportedCosts.clear();
        this.#reportedCosts.set(entry.reportedCost, reported);
      }
      sums.reported.add(reported);
      sums.reportedRequests++;
      if (cost !== undefined) {
        sums.compared++;
        sums.reportedOfPriced.add(reported);
        sums.computedOfReported.add(cost);
      }
    }
  }

  #brokenLine(line: number, message: string): void {
    this.#brokenCount++;
    if (this.#broken.length < LISTED) {
      const problem = { line, message };
      this.#broken.push(problem);
      this.#options.onBroken?.(problem);
    }
  }

  /** The bill, once every line is read: responses still streaming are billed as they stand. */
  finish(): Bill {
    for (const entry of this.#pending.values()) this.#bill(entry);
    this.#pending.clear();
    const byKey = (a: Row, b: Row): number => (a.key === undefined ? 1 : b.key === undefined ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    const modelRows = (models: Map<string, Sums>): Row[] =>
      [...models].map(([model, sums]) => ({ key: model === '' ? undefined : model, sums })).sort(byKey);
    const total = new Sums();
    let rows: Row[];
    if (this.#options.by === 'model') {
      rows = modelRows(this.#groups.get('') ?? new Map<string, Sums>());
      for (const row of rows) total.addSums(row.sums);
    } else {
      rows = [...this.#groups]
        .map(([period, models]) => {
          const sums = new Sums();
          const children = modelRows(models);
          for (const child of children) sums.addSums(child.sums);
          sums.sources.clear();
          return { key: period === '' ? undefined : period, sums, models: children };
        })
        .sort(byKey);
      for (const row of rows) total.addSums(row.sums);
    }
    total.sources.clear();
    return {
      by: this.#options.by,
      rows,
      total,
      lines: {
        read: this.#read,
        requests: this.#requests,
        chunks: this.#chunks,
        withoutUsage: this.#withoutUsage,
        unbilled: this.#unbilledCount,
        outOfRange: this.#outOfRange,
        broken: this.#brokenCount,
      },
      broken: this.#broken,
      unbilled: this.#unbilled,
      unpriced: [...this.#unpriced.values()].sort((a, b) => a.firstLine - b.firstLine),
    };
  }
}
