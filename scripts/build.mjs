// Builds every server-side workspace package into its own dist/ with esbuild (type checking is
// `npm run typecheck`). Each package keeps importing its dependencies from its own location, so
// npm's hoisting decisions never matter. Source files stay the truth for tests and types through
// the "source" export condition.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const packages = [
  { dir: 'packages/contracts', entry: { index: 'src/index.ts', constants: 'src/constants.ts' } },
  // Two entries sharing chunks: `migrate-entry` is the light path of every `rytask migrate`.
  { dir: 'packages/db', entry: { index: 'src/index.ts', 'migrate-entry': 'src/migrate-entry.ts' }, splitting: true },
  { dir: 'packages/core', entry: { index: 'src/index.ts' } },
  { dir: 'apps/api', entry: { index: 'src/index.ts' } },
  { dir: 'apps/worker', entry: { index: 'src/index.ts' } },
  // Subcommands load on demand, so `rytask migrate` does not pay for the api or the worker.
  { dir: 'apps/cli', entry: { rytask: 'src/main.ts' }, splitting: true },
];

await Promise.all(
  packages.map(({ dir, entry, splitting = false }) => {
    rmSync(`${dir}/dist`, { recursive: true, force: true });
    return build({
      absWorkingDir: new URL(`../${dir}/`, import.meta.url).pathname,
      entryPoints: entry,
      outdir: 'dist',
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting,
      packages: 'external',
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: true,
      logLevel: 'warning',
    });
  }),
);
