// `#label`: an existing label (matched case-insensitively by name) or a new one to create.
import { fold, type Outcome } from './words';

export const MAX_LABEL_LENGTH = 50;
/** Letters and digits of any script (with their combining marks), and - _ / . */
const LABEL_NAME = /^[\p{L}\p{M}\p{Nd}_\-/.]+$/u;

export type LabelReading = { id: string; name: string; created: false } | { name: string; created: true };

export function resolveLabel(text: string, labels: readonly { id: string; name: string }[]): Outcome<LabelReading> {
  const name = text.slice(1);
  if (!LABEL_NAME.test(name)) {
    return {
      ok: false,
      message: `${text} is not a label name (letters, digits, - _ / and . only) — kept in the title.`,
    };
  }
  if ([...name].length > MAX_LABEL_LENGTH) {
    return { ok: false, message: `${text} is longer than ${MAX_LABEL_LENGTH} characters — kept in the title.` };
  }
  const existing = labels.find((label) => fold(label.name) === fold(name));
  if (existing) return { ok: true, value: { id: existing.id, name: existing.name, created: false }, display: existing.name };
  return { ok: true, value: { name, created: true }, display: `${name} (new label)` };
}
