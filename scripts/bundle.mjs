// Bundles the CLI into dist/bundle/ with esbuild: one entry module plus a chunk
// per lazily imported command, so start-up reads a few files instead of
// resolving a hundred modules. tsc (npm run build) still type-checks and emits
// dist/ for the scripts and benchmarks that import single modules.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist/bundle', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  minifySyntax: true,
  legalComments: 'none',
  // Some dependencies are CommonJS and require() Node built-ins.
  banner: { js: "import { createRequire as __mlprepRequire } from 'node:module'; const require = __mlprepRequire(import.meta.url);" },
  logLevel: 'warning',
});
