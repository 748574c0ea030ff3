import { isTimeZoneKnownToDatabase, updateOrganizationSettings, type Database, type OrganizationSettingsRow } from '@rytask/db';
import type { UpdateOrganizationRequest } from '@rytask/contracts';
import { AppError } from '../errors';
import { assertRole } from '../policies/roles';
import { canonicalTimeZone } from '../policies/time-zone';
import type { Caller } from '../session';

/** Name, time zone, week start and working day length. ADMIN and OWNER only. */
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
  const updated = await updateOrganizationSettings(db, caller.organization.id, changes);
  if (!updated) throw new AppError('not_found', 'No such organization.');
  return updated;
}
