// The runtime smoke test: one script, run in every runtime the package claims
// (see runtimes.test.ts). It takes the package's exports as an argument, so
// that each runtime loads the package its own way (`import`, `require`, JSR,
// a bundle) and the checks stay the same. Plain JavaScript and no imports: it
// runs as is in Node, Deno, Bun, workerd and the edge runtime.

/** The names of the checks, in order: a run that returns them all passed. */
export const CHECKS = [
  'parse wire form',
  'parse SDK form',
  'check',
  'sum',
  'ratio',
  'toWire',
  'safe parse of bad input',
  'parse error',
  'Standard Schema validate',
  'hostile input',
];

/** Whether a message is one short line of well-formed text. */
function isShortLine(message) {
  return typeof message === 'string' && message.length < 300 && !/[\n\r\u0085\u2028\u2029]/.test(message) && message.isWellFormed();
}

/** Throws unless `actual` and `expected` have the same JSON. */
function same(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, received ${a}`);
}

/**
 * Runs every check against the package's exports.
 *
 * @param api The package's exports, however the runtime loaded them.
 * @returns The names of the checks that passed: all of `CHECKS`, or it throws.
 */
export async function smoke(api) {
  const passed = [];
  const wire = {
    total_tokens: 4212,
    input_tokens: 52,
    output_tokens: 4160,
    input_tokens_details: { text_tokens: 52, image_tokens: 0 },
    output_tokens_details: null,
  };
  const sdk = {
    totalTokens: 5019,
    inputTokens: 859,
    outputTokens: 4160,
    inputTokensDetails: { textTokens: 36, imageTokens: 823 },
    outputTokensDetails: { textTokens: 0, imageTokens: 4160 },
  };
  const wireCopy = JSON.stringify(wire);

  const fromWire = api.parseImageUsage(wire);
  same(fromWire, { totalTokens: 4212, inputTokens: 52, outputTokens: 4160, inputTokensDetails: { textTokens: 52, imageTokens: 0 } }, 'parseImageUsage(wire)');
  same(JSON.stringify(wire), wireCopy, 'the input after parsing');
  passed.push('parse wire form');

  const fromSdk = api.parseImageUsage(sdk);
  same(fromSdk, sdk, 'parseImageUsage(sdk)');
  if (fromSdk === sdk) throw new Error('parseImageUsage(sdk): expected a fresh object, received the input');
  passed.push('parse SDK form');

  same(api.checkImageUsage(fromWire), [], 'checkImageUsage(consistent)');
  const broken = api.checkImageUsage({ ...fromSdk, totalTokens: 5020 });
  same(
    broken.map(({ rule, expected, received }) => ({ rule, expected, received })),
    [{ rule: 'total', expected: 5019, received: 5020 }],
    'checkImageUsage(inconsistent)',
  );
  passed.push('check');

  const total = api.sumImageUsage([fromWire, fromSdk]);
  same(total, { totalTokens: 9231, inputTokens: 911, outputTokens: 8320, inputTokensDetails: { textTokens: 88, imageTokens: 823 }, outputTokensDetails: { textTokens: 0, imageTokens: 8320 } }, 'sumImageUsage');
  passed.push('sum');

  same(api.ratio(823, 911), 823 / 911, 'ratio(823, 911)');
  same(api.ratio(5, 0), 0, 'ratio(5, 0)');
  passed.push('ratio');

  same(api.toWire(fromWire), { ...wire, output_tokens_details: undefined }, 'toWire');
  passed.push('toWire');

  const bad = { ...wire, total_tokens: '4212', input_tokens_details: { text_tokens: 52, image_tokens: -1 } };
  const result = api.safeParseImageUsage(bad);
  same(result.success, false, 'safeParseImageUsage(bad).success');
  same(
    result.issues.map((issue) => [issue.path.map((item) => item.key).join('.'), issue.message]),
    [
      ['total_tokens', 'expected number, received "4212"'],
      ['input_tokens_details.image_tokens', 'expected >=0, received -1'],
    ],
    'safeParseImageUsage(bad).issues',
  );
  passed.push('safe parse of bad input');

  let thrown;
  try {
    api.parseImageUsage(bad);
  } catch (error) {
    thrown = error;
  }
  same(thrown?.name, 'ImageUsageError', 'parseImageUsage(bad) throws');
  same(thrown instanceof api.ImageUsageError, true, 'the error is an ImageUsageError');
  same(thrown.issues.length, 2, 'the error lists both issues');
  same(
    thrown.message,
    'Invalid image usage (2 issues):\n  total_tokens: expected number, received "4212"\n  input_tokens_details.image_tokens: expected >=0, received -1',
    'the error message',
  );
  passed.push('parse error');

  const standard = api.WireImageUsageSchema['~standard'];
  same([standard.version, standard.vendor], [1, 'valibot'], 'WireImageUsageSchema ~standard');
  const valid = await standard.validate(wire);
  same([valid.issues, valid.value], [undefined, fromWire], 'validate(wire)');
  const invalid = await standard.validate({ ...wire, input_tokens: -1 });
  same(
    invalid.issues.map((issue) => issue.path.map((segment) => segment.key)),
    [['input_tokens']],
    'validate(bad).issues paths',
  );
  const either = api.WireOrSdkImageUsageSchema['~standard'];
  same((await either.validate(sdk)).value, sdk, 'WireOrSdkImageUsageSchema validate(sdk)');
  same((await either.validate({ ...wire, totalTokens: 1 })).issues.length, 1, 'WireOrSdkImageUsageSchema validate(mixed)');
  passed.push('Standard Schema validate');

  // Values that used to escape safeParseImageUsage: a class name that is not a
  // string (or turns into a megabyte, or throws when converted), and a proxy
  // without usage keys that revokes itself on its last trap call.
  const oddName = (name) => Object.create({ constructor: { name } });
  const names = [
    { toString: () => 'Weird', length: 100 },
    { toString: () => 'x'.repeat(1_000_000) },
    ...[1, 3].map((throwsOn) => ({
      calls: 0,
      toString() {
        if (++this.calls >= throwsOn) throw new Error('no');
        return 'Weird';
      },
    })),
    42,
    Symbol('name'),
  ];
  const hostile = names.flatMap((name) => [{ ...sdk, totalTokens: oddName(name) }, { ...wire, input_tokens: oddName(name) }]);
  for (let traps = 1; traps <= 12; traps++) {
    let calls = 0;
    const { proxy, revoke } = Proxy.revocable({ usage: {} }, {});
    const handler = {};
    for (const trap of ['get', 'has', 'getPrototypeOf', 'ownKeys', 'getOwnPropertyDescriptor']) {
      handler[trap] = (...args) => {
        if (++calls === traps) revoke();
        return Reflect[trap](...args);
      };
    }
    hostile.push(new Proxy(proxy, handler));
  }
  for (const input of hostile) {
    for (const strict of [false, true]) {
      let outcome;
      try {
        outcome = api.safeParseImageUsage(input, { strict });
      } catch (error) {
        throw new Error(`safeParseImageUsage threw: ${error}`, { cause: error });
      }
      same(outcome.success, false, 'a hostile input is not valid');
      for (const issue of outcome.issues) if (!isShortLine(issue.message) || !isShortLine(issue.received)) throw new Error(`not a short line: ${issue.message}`);
      try {
        api.parseImageUsage(input, { strict });
      } catch (error) {
        if (error.name !== 'ImageUsageError') throw new Error(`parseImageUsage threw ${error}`, { cause: error });
      }
    }
  }
  passed.push('hostile input');

  same(passed, CHECKS, 'the checks that ran');
  return passed;
}
