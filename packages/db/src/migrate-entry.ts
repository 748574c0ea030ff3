// `@rytask/db/migrate`: what `rytask migrate` and `rytask status` need on every boot — the
// migrator and the seed — kept free of drizzle-orm, tar and the rest so that an idle migrate
// starts fast (measured by bench/migrate-idle.mjs).
export * from './migrator/index';
export { runSeed, seed, type SeedOptions, type SeedResult } from './seed/seed';
