import {
  findOrganizationSettings,
  isTimeZoneKnownToDatabase,
  rebuildDayTotals,
  updateOrganizationSettings,
  type Database,
  type OrganizationSettingsRow,
} from '@rytask/db';
import type { UpdateOrganizationRequest } from '@rytask/contracts';
import { AppError } from '../errors';
import { assertRole } from '../policies/roles';
import { canonicalTimeZone } from '../policies/time-zone';
import type { Caller } from '../session';

/**
 * Name, time zone, week start and working day length. ADMIN and OWNER only. A new time zone moves
 * every local midnight, so the report rollup (time_day_totals) is rebuilt in the same transaction:
 * the organization's row is held from the first read, and every time entry write shares it first
 * (holdOrganizationTimeZone), so none slips between the change and the rebuild.
 */
export async function updateOrganization(db: Database, caller: Caller, input: UpdateOrganizationRequest): Promise<OrganizationSettingsRow> {
  assertRole(caller, 'ADMIN');
  const changes = { ...input };
  if (input.timeZone !== undefined) {
    const timeZone = canonicalTimeZone(input.timeZone);
    // Reports convert times in PostgreSQL, so its time zone database must know the zone too.
    if (!timeZone || !(await isTimeZoneKnownToDatabase(db, timeZone))) {
      throw new AppError('validation_failed', `"${input.timeZone}" is not a time zone. Use an IANA name such as Europe/Paris or America/New_York.`, {
        field: 'timeZone',
      });
    }
    changes.timeZone = timeZone;
  }
  return db.transaction(async (tx) => {
    const before = await findOrganizationSettings(tx, caller.organization.id, { lock: true });
    const updated = await updateOrganizationSettings(tx, caller.organization.id, changes);
    if (!before || !updated) throw new AppError('not_found', 'No such organization.');
    if (updated.timeZone !== before.timeZone) await rebuildDayTotals(tx, updated.id);
    return updated;
  });
}
