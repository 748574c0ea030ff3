// The quick-add parser's public shapes. Plain types (no zod): the web app bundles this module and
// highlights tokens while the user types, so it must stay small and dependency-free.

export type QuickAddPriority = 'urgent' | 'high' | 'medium' | 'low' | 'none';

export interface QuickAddMember {
  id: string;
  handle: string | null;
  name: string;
  email: string;
}

export interface QuickAddContext {
  /** Active members of the organization. */
  members: QuickAddMember[];
  labels: { id: string; name: string }[];
  /** 'YYYY-MM-DD' in the organization's time zone (the caller computes it). */
  today: string;
  /** First day of the week, 0..6 with 0 = Sunday. Default 1 (Monday). */
  weekStart?: number;
  /** What `~1d` means, in minutes. Default 480 (8 hours). */
  workingMinutesPerDay?: number;
}

export interface QuickAddToken {
  kind: 'assignee' | 'label' | 'priority' | 'due' | 'estimate';
  /** Exactly the slice of the input [start, end); a multi-word date keeps its inner whitespace. */
  text: string;
  start: number;
  end: number;
}

export interface QuickAddResult {
  title: string;
  assigneeId?: string;
  /** Existing labels. */
  labelIds: string[];
  /** Labels to create, spelled as the user typed them. */
  newLabels: string[];
  priority?: QuickAddPriority;
  /** 'YYYY-MM-DD'. */
  dueDate?: string;
  estimateMinutes?: number;
  /** Tokens that were read and removed from the title; value is for people, e.g. 'Sam Lee', '2h'. */
  understood: (QuickAddToken & { value: string })[];
  /**
   * Tokens that did not resolve (kept in the title), tokens overridden by a later one of the same
   * kind (removed from the title), and an empty title. Messages are plain language, for the user.
   * (`kind` is left out of the Partial: intersected with it, 'title' would be an impossible kind.)
   */
  problems: (Partial<Omit<QuickAddToken, 'kind'>> & { kind: QuickAddToken['kind'] | 'title'; message: string })[];
}
