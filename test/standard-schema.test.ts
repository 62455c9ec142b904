import { sValidator } from '@hono/standard-validator';
import { initTRPC, TRPCError } from '@trpc/server';
import { Hono } from 'hono';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { estimateCost, ImageUsageSchema, StrictWireImageUsageSchema, WireImageUsageSchema } from '../src/index.ts';
import { sdkUsage as sdk, wireUsage as wire } from './fixtures/samples.ts';

// The schemas are valibot schemas and so Standard Schema v1: real consumers take them as they are.


describe('Hono with @hono/standard-validator', () => {
  const app = new Hono();
  app.post('/usage', sValidator('json', WireImageUsageSchema), (c) => c.json(c.req.valid('json')));
  app.post(
    '/responses',
    sValidator('json', v.object({ created: v.number(), usage: StrictWireImageUsageSchema })),
    (c) => c.json({ totalTokens: c.req.valid('json').usage.totalTokens }),
  );
  const post = (path: string, body: unknown) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  test('answers 200 with the parsed SDK form for a valid body', async () => {
    const response = await post('/usage', wire);
    expect(response.status).toBe(200);
    expect(await response.json()).toStrictEqual(sdk);
  });

  test('answers 400 with the issue and its path for an invalid body', async () => {
    const response = await post('/usage', { ...wire, input_tokens: -1 });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { success: boolean; error: v.BaseIssue<unknown>[] };
    expect(body.success).toBe(false);
    expect(body.error.map((issue) => [issue.path?.map((item) => item.key), issue.expected, issue.received])).toStrictEqual([
      [['input_tokens'], '>=0', '-1'],
    ]);
  });

  test("without a hook the 400 body is valibot's raw issues, which echo the input at every level (the README shows the hook for a small body)", async () => {
    const body = { created: 1713833628, data: [{ b64_json: 'x'.repeat(1000) }], usage: { ...wire, total_tokens: 4769 } };
    const response = await post('/responses', body);
    expect(response.status).toBe(400);
    const [issue] = ((await response.json()) as { error: [Record<string, unknown> & { path: Record<string, unknown>[] }] }).error;
    // The whole body, in the path item of the field whose usage it holds.
    expect(issue.path[0]).toMatchObject({ type: 'object', origin: 'value', key: 'usage', input: body, value: body.usage });
    expect(JSON.stringify(issue).length).toBeGreaterThan(1000);
  });

  test('works nested in a bigger schema, strict rules included', async () => {
    const ok = await post('/responses', { created: 1713833628, usage: wire });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toStrictEqual({ totalTokens: 4768 });
    const broken = await post('/responses', { created: 1713833628, usage: { ...wire, total_tokens: 4769 } });
    expect(broken.status).toBe(400);
    const body = (await broken.json()) as { error: v.BaseIssue<unknown>[] };
    expect(body.error.map((issue) => [issue.path?.map((item) => item.key).join('.'), issue.expected])).toStrictEqual([
      ['usage.total_tokens', 'input_tokens + output_tokens = 4768'],
    ]);
  });
});

describe('tRPC input validation', () => {
  const t = initTRPC.create();
  // Example prices per million tokens, not current ones.
  const prices = { inputText: 5, inputImage: 8, outputImage: 32, outputText: 10 };
  const router = t.router({
    record: t.procedure.input(StrictWireImageUsageSchema).mutation(({ input }) => ({
      totalTokens: input.totalTokens,
      cost: estimateCost(input, prices),
    })),
    echo: t.procedure.input(ImageUsageSchema).query(({ input }) => input),
  });
  const caller = t.createCallerFactory(router)({});

  test('passes the parsed SDK form to the procedure', async () => {
    expect(await caller.record(wire)).toStrictEqual({ totalTokens: 4768, cost: 0.138355 });
    expect(await caller.echo(sdk)).toStrictEqual(sdk);
  });

  test('rejects invalid input with BAD_REQUEST and the issues', async () => {
    const error = await caller.record({ ...wire, output_tokens: 4600 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    const issues = (error as TRPCError & { cause: { issues: v.BaseIssue<unknown>[] } }).cause.issues;
    expect(issues.map((issue) => [issue.path?.map((item) => item.key).join('.'), issue.expected])).toStrictEqual([
      ['total_tokens', 'input_tokens + output_tokens = 4769'],
      ['output_tokens', 'output_tokens_details.text_tokens + output_tokens_details.image_tokens = 4599'],
    ]);
    const shape = await caller.echo({ ...sdk, inputTokensDetails: { textTokens: '169', imageTokens: 0 } } as never).catch((caught: unknown) => caught);
    expect((shape as TRPCError).code).toBe('BAD_REQUEST');
  });
});
