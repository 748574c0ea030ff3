// @rytask/contracts/quick-add — the quick-add grammar, shared by the web app (live highlighting)
// and the API (creating the item). Free of zod and of any dependency: the web app bundles it.
export { parseQuickAdd } from './parse';
export type {
  QuickAddContext,
  QuickAddMember,
  QuickAddPriority,
  QuickAddResult,
  QuickAddToken,
} from './types';
