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
  // wrap-ansi measures text with string-width, which builds an Intl.Segmenter
  // as it loads (about 8 ms of every start); src/ui/width.ts gives the same
  // widths and builds it only for text that needs it.
  alias: { 'string-width': './src/ui/width.ts' },
  // Some dependencies are CommonJS: they require() Node built-ins and read __filename.
  banner: {
    js: [
      "import { createRequire as __mlprepRequire } from 'node:module';",
      "import { fileURLToPath as __mlprepPath } from 'node:url';",
      'const require = __mlprepRequire(import.meta.url);',
      'const __filename = __mlprepPath(import.meta.url);',
      "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
    ].join(' '),
  },
  logLevel: 'warning',
});
