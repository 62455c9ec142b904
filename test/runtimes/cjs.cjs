// Runs the smoke test on the package loaded with `require` (Node CJS).
// Prints what it loaded, the names it exports and which checks passed.
const api = require('image-usage');

import('./smoke.mjs')
  .then(({ smoke }) => smoke(api))
  .then((passed) => console.log(JSON.stringify({ entry: require.resolve('image-usage'), exports: Object.keys(api).sort(), passed })));
