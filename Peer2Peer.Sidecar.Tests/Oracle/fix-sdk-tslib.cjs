// Post-install fix-up for a packaging fault of @siafoundation/sdk@0.5.0:
// its bundled files (libs/sdk/src/*.js) import
//   ../../../node_modules/tslib/tslib.es6.cjs.js   (CommonJS build, used by Node)
//   ../../../node_modules/tslib/tslib.es6.esm.js   (ESM build, used by bundlers)
// i.e. node_modules/@siafoundation/sdk/node_modules/tslib/tslib.es6.{cjs,esm}.js,
// which the published tarball does not ship. We create those two files as
// one-line re-exports of the real `tslib` package (a pinned dependency here).
// Idempotent; run automatically by `npm ci` / `npm install` via "postinstall".
'use strict';
const fs = require('fs');
const path = require('path');

const here = __dirname;
const sdkDir = path.join(here, 'node_modules', '@siafoundation', 'sdk');
if (!fs.existsSync(path.join(sdkDir, 'package.json'))) {
  console.error('fix-sdk-tslib: @siafoundation/sdk is not installed in ' + sdkDir);
  process.exit(1);
}
const target = path.join(sdkDir, 'node_modules', 'tslib');
fs.mkdirSync(target, { recursive: true });

// Point at the real tslib by relative path: a bare 'tslib' specifier would, under
// ESM resolution, find this very (package.json-less) folder first and fail.
const tslibDir = path.dirname(require.resolve('tslib/package.json', { paths: [here] }));
const rel = f => {
  let r = path.relative(target, path.join(tslibDir, f)).split(path.sep).join('/');
  return r.startsWith('.') ? r : './' + r;
};
const files = {
  'tslib.es6.cjs.js': `module.exports = require('${rel('tslib.js')}');\n`,
  'tslib.es6.esm.js': `export * from '${rel('tslib.es6.mjs')}';\n`,
};
for (const [name, text] of Object.entries(files)) {
  fs.writeFileSync(path.join(target, name), text);
}
console.log('fix-sdk-tslib: wrote ' + Object.keys(files).map(f => path.relative(here, path.join(target, f))).join(', '));
