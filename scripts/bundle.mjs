// Bundles the CLI with esbuild into dist/bundle/main.cjs: one CommonJS file in
// which each command (and what only it needs: the YAML parser, zod, the
// scorer, the prompts) is initialized only when it runs. Beside it goes
// main.cjs.cache, V8's compiled form of the file, which bin/mlprep.js hands to
// V8 so that a start skips parsing the bundle (the Node that builds is the
// Node that runs, in development and CI; any other Node rejects the cache and
// compiles as usual). tsc (npm run build) still type-checks and emits dist/
// for the scripts and benchmarks that import single modules.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import vm from 'node:vm';

const dir = new URL('../dist/bundle/', import.meta.url);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const result = await build({
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  write: false,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  // wrap-ansi measures text with string-width, which builds an Intl.Segmenter
  // as it loads (about 8 ms of every start); src/ui/width.ts gives the same
  // widths and builds it only for text that needs it.
  alias: { 'string-width': './src/ui/width.ts' },
  // src/paths.ts finds the package from its own location.
  define: { 'import.meta.url': '__mlprepUrl' },
  banner: { js: "const __mlprepUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [
    {
      // commander requires child_process as it loads (about 1.5 ms), only to
      // spawn executable subcommands, which mlprep does not have: it gets
      // child_process when it first uses it.
      name: 'lazy-child-process',
      setup(b) {
        b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
          /[\\/]commander[\\/]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'mlprep' } : undefined,
        );
        b.onLoad({ filter: /.*/, namespace: 'mlprep' }, () => ({
          contents: "module.exports = { get spawn() { return require('node:child_process').spawn; } };",
          loader: 'js',
        }));
      },
    },
  ],
  logLevel: 'warning',
});
const body = result.outputFiles[0].text;
// The first line names this build; the cache is used only with the bundle it was made from.
const id = createHash('sha256').update(body).digest('hex').slice(0, 32);
const source = `// mlprep build ${id}\n${body}`;
writeFileSync(new URL('main.cjs', dir), source);
// Keep in step with bin/mlprep.js, which compiles the same wrapper.
const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
const file = new URL('main.cjs', dir).pathname;
const cache = new vm.Script(wrapped, { filename: file }).createCachedData();
writeFileSync(new URL('main.cjs.cache', dir), Buffer.concat([Buffer.from(`${id}\n`), cache]));
console.log(`dist/bundle/main.cjs: ${(source.length / 1024).toFixed(0)} kB, code cache ${(cache.length / 1024).toFixed(0)} kB`);
