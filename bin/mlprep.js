#!/usr/bin/env node
// The mlprep launcher: `--version` is answered here, without loading the CLI;
// everything else runs the bundled CLI (dist/bundle/main.cjs, built by
// npm run build), compiled from the V8 code cache written beside it when this
// Node accepts it (see scripts/bundle.mjs), else from source as usual.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version + '\n');
} else {
  const file = new URL('../dist/bundle/main.cjs', import.meta.url).pathname;
  const require = createRequire(file);
  const source = readFileSync(file, 'utf8');
  let cachedData;
  try {
    const cache = readFileSync(`${file}.cache`);
    const nl = cache.indexOf(10);
    // The cache belongs to the build named on the bundle's first line.
    if (nl > 0 && source.startsWith(`// mlprep build ${cache.toString('latin1', 0, nl)}\n`)) cachedData = cache.subarray(nl + 1);
  } catch {
    // No cache: compile from source.
  }
  const { Script } = require('node:vm');
  const wrapper = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} };
  wrapper.runInThisContext()(module.exports, require, module, file, file.slice(0, file.lastIndexOf('/')));
  await module.exports.run();
}
