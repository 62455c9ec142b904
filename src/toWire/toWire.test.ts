import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { WireImageUsageSchema } from '../schemas/WireImageUsageSchema.ts';
import { toWire } from './toWire.ts';
import { sdkUsage as sdk } from '../../test/fixtures/samples.ts';
import { _usageKeys, _WIRE } from '../_shape.ts';


describe('toWire', () => {
  test('gives the snake_case JSON form', () => {
    expect(JSON.stringify(toWire(sdk))).toBe(
      '{"total_tokens":4768,"input_tokens":169,"output_tokens":4599,' +
        '"input_tokens_details":{"text_tokens":169,"image_tokens":0},' +
        '"output_tokens_details":{"text_tokens":439,"image_tokens":4160}}',
    );
  });

  test('leaves out output_tokens_details when there are no output details', () => {
    const { outputTokensDetails: _, ...withoutDetails } = sdk;
    expect(toWire(withoutDetails)).not.toHaveProperty('output_tokens_details');
  });

  test('is the inverse of WireImageUsageSchema', () => {
    expect(v.parse(WireImageUsageSchema, toWire(sdk))).toStrictEqual(sdk);
  });

  test('says that a usage already in the wire form is one, and names parseImageUsage: the whole form, or any one wire key', () => {
    const hint = new TypeError('toWire: usage is in the wire form (snake_case keys such as total_tokens): parse it into the SDK form with parseImageUsage first');
    expect(() => toWire(toWire(sdk) as never)).toThrow(hint);
    for (const key of _usageKeys(_WIRE)) expect(() => toWire({ [key]: 0 } as never)).toThrow(hint);
  });

  test('throws a TypeError naming the field of a malformed usage object', () => {
    expect(() => toWire({ ...sdk, outputTokensDetails: { textTokens: 1, imageTokens: -2 } })).toThrow(
      new TypeError('toWire: usage is not an ImageUsage: outputTokensDetails.imageTokens: expected >=0, received -2'),
    );
  });
});
