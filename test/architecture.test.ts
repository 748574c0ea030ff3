// The house rules that a reviewer would otherwise have to remember: imports flow one way, the
// environment is read in one place, and every error code and setting is documented.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '@rytask/contracts';
import { CONFIG_VARIABLES } from '../apps/cli/src/config';

const root = new URL('..', import.meta.url).pathname;

/** Which of our packages each package may import. */
const allowed: Record<string, string[]> = {
  'packages/contracts': [],
  'packages/db': [],
  'packages/core': ['@rytask/db', '@rytask/contracts', '@rytask/contracts/quick-add'],
  'apps/api': ['@rytask/core', '@rytask/db', '@rytask/contracts', '@rytask/contracts/quick-add'],
  'apps/worker': ['@rytask/core', '@rytask/db'],
  'apps/cli': ['@rytask/api', '@rytask/worker', '@rytask/core', '@rytask/db', '@rytask/db/migrate'],
  'apps/web': ['@rytask/contracts', '@rytask/contracts/constants', '@rytask/contracts/quick-add'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

describe('architecture', () => {
  for (const [pkg, may] of Object.entries(allowed)) {
    it(`${pkg} imports only ${may.length ? may.join(', ') : 'nothing'} of ours, never across package folders`, () => {
      const violations = sourceFiles(join(root, pkg, 'src')).flatMap((file) =>
        imports(file)
          .filter((spec) => {
            if (spec.startsWith('@rytask/')) return !may.includes(spec);
            if (spec.startsWith('.')) return !join(file, '..', spec).startsWith(join(root, pkg, 'src'));
            return false;
          })
          .map((spec) => `${relative(root, file)} imports ${spec}`),
      );
      expect(violations).toEqual([]);
    });
  }

  it('reads process.env only in the configuration module', () => {
    const readers = Object.keys(allowed)
      .flatMap((pkg) => sourceFiles(join(root, pkg, 'src')))
      .filter((file) => readFileSync(file, 'utf8').includes('process.env'))
      .map((file) => relative(root, file));
    expect(readers).toEqual(['apps/cli/src/config.ts']);
  });

  it('documents every API error code', () => {
    const doc = readFileSync(join(root, 'docs/api/errors.md'), 'utf8');
    expect(errorCodes.filter((code) => !doc.includes(`\`${code}\``))).toEqual([]);
  });

  it('documents every configuration variable with its default', () => {
    const doc = readFileSync(join(root, 'docs/self-hosting/configuration.md'), 'utf8');
    const rows = new Map(
      [...doc.matchAll(/^\| `([A-Z_]+)` \| ([^|]+) \|/gm)].map((m) => [m[1]!, m[2]!.trim()]),
    );
    expect(CONFIG_VARIABLES.filter((name) => !rows.has(name))).toEqual([]);
    expect([...rows].filter(([, fallback]) => fallback === '')).toEqual([]);
  });

  it('keeps every workspace at the same version as the app', () => {
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
    for (const pkg of Object.keys(allowed)) {
      expect(JSON.parse(readFileSync(join(root, pkg, 'package.json'), 'utf8')).version, pkg).toBe(version);
    }
  });
});
