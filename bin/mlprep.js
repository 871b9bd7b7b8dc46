#!/usr/bin/env node
// The mlprep launcher: `--version` is answered here, without loading the CLI;
// everything else runs the bundled CLI (dist/bundle, built by npm run build).
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version + '\n');
} else {
  const { run } = await import('../dist/bundle/main.js');
  await run();
}
