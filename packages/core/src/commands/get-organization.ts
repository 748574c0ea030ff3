import { findOrganizationSettings, type Database, type OrganizationSettingsRow } from '@rytask/db';
import { AppError } from '../errors';
import type { Caller } from '../session';

/** The caller's organization and its settings; any role may read them. */
export async function getOrganization(db: Database, caller: Caller): Promise<OrganizationSettingsRow> {
  const settings = await findOrganizationSettings(db, caller.organization.id);
  if (!settings) throw new AppError('not_found', 'No such organization.');
  return settings;
}
