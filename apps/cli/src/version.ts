import { createRequire } from 'node:module';

// ../package.json from both src/ (tests) and dist/ (the bundle).
export const APP_VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
