import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REFERENCE_LIST_FILES, REFERENCE_SANCTIONS_DIR } from '../../../platform/screening/parse/reference';

// A clone has nothing beside it: tests, benches, scripts and the product read data from inside the
// repository only. The team's own machines have a ../shared folder; a user's clone does not.

const self = fileURLToPath(import.meta.url);
const repo = path.resolve(path.dirname(self), '../../..');
const SKIP_DIRS = new Set(['node_modules', '.git', 'data', 'dist', '.tools', 'test-results', 'reference']);
const CODE = /\.(ts|tsx|mts|cts|js|mjs|cjs|sh|json|ya?ml|prisma|toml)$|^Dockerfile$/;
// "../shared", "..\shared", "'..', 'shared'" or an absolute path into the team's folder
const OUTSIDE = new RegExp(String.raw`\.\.[\\/]shared\b|['"]\.\.['"]\s*,\s*['"]shared['"]|/work/` + 'shared\\b');

function* codeFiles(dir: string): Generator<string> {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (d.isDirectory()) {
      if (!SKIP_DIRS.has(d.name)) yield* codeFiles(path.join(dir, d.name));
    } else if (d.isFile() && CODE.test(d.name) && path.join(dir, d.name) !== self) yield path.join(dir, d.name);
  }
}

describe('data the repository reads', () => {
  it('comes from inside the repository: no code refers to ../shared', () => {
    const offenders: string[] = [];
    for (const file of codeFiles(repo)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (OUTSIDE.test(line)) offenders.push(`${path.relative(repo, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('ships every sanctions list file the tests and benches read, with its README', () => {
    expect(REFERENCE_SANCTIONS_DIR).toBe(path.join(repo, 'reference/sanctions'));
    for (const name of [...REFERENCE_LIST_FILES, 'README.md'])
      expect(existsSync(path.join(REFERENCE_SANCTIONS_DIR, name)), name).toBe(true);
  });

  it('recognises the ways a path can leave the repository (so the check above can fail)', () => {
    for (const line of [`'../../../shared/data/sanctions'`, `path.join(root, '..', 'shared')`, `"..\\shared\\x"`])
      expect(OUTSIDE.test(line), line).toBe(true);
    for (const line of ['shared Temporal dev server', 'shared/design/case-engine.md', 'sharedBy'])
      expect(OUTSIDE.test(line), line).toBe(false);
  });
});
