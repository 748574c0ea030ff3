// Builds every server-side workspace package into its own dist/ with esbuild (type checking is
// `npm run typecheck`). Each package keeps importing its dependencies from its own location, so
// npm's hoisting decisions never matter. Source files stay the truth for tests and types through
// the "source" export condition.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

/** Third-party (and our other workspace) packages stay external, except those listed. */
function externalPackagesExcept(bundled) {
  return {
    name: 'external-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
        return bundled.includes(name) ? undefined : { path: args.path, external: true };
      });
    },
  };
}

const packages = [
  { dir: 'packages/contracts', entry: { index: 'src/index.ts', constants: 'src/constants.ts', 'quick-add': 'src/quick-add/index.ts' } },
  // Two entries sharing chunks: `migrate-entry` is the light path of every `rytask migrate`.
  { dir: 'packages/db', entry: { index: 'src/index.ts', 'migrate-entry': 'src/migrate-entry.ts' }, splitting: true },
  { dir: 'packages/core', entry: { index: 'src/index.ts' } },
  { dir: 'apps/api', entry: { index: 'src/index.ts' } },
  { dir: 'apps/worker', entry: { index: 'src/index.ts' } },
  // Subcommands load on demand, so `rytask migrate` does not pay for the api or the worker.
  // The command's own chunks load on every `rytask` call, so they are kept small: zod is bundled
  // (one minified file loads far faster than zod's hundred modules) — see bench/migrate-idle.mjs.
  { dir: 'apps/cli', entry: { rytask: 'src/main.ts' }, splitting: true, bundled: ['zod'], minify: true },
];

await Promise.all(
  packages.map(({ dir, entry, splitting = false, bundled = [], minify = false }) => {
    rmSync(`${dir}/dist`, { recursive: true, force: true });
    return build({
      absWorkingDir: new URL(`../${dir}/`, import.meta.url).pathname,
      entryPoints: entry,
      outdir: 'dist',
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting,
      plugins: [externalPackagesExcept(bundled)],
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: true,
      minify,
      logLevel: 'warning',
    });
  }),
);
