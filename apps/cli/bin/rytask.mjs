#!/usr/bin/env node
// Built by `npm run build` (run automatically by `npm install`).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/rytask.mjs', import.meta.url);
if (!existsSync(bundle)) {
  console.error('rytask is not built yet: run `npm install` (or `npm run build`) in the RyTask directory.');
  process.exit(1);
}
await import(bundle.href);
