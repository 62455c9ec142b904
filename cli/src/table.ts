// The bill as a table for a terminal, and as JSON for scripts. Costs are
// rounded here, and only here; JSON carries each one exact beside its number.
import type { Bill, Row, Sums } from './bill.ts';
import { type Decimal, formatDecimal, roundDecimal, subtract, toNumber } from './decimal.ts';

/** One column: its title, how soon it is hidden on a narrow terminal (higher first), and its cell. */
interface Column {
  readonly title: string;
  readonly hideFirst: number;
  readonly cell: (sums: Sums) => string;
}

/** Whether some requests report a cost and are priced: the ones the difference covers. */
const compared = (sums: Sums): boolean => sums.compared > 0;

const count = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 20 });

/** A cost, rounded: `$0.1667`, `-$0.0000` (a tiny negative difference), `+$1.0000` with `signed`. */
function money(decimal: Decimal, places: number, signed = false): string {
  const text = roundDecimal(decimal, places);
  if (text.startsWith('-')) return `-$${text.slice(1)}`;
  return signed && decimal.digits > 0n ? `+$${text}` : `$${text}`;
}

/** The columns, in order. */
function columns(places: number, reported: boolean): Column[] {
  const all: Column[] = [
    { title: 'Requests', hideFirst: 1, cell: (sums) => count(sums.requests) },
    { title: 'Images', hideFirst: 2, cell: (sums) => count(sums.images) },
    { title: 'Input text', hideFirst: 4, cell: (sums) => count(sums.inputText) },
    { title: 'Input image', hideFirst: 4, cell: (sums) => count(sums.inputImage) },
    { title: 'Cached input', hideFirst: 3, cell: (sums) => count(sums.cached) },
    { title: 'Output text', hideFirst: 4, cell: (sums) => count(sums.outputText) },
    { title: 'Output image', hideFirst: 4, cell: (sums) => count(sums.outputImage) },
    { title: 'Total tokens', hideFirst: 2, cell: (sums) => count(sums.total) },
    {
      title: 'Cost',
      hideFirst: 0,
      cell: (sums) => (sums.requests > 0 && sums.unpriced === sums.requests ? 'no price' : `${money(sums.cost.value, places)}${sums.unpriced > 0 ? ' *' : ''}`),
    },
  ];
  if (reported) {
    all.push(
      { title: 'Reported', hideFirst: 3, cell: (sums) => (sums.reportedRequests > 0 ? money(sums.reported.value, places) : '') },
      {
        title: 'Difference',
        hideFirst: 1,
        cell: (sums) => (compared(sums) ? money(subtract(sums.reportedOfPriced.value, sums.computedOfReported.value), places, true) : ''),
      },
    );
  }
  return all;
}

/** Text broken into lines of at most `width` characters, at spaces. */
function wrap(text: string, width: number | undefined): string[] {
  if (width === undefined || text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

/** How the table is drawn. */
export interface TableOptions {
  /** The terminal's width, or `undefined` for no limit (piped). */
  readonly width: number | undefined;
  /** Decimal places of the costs. */
  readonly places: number;
  /** What the table is of, for its title: `by model (UTC)`. */
  readonly title: string;
}

/** The bill as a table, fitted to the width: columns hidden from the least needed on, and said so below. */
export function renderTable(bill: Bill, { width, places, title }: TableOptions): string {
  const first = bill.by === 'model' ? 'Model' : bill.by === 'day' ? 'Day' : 'Month';
  const nothing = bill.by === 'model' ? '(no model)' : '(no date)';
  const body: { label: string; sums: Sums; child: boolean }[] = [];
  for (const row of bill.rows) {
    body.push({ label: row.key ?? nothing, sums: row.sums, child: false });
    for (const model of row.models ?? []) body.push({ label: `  ${model.key ?? '(no model)'}`, sums: model.sums, child: true });
  }
  const reported = bill.total.reportedRequests > 0;
  const all = columns(places, reported);
  let shown = all;
  const labels = [first, ...body.map(({ label }) => label), 'Total'];
  const labelWidth = Math.max(...labels.map((label) => label.length));
  const cells = (column: Column): string[] => [...body.map(({ sums }) => column.cell(sums)), column.cell(bill.total)];
  const widthOf = (column: Column): number => Math.max(column.title.length, ...cells(column).map((cell) => cell.length));
  const widths = new Map(shown.map((column) => [column, widthOf(column)]));
  const tableWidth = (): number => labelWidth + shown.reduce((sum, column) => sum + 2 + widths.get(column)!, 0);
  if (width !== undefined) {
    // The token details first, then the cached input and the reported cost, then the images and the
    // total, then the requests and the difference: a level at a time, until the table fits.
    for (let level = 4; level > 0 && tableWidth() > width; level--) shown = shown.filter((column) => column.hideFirst !== level);
  }
  const line = (label: string, values: string[]): string =>
    `${label.padEnd(labelWidth)}${values.map((value, index) => `  ${value.padStart(widths.get(shown[index]!)!)}`).join('')}`.trimEnd();
  const rule = '─'.repeat(tableWidth());
  const out = [...wrap(title, width), '', line(first, shown.map((column) => column.title)), rule];
  for (const { label, sums } of body) out.push(line(label, shown.map((column) => column.cell(sums))));
  out.push(rule, line('Total', shown.map((column) => column.cell(bill.total))));
  const hidden = all.filter((column) => !shown.includes(column)).map((column) => column.title);
  const notes: string[] = [];
  if (bill.total.unpriced > 0) notes.push('* without the requests that have no price (see standard error)');
  if (hidden.length > 0) notes.push(`Compact: ${hidden.join(', ')} hidden to fit ${width!} columns (widen the terminal, or use --json).`);
  if (notes.length > 0) out.push('', ...notes.flatMap((note) => wrap(note, width)));
  return `${out.join('\n')}\n`;
}

/** The JSON of a group's sums: every cost a number and, beside it, the exact decimal string. */
function sumsJson(sums: Sums): Record<string, unknown> {
  const priced = sums.requests > sums.unpriced || sums.requests === 0;
  const exact = (decimal: Decimal | undefined): [number | null, string | null] => (decimal === undefined ? [null, null] : [toNumber(decimal), formatDecimal(decimal)]);
  const [cost, costExact] = exact(priced ? sums.cost.value : undefined);
  const [reportedCost, reportedCostExact] = exact(sums.reportedRequests > 0 ? sums.reported.value : undefined);
  const [difference, differenceExact] = exact(compared(sums) ? subtract(sums.reportedOfPriced.value, sums.computedOfReported.value) : undefined);
  return {
    requests: sums.requests,
    images: sums.images,
    inputTextTokens: sums.inputText,
    inputImageTokens: sums.inputImage,
    cachedInputTokens: sums.cached,
    outputTextTokens: sums.outputText,
    outputImageTokens: sums.outputImage,
    totalTokens: sums.total,
    cost,
    costExact,
    unpricedRequests: sums.unpriced,
    reportedCost,
    reportedCostExact,
    reportedRequests: sums.reportedRequests,
    difference,
    differenceExact,
  };
}

/** What the JSON says of the report itself. */
export interface JsonHeader {
  readonly timeZone: string;
  readonly since: string | undefined;
  readonly until: string | undefined;
  readonly catalog: string;
}

/** The bill as JSON (two-space indented). */
export function renderJson(bill: Bill, header: JsonHeader): string {
  const modelJson = (row: Row): Record<string, unknown> => ({ model: row.key ?? null, prices: [...row.sums.sources].sort(), ...sumsJson(row.sums) });
  const rows =
    bill.by === 'model'
      ? bill.rows.map(modelJson)
      : bill.rows.map((row) => ({ [bill.by]: row.key ?? null, ...sumsJson(row.sums), models: (row.models ?? []).map(modelJson) }));
  const json = {
    by: bill.by,
    timeZone: header.timeZone,
    since: header.since ?? null,
    until: header.until ?? null,
    currency: 'USD',
    catalog: header.catalog,
    rows,
    total: sumsJson(bill.total),
    lines: bill.lines,
    problems: { broken: bill.broken, unbilled: bill.unbilled, unpriced: bill.unpriced.map((unpriced) => ({ ...unpriced, model: unpriced.model ?? null })) },
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
