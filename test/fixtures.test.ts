import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { checkImageUsage, isImageUsage, parseImageUsage, safeParseImageUsage, toWire } from '../src/index.ts';
import { payloads } from './fixtures/index.ts';

describe.each(payloads)('$name', (payload) => {
  if (payload.shape === 'valid') {
    test('parses under the default rules', () => {
      const usage = parseImageUsage(payload.value);
      expect(isImageUsage(usage)).toBe(true);
      // Every known field comes through with its value (unknown keys are dropped).
      expect(payload.value).toMatchObject(payload.form === 'sdk' ? usage : toWire(usage));
    });

    test(`is ${payload.consistent ? 'consistent' : 'inconsistent'}`, () => {
      const found = checkImageUsage(parseImageUsage(payload.value));
      expect(found.length === 0).toBe(payload.consistent);
    });

    test(`${payload.consistent && payload.strict !== false ? 'passes' : 'fails'} the strict rules`, () => {
      const strict = payload.strict ?? payload.consistent;
      expect(safeParseImageUsage(payload.value, { strict: true }).success).toBe(strict);
    });
  } else {
    test('is rejected with messages naming paths in its own form', () => {
      const result = safeParseImageUsage(payload.value);
      expect(result.success).toBe(false);
      if (result.success) return;
      for (const issue of result.issues) {
        expect(issue.message).toMatch(/^expected .+, received .+$/);
        const path = v.getDotPath(issue) ?? '';
        if (payload.form === 'wire') expect(path).not.toMatch(/[a-z][A-Z]/);
        if (payload.form === 'sdk') expect(path).not.toContain('_');
      }
    });
  }
});
