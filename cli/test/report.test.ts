// `image-usage report` as a user runs it: the bin that `npm install` put in
// the user's project (cli/test/setup.ts), given logs on standard input or as
// files, read back as JSON or as the table. Costs are checked against figures
// worked out by hand from the genai-prices catalog's prices per million tokens
// (gpt-image-1: text in 5, image in 10, out 40, cached 1.25 and 2.5;
// gemini-2.5-flash-image: in 0.3, text out 2.5, image out 30).
import { writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { USER } from './paths.ts';
import { imagesBody, jsonl, run, runJson, wire } from './run.ts';

/** A Gemini body: text in, text and image out, one image, finished. */
function geminiBody(prompt: number, text: number, image: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    candidates: [{ content: { parts: [{ inlineData: { mimeType: 'image/png', data: '<cut>' } }], role: 'model' }, finishReason: 'STOP', index: 0 }],
    modelVersion: 'gemini-2.5-flash-image',
    responseId: `r${prompt}-${text}-${image}`,
    usageMetadata: {
      promptTokenCount: prompt,
      candidatesTokenCount: text + image,
      candidatesTokensDetails: [{ modality: 'IMAGE', tokenCount: image }],
      totalTokenCount: prompt + text + image,
    },
    ...extra,
  };
}

describe('input lines', () => {
  test('a whole response, a record and a bare usage object are each a request', () => {
    const log = jsonl(
      geminiBody(9, 5, 1290),
      { model: 'gpt-image-1', timestamp: '2026-06-10T08:00:00Z', response: imagesBody(wire(11, 0, 6240)) },
      wire(10, 0, 1000),
    );
    const { status, stderr, json } = runJson(['--model', 'gpt-image-1.5'], { input: log });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(json.rows.map((row) => [row.model, row.requests, row.images, row.costExact])).toEqual([
      ['gemini-2.5-flash-image', 1, 1, '0.0387152'], // 9 × 0.3 + 5 × 2.5 + 1290 × 30, per million
      ['gpt-image-1', 1, 1, '0.249655'], // 11 × 5 + 6240 × 40
      ['gpt-image-1.5', 1, 0, '0.03205'], // 10 × 5 + 1000 × 32 (a bare usage object carries no image)
    ]);
    expect(json.lines).toEqual({ read: 3, requests: 3, chunks: 0, withoutUsage: 0, unbilled: 0, outOfRange: 0, broken: 0 });
  });

  test("the model is the body's, else the record's, else --model", () => {
    const openRouter = {
      model: 'google/gemini-2.5-flash-image',
      choices: [{ message: { role: 'assistant', content: '', images: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,<cut>' } }] } }],
      usage: { prompt_tokens: 0, completion_tokens: 1300, total_tokens: 1300, completion_tokens_details: { image_tokens: 1290 } },
    };
    const log = jsonl({ model: 'gpt-image-1', response: openRouter }, { model: 'gpt-image-1', response: imagesBody(wire(1, 0, 1)) }, imagesBody(wire(1, 0, 1)));
    const { json } = runJson(['--model', 'gpt-image-1.5'], { input: log });
    expect(json.rows.map((row) => [row.model, row.requests])).toEqual([
      ['google/gemini-2.5-flash-image', 1],
      ['gpt-image-1', 1],
      ['gpt-image-1.5', 1],
    ]);
  });

  test('a line that names no model is listed with its tokens and no price, never priced at zero', () => {
    const log = jsonl(imagesBody(wire(22, 0, 272)), imagesBody(wire(20, 0, 100)));
    const { status, stderr, json } = runJson([], { input: log });
    expect(status).toBe(2);
    expect(json.rows).toEqual([expect.objectContaining({ model: null, requests: 2, totalTokens: 414, cost: null, costExact: null, unpricedRequests: 2 })]);
    expect(json.total).toEqual(expect.objectContaining({ cost: null, unpricedRequests: 2 }));
    expect(stderr).toBe('image-usage: 2 requests with no model (first on line 1): give --model NAME, or a "model" in the record\n');
    const table = run(['report'], { input: log });
    expect(table.stdout).toMatch(/^\(no model\) +2 +2 +42 .* no price$/m);
    expect(runJson(['--model', 'gpt-image-1'], { input: log }).status).toBe(0);
  });

  test('the chunks of a streamed Gemini response are one request: the usage of the last, the images of all', () => {
    const id = { responseId: 'pzR8ac7cG_LUz7IP79TA4A8', modelVersion: 'gemini-2.5-flash-image' };
    const chunk = (text: number, image: number, parts: unknown[], finishReason?: string) => ({
      candidates: [{ content: { parts, role: 'model' }, index: 0, ...(finishReason ? { finishReason } : {}) }],
      usageMetadata: {
        promptTokenCount: 9,
        candidatesTokenCount: text + image,
        totalTokenCount: 9 + text + image,
        ...(image > 0 ? { candidatesTokensDetails: [{ modality: 'IMAGE', tokenCount: image }] } : {}),
      },
      ...id,
    });
    const other = { ...geminiBody(10, 4, 1290), responseId: 'another' };
    const log = jsonl(
      chunk(2, 0, [{ text: 'Here is' }]),
      chunk(6, 0, [{ text: ' an image' }]),
      other, // another response, between the chunks
      chunk(14, 1290, [{ inlineData: { mimeType: 'image/png', data: '<cut>' } }]),
      chunk(14, 1290, [{ text: '' }], 'STOP'),
    );
    const { status, json } = runJson([], { input: log });
    expect(status).toBe(0);
    expect(json.rows).toEqual([expect.objectContaining({ model: 'gemini-2.5-flash-image', requests: 2, images: 2, outputTextTokens: 18, outputImageTokens: 2580 })]);
    expect(json.lines).toEqual(expect.objectContaining({ read: 5, requests: 2, chunks: 3 }));
    // Cut short before its last chunk: billed at the end of the log as far as it went.
    const cut = runJson([], { input: jsonl(chunk(2, 0, [{ text: 'Here' }]), chunk(14, 1290, [{ inlineData: { mimeType: 'image/png', data: '' } }])) });
    expect(cut.json.rows).toEqual([expect.objectContaining({ requests: 1, images: 1, outputImageTokens: 1290, outputTextTokens: 14 })]);
  });

  test('the events of a Responses API stream are one request', () => {
    const response = (status: string, toolUsage: unknown) => ({
      id: 'resp_1',
      object: 'response',
      created_at: 1_781_000_000,
      status,
      model: 'gpt-5',
      output: status === 'completed' ? [{ id: 'ig_1', type: 'image_generation_call', status: 'completed', result: '<cut>' }] : [],
      tools: [{ type: 'image_generation', model: 'gpt-image-1' }],
      tool_usage: toolUsage,
    });
    const zeros = { image_gen: wire(0, 0, 0) };
    const log = jsonl(
      { type: 'response.created', sequence_number: 0, response: response('in_progress', zeros) },
      { type: 'response.in_progress', sequence_number: 1, response: response('in_progress', zeros) },
      { type: 'response.completed', sequence_number: 9, response: response('completed', { image_gen: wire(108, 0, 1756) }) },
    );
    const { status, json } = runJson([], { input: log });
    expect(status).toBe(0);
    expect(json.rows.map((row) => [row.model, row.requests, row.images, row.totalTokens, row.costExact])).toEqual([['gpt-image-1', 1, 1, 1864, '0.07078']]);
  });

  test('responses with no usage: left out when they carry no image, listed when they do', () => {
    const partial = { type: 'response.image_generation_call.partial_image', partial_image_index: 0, partial_image_b64: '<cut>' };
    const error = { error: { code: 'moderation_blocked', message: 'Your request was rejected.' } };
    const before = { id: 'resp_2', object: 'response', created_at: 1_759_354_093, model: 'gpt-5', output: [{ type: 'image_generation_call', result: '<cut>' }], tool_usage: null };
    const quiet = runJson(['--model', 'gpt-image-1'], { input: jsonl(partial, error, imagesBody(wire(1, 0, 1))) });
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.json.lines).toEqual(expect.objectContaining({ read: 3, requests: 1, withoutUsage: 2, unbilled: 0 }));
    const loud = runJson(['--model', 'gpt-image-1'], { input: jsonl(partial, before, before) });
    expect(loud.status).toBe(2);
    expect(loud.stderr).toBe('image-usage: 2 responses with images but no usage, not billed (lines 2, 3)\n');
    expect(loud.json.problems.unbilled).toEqual([
      { line: 2, message: '1 image and no usage: not billed' },
      { line: 3, message: '1 image and no usage: not billed' },
    ]);
  });

  test('blank lines, CRLF line breaks and a byte-order mark are read as a log is meant', () => {
    const log = `\ufeff${JSON.stringify(imagesBody(wire(11, 0, 6240)))}\r\n\r\n   \n${JSON.stringify(imagesBody(wire(11, 0, 6240)))}`;
    const { status, json } = runJson(['--model', 'gpt-image-1'], { input: log });
    expect(status).toBe(0);
    expect(json.total).toEqual(expect.objectContaining({ requests: 2, costExact: '0.49931' }));
    expect(json.lines.read).toBe(4);
  });
});

describe('costs', () => {
  test('are exact decimals, added exactly, and rounded only when printed', () => {
    // Three lines at 0.1, 0.2 and 0.3 units: 0.1 + 0.2 + 0.3 is 0.6000000000000001 in floating point.
    writeFileSync(`${USER}tenths.json`, JSON.stringify({ tenths: { inputText: 100_000, inputImage: 100_000, outputImage: 200_000 } }));
    const log = jsonl(wire(1, 0, 0), wire(0, 0, 1), wire(1, 0, 1));
    const { json } = runJson(['--model', 'tenths', '--prices', 'tenths.json'], { input: log });
    expect(json.total).toEqual(expect.objectContaining({ cost: 0.6, costExact: '0.6' }));
    const gemini = jsonl(geminiBody(9, 5, 1290), geminiBody(9, 5, 1290), geminiBody(9, 5, 1290));
    const exact = runJson([], { input: gemini });
    expect(exact.json.total).toEqual(expect.objectContaining({ cost: 0.1161456, costExact: '0.1161456' }));
    expect(run(['report', '--decimals', '2'], { input: gemini }).stdout).toMatch(/^Total .* \$0\.12$/m);
    expect(run(['report', '--decimals', '7'], { input: gemini }).stdout).toMatch(/^Total .* \$0\.1161456$/m);
    expect(run(['report'], { input: gemini }).stdout).toMatch(/^Total .* \$0\.1161$/m);
  });

  test("beside the cost a response reports itself (OpenRouter's usage.cost), the exact difference", () => {
    const body = (cost: number) => ({
      model: 'google/gemini-2.5-flash-image',
      choices: [{ message: { role: 'assistant', content: 'Here it is', images: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,<cut>' } }] } }],
      usage: { prompt_tokens: 10, completion_tokens: 1300, total_tokens: 1310, completion_tokens_details: { image_tokens: 1290 }, cost },
    });
    const log = jsonl(body(0.0387243), body(0.0387243));
    const { status, json } = runJson(['--openrouter-prompt-tokens', 'text'], { input: log });
    expect(status).toBe(0);
    // 10 × 0.3 + 10 × 2.5 + 1290 × 30 = 38,728 per million, twice
    expect(json.rows).toEqual([
      expect.objectContaining({
        model: 'google/gemini-2.5-flash-image',
        prices: ['genai-prices google/gemini-2.5-flash-image'],
        costExact: '0.077456',
        reportedCostExact: '0.0774486',
        reportedRequests: 2,
        differenceExact: '-0.0000074',
        difference: -0.0000074,
      }),
    ]);
    const table = run(['report', '--openrouter-prompt-tokens', 'text', '--decimals', '7'], { input: log }).stdout;
    expect(table).toMatch(/Cost +Reported +Difference$/m);
    expect(table).toMatch(/^Total .* \$0\.0774560 +\$0\.0774486 +-\$0\.0000074$/m);
    // Without the option the reader cannot split OpenRouter's prompt tokens: its message, the line broken.
    const unsplit = run(['report'], { input: log });
    expect(unsplit.status).toBe(1);
    expect(unsplit.stderr).toMatch(/^line 1: usage\.prompt_tokens: /m);
  });

  test('a usage of no tokens costs nothing at any price; one that does not add up is a broken line', () => {
    const zero = { id: 'resp_3', object: 'response', model: 'gpt-5.6-sol', output: [], tool_usage: { image_gen: wire(0, 0, 0) } };
    const { status, json } = runJson([], { input: jsonl(zero) });
    expect(status).toBe(0);
    // The body's model is the language model's: the image tool named none, so the model is unknown, and no price is needed.
    expect(json.rows).toEqual([expect.objectContaining({ model: null, requests: 1, costExact: '0', unpricedRequests: 0 })]);
    const off = { ...wire(11, 0, 6240), total_tokens: 6000 };
    const broken = run(['report', '--model', 'gpt-image-1'], { input: jsonl(off) });
    expect(broken.status).toBe(1);
    expect(broken.stderr.split('\n')[0]).toBe(
      'line 1: exactCost: usage does not add up, so its cost is ambiguous: totalTokens: expected inputTokens + outputTokens = 6251, received 6000',
    );
  });

  test('cached input at the cached prices, split by its details', () => {
    const usage = { ...wire(400, 600, 1000), cached_tokens: 400, cached_tokens_details: { cached_text_tokens: 100, cached_image_tokens: 300 } };
    const { json } = runJson(['--model', 'gpt-image-1'], { input: jsonl(usage) });
    // 300 × 5 + 100 × 1.25 + 300 × 10 + 300 × 2.5 + 1000 × 40
    expect(json.rows).toEqual([expect.objectContaining({ cachedInputTokens: 400, costExact: '0.045375' })]);
  });
});

describe('prices', () => {
  test("are the catalog's at each line's time: a start date, and hours of the day", () => {
    const line = (model: string, timestamp: string) => ({ model, timestamp, response: wire(1000, 0, 1000) });
    const log = jsonl(
      line('o3', '2025-06-01T12:00:00Z'), // before 2025-06-10: 10 in, 40 out
      line('o3', '2025-07-01T12:00:00Z'), // from 2025-06-10: 2 in, 8 out
      line('deepseek-v4-flash', '2026-09-01T02:00:00Z'), // peak (01:00 to 04:00 UTC): 0.44 and 1.32
      line('deepseek-v4-flash', '2026-09-01T12:00:00Z'), // off-peak from 2026-08-17: 0.22 and 0.66
      line('deepseek-v4-flash', '2026-09-02T12:00:00Z'),
    );
    const { status, json } = runJson([], { input: log });
    expect(status).toBe(0);
    expect(json.rows.map((row) => [row.model, row.costExact, row.prices])).toEqual([
      ['deepseek-v4-flash', '0.00352', ['genai-prices deepseek/deepseek-v4-flash']],
      ['o3', '0.06', ['genai-prices openai/o3']],
    ]);
  });

  test('--prices comes first, for a model the catalog lacks or a rate of your own; by its name, or without the provider', () => {
    writeFileSync(`${USER}mine.json`, JSON.stringify({ 'gpt-image-2.5': { inputText: 5, inputImage: 8, outputImage: 32 }, 'gpt-image-1': { inputText: 4, inputImage: 8, outputImage: 32 } }));
    const log = jsonl(
      { model: 'gpt-image-2.5', response: wire(100, 0, 1000) },
      { model: 'openai/gpt-image-2.5', response: wire(100, 0, 1000) },
      { model: 'gpt-image-1', response: wire(100, 0, 1000) },
    );
    const { status, json } = runJson(['--prices', 'mine.json'], { input: log });
    expect(status).toBe(0);
    expect(json.rows.map((row) => [row.model, row.costExact, row.prices])).toEqual([
      ['gpt-image-1', '0.0324', ['--prices']],
      ['gpt-image-2.5', '0.0325', ['--prices']],
      ['openai/gpt-image-2.5', '0.0325', ['--prices']],
    ]);
    const without = run(['report'], { input: log });
    expect(without.status).toBe(2);
    expect(without.stderr).toBe(
      [
        'image-usage: no price for gpt-image-2.5 (1 request, first on line 1): not in the genai-prices catalog: give its prices with --prices',
        'image-usage: no price for openai/gpt-image-2.5 (1 request, first on line 2): not in the genai-prices catalog: give its prices with --prices',
        '',
      ].join('\n'),
    );
    expect(without.stdout).toMatch(/^gpt-image-2\.5 .* no price$/m);
    expect(without.stdout).toMatch(/^Total .* \$0\.0405 \*$/m);
    expect(without.stdout).toContain('* without the requests that have no price (see standard error)');
  });

  test("a provider's prefix (OpenRouter's names) is looked up at that provider", () => {
    const { json } = runJson([], { input: jsonl({ model: 'openai/gpt-image-1', response: wire(16, 0, 272) }, { model: 'google/gemini-3-pro-image', response: wire(10, 0, 1120) }) });
    expect(json.rows.map((row) => [row.model, row.costExact, row.prices])).toEqual([
      ['google/gemini-3-pro-image', '0.13442', ['genai-prices google/gemini-3-pro-image-preview']],
      ['openai/gpt-image-1', '0.01096', ['genai-prices openai/gpt-image-1']],
    ]);
  });

  test('a tiered catalog price is no price, said so', () => {
    const { status, stderr } = runJson([], { input: jsonl({ model: 'gpt-5.6-sol', timestamp: '2026-09-01T00:00:00Z', response: wire(10, 0, 10) }) });
    expect(status).toBe(2);
    expect(stderr).toMatch(/^image-usage: no price for gpt-5\.6-sol \(1 request, first on line 1\): the genai-prices catalog's price of openai\/gpt-5\.6-sol does not fit image usage \(imagePricesFromGenaiPrices: input_mtok: expected a flat price per million tokens, received a tiered one/);
  });

  test('a --prices file that is not one is refused before the log is read', () => {
    const cases: [string, string, number, string][] = [
      ['bad.json', '{ not json', 65, '--prices bad.json: not JSON'],
      ['list.json', '[1]', 65, '--prices list.json: (root): expected an object of prices by model name, received Array'],
      ['missing.json', '{"m": {"inputText": 1, "inputImage": 1}}', 65, '--prices missing.json: "m".outputImage: expected a price per million tokens, a number >= 0, received undefined'],
      ['unknown.json', '{"m": {"inputText": 1, "inputImage": 1, "outputImage": 1, "output": 2}}', 65, '--prices unknown.json: "m".output: expected one of the keys inputText'],
      ['negative.json', '{"m": {"inputText": -1, "inputImage": 1, "outputImage": 1}}', 65, '--prices negative.json: "m".inputText: expected a price per million tokens, a number >= 0, received -1'],
    ];
    for (const [file, text, status, message] of cases) {
      writeFileSync(`${USER}${file}`, text);
      const ran = run(['report', '--prices', file], { input: jsonl(wire(1, 0, 1)) });
      expect([file, ran.status, ran.stdout]).toEqual([file, status, '']);
      expect(ran.stderr).toContain(`image-usage: ${message}`);
    }
    const absent = run(['report', '--prices', 'nowhere.json'], { input: '' });
    expect([absent.status, absent.stderr]).toEqual([66, expect.stringMatching(/^image-usage: --prices: cannot read nowhere\.json: ENOENT/)]);
  });
});

describe('grouping', () => {
  const at = (timestamp: unknown, model = 'gpt-image-1') => ({ model, timestamp, response: wire(10, 0, 100) });
  // 10 × 5 + 100 × 40 = 4,050 per million a line at gpt-image-1's prices
  const log = jsonl(
    at('2026-06-09T23:30:00Z'),
    at('2026-06-10T08:00:00Z', 'gpt-image-1.5'),
    at(1_781_100_000), // seconds: 2026-06-10T14:00:00Z
    at(1_781_100_000_000), // milliseconds
    { model: 'gpt-image-1', response: imagesBody(wire(10, 0, 100), 1_782_000_000) }, // the body's created: 2026-06-21
    { model: 'gpt-image-1', response: wire(10, 0, 100) }, // no time
  );

  test('--by day: a row a day with its models, in UTC, the lines without a time last', () => {
    const { json } = runJson(['--by', 'day'], { input: log });
    expect(json.rows.map((row) => [row.day, row.requests, row.costExact, row.models!.map((model) => [model.model, model.requests])])).toEqual([
      ['2026-06-09', 1, '0.00405', [['gpt-image-1', 1]]],
      ['2026-06-10', 3, '0.01135', [['gpt-image-1', 2], ['gpt-image-1.5', 1]]],
      ['2026-06-21', 1, '0.00405', [['gpt-image-1', 1]]],
      [null, 1, '0.00405', [['gpt-image-1', 1]]],
    ]);
    const table = run(['report', '--by', 'day'], { input: log }).stdout;
    expect(table).toContain('Image generation bill by day (UTC), in US dollars');
    expect(table).toMatch(/^2026-06-10 +3 +0 +30 .*\$0\.0114$\n^ {2}gpt-image-1 +2 .*\n^ {2}gpt-image-1\.5 +1 /m);
    expect(table).toMatch(/^\(no date\) +1 /m);
  });

  test('--timezone moves the days; --by month', () => {
    const paris = runJson(['--by', 'day', '--timezone', 'Europe/Paris'], { input: log }).json;
    expect(paris.timeZone).toBe('Europe/Paris');
    expect(paris.rows.map((row) => [row.day, row.requests])).toEqual([
      ['2026-06-10', 4],
      ['2026-06-21', 1],
      [null, 1],
    ]);
    const months = runJson(['--by', 'month'], { input: log }).json;
    expect(months.rows.map((row) => [row.month, row.requests, row.costExact])).toEqual([
      ['2026-06', 5, '0.01945'],
      [null, 1, '0.00405'],
    ]);
  });

  test('--since and --until keep the days between, inclusive, and leave out the lines without a time', () => {
    const { status, json } = runJson(['--since', '2026-06-10', '--until', '20260610'], { input: log });
    expect(status).toBe(0);
    expect(json.rows.map((row) => [row.model, row.requests])).toEqual([
      ['gpt-image-1', 2],
      ['gpt-image-1.5', 1],
    ]);
    expect(json.lines).toEqual(expect.objectContaining({ requests: 3, outOfRange: 3 }));
    expect(runJson(['--since', '2026-06-10', '--timezone', 'Europe/Paris'], { input: log }).json.total.requests).toBe(5);
    expect(run(['report', '--since', '2026-06-10'], { input: log }).stdout).toContain('Image generation bill by model (UTC, 2026-06-10 to …), in US dollars');
  });

  test('a time that cannot be read makes its line broken', () => {
    const ran = run(['report'], { input: jsonl(at('yesterday'), { model: 'gpt-image-1', response: { ...imagesBody(wire(1, 0, 1)), created: 'soon' } }) });
    expect(ran.status).toBe(1);
    expect(ran.stderr.split('\n').slice(0, 2)).toEqual([
      'line 1: timestamp: expected an ISO 8601 date (2025-10-15T09:52:06Z) or seconds since 1970, received "yesterday"',
      'line 2: response.created: expected an ISO 8601 date (2025-10-15T09:52:06Z) or seconds since 1970, received "soon"',
    ]);
  });
});

describe('broken lines', () => {
  test('never stop the report: each is listed with its line number and the message, the first 20, then a count', () => {
    const lines: unknown[] = [];
    for (let index = 0; index < 25; index++) lines.push(index % 2 === 0 ? '{"truncated": ' : { ...wire(10, 0, 100), total_tokens: '110' }, wire(10, 0, 100));
    const ran = run(['report', '--model', 'gpt-image-1'], { input: jsonl(...lines) });
    expect(ran.status).toBe(1);
    const errors = ran.stderr.trimEnd().split('\n');
    expect(errors).toHaveLength(21);
    expect(errors[0]).toMatch(/^line 1: not JSON: /);
    expect(errors[1]).toBe('line 3: total_tokens: expected number, received "110"');
    expect(errors[18]).toBe(`line 37: ${errors[0]!.slice('line 1: '.length)}`);
    expect(errors[19]).toBe('line 39: total_tokens: expected number, received "110"');
    expect(errors[20]).toBe('image-usage: 25 broken lines left out of the bill (the first 20 listed above, 5 more)');
    expect(ran.stdout).toMatch(/^gpt-image-1 +25 +0 +250 /m);
    const { json } = runJson(['--model', 'gpt-image-1'], { input: jsonl(...lines) });
    expect(json.lines).toEqual(expect.objectContaining({ read: 50, requests: 25, broken: 25 }));
    expect(json.problems.broken).toHaveLength(20);
  });

  test("a record's own fields are checked too", () => {
    const ran = run(['report'], { input: jsonl({ model: 42, response: wire(1, 0, 1) }, { model: 'gpt-image-1', response: 'none' }) });
    expect(ran.stderr.split('\n').slice(0, 2)).toEqual(['line 1: model: expected string, received 42', 'line 2: response: expected Object, received "none"']);
  });
});

describe('the command line', () => {
  test('--help, -h and no command print the usage; --version the versions', () => {
    for (const args of [['--help'], ['-h'], [], ['report', '--help']]) {
      const ran = run(args);
      expect([args, ran.status, ran.stderr]).toEqual([args, 0, '']);
      expect(ran.stdout).toMatch(/^Usage: image-usage report \[options\] \[FILE\|-\]\n/);
      expect(ran.stdout).toContain('Exit status: 0 every line billed;');
    }
    expect(run(['--version']).stdout).toMatch(/^image-usage-cli 0\.1\.0 \(prices: @pydantic\/genai-prices \d+\.\d+\.\d+\)\n$/);
  });

  test('a bad option, value or argument is status 64, with what is wrong', () => {
    const cases: [string[], string][] = [
      [['report', '--frobnicate'], 'unknown option --frobnicate'],
      [['report', '--by'], '--by needs a value'],
      [['report', '--by', 'week'], '--by: expected model, day or month, received "week"'],
      [['report', '--since', '2026-13-01'], '--since: expected a day, YYYY-MM-DD or YYYYMMDD, received "2026-13-01"'],
      [['report', '--since', '2026-06-10', '--until', '2026-06-01'], '--since 2026-06-10 is after --until 2026-06-01'],
      [['report', '--timezone', 'Mars/Olympus'], '--timezone: expected an IANA time zone such as Europe/Paris, received "Mars/Olympus"'],
      [['report', '--openrouter-prompt-tokens', 'audio'], '--openrouter-prompt-tokens: expected text or image, received "audio"'],
      [['report', '--decimals', '-1'], '--decimals needs a value'],
      [['report', '--decimals', '30'], '--decimals: expected a whole number from 0 to 20, received "30"'],
      [['report', 'a.jsonl', 'b.jsonl'], 'one log at a time, received 2: a.jsonl b.jsonl'],
      [['bill'], 'unknown command "bill": the command is "report"'],
    ];
    for (const [args, message] of cases) {
      const ran = run(args);
      expect([args, ran.status, ran.stdout, ran.stderr]).toEqual([args, 64, '', `image-usage: ${message} (see image-usage --help)\n`]);
    }
  });

  test('a log that cannot be read is status 66', () => {
    const ran = run(['report', 'nowhere.jsonl']);
    expect([ran.status, ran.stdout]).toEqual([66, '']);
    expect(ran.stderr).toMatch(/^image-usage: cannot read nowhere\.jsonl: ENOENT/);
  });

  test('the log from a file, from "-" or from standard input gives the same bill', () => {
    writeFileSync(`${USER}small.jsonl`, jsonl(geminiBody(9, 5, 1290)));
    const fromFile = run(['report', 'small.jsonl']);
    expect(fromFile.status).toBe(0);
    expect(fromFile.stdout).toMatch(/^gemini-2\.5-flash-image +1 +1 +9 .* \$0\.0387$/m);
    expect(run(['report', '-'], { input: jsonl(geminiBody(9, 5, 1290)) }).stdout).toBe(fromFile.stdout);
    expect(run(['report'], { input: jsonl(geminiBody(9, 5, 1290)) }).stdout).toBe(fromFile.stdout);
  });
});
