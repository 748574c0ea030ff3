// @rytask/contracts/quick-add — the quick-add grammar, shared by the web app (live highlighting)
// and the API (creating the item). Free of zod and of any dependency: the web app bundles it.
export { parseQuickAdd } from './parse';
/** Also parses time entries' durations (`1h30m`, `90m`, `1.5h`, `1d`): pass the text with a leading `~`. */
export { resolveEstimate, formatMinutes } from './estimate';
export type {
  QuickAddContext,
  QuickAddMember,
  QuickAddPriority,
  QuickAddResult,
  QuickAddToken,
} from './types';
