import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root (where package.json, bank/, coverage/ and schema/ are),
 * found by walking up from this module: the same code runs from src/ under
 * test, from dist/ after tsc, and from the bundle.
 */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'bank'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('mlprep: cannot find its package root');
    dir = up;
  }
}

export const PACKAGE_ROOT = findRoot();
