// Who may change a saved view. Only its owner edits it (a shared view is still theirs); an
// OWNER or ADMIN may also delete a shared view, to tidy up what everyone sees.
import { AppError } from '../errors';
import type { Caller } from '../session';
import { hasRole } from './roles';

type ViewOwnership = { owner: { id: string }; shared: boolean };

export function canEditSavedView(caller: Caller, view: ViewOwnership): boolean {
  return view.owner.id === caller.user.id && hasRole(caller, 'MEMBER');
}

export function canDeleteSavedView(caller: Caller, view: ViewOwnership): boolean {
  return canEditSavedView(caller, view) || (view.shared && hasRole(caller, 'ADMIN'));
}

export function assertCanEditSavedView(caller: Caller, view: ViewOwnership): void {
  if (!canEditSavedView(caller, view)) throw new AppError('forbidden', 'Only the person who saved this view can change it.');
}

export function assertCanDeleteSavedView(caller: Caller, view: ViewOwnership): void {
  if (!canDeleteSavedView(caller, view)) {
    throw new AppError('forbidden', 'Only the person who saved this view (or an owner or admin, for a shared view) can delete it.');
  }
}
