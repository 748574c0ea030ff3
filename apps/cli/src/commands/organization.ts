// `rytask organization create|list`: organizations are made by the operator. The seed makes the
// first; each further one gets its first OWNER here, who then invites everyone else from the web app.
import { createOrganization } from '@rytask/core';
import { createDatabase, listOrganizationsWithMembers } from '@rytask/db';
import { requireDatabaseUrl, type Config } from '../config';
import { printOneTimePassword } from '../one-time-password';

export interface OrganizationOptions {
  name?: string;
  ownerEmail?: string;
  ownerName?: string;
  json: boolean;
}

const USAGE = 'Usage: rytask organization create --name NAME --owner-email EMAIL [--owner-name NAME]\n       rytask organization list [--json]';

export async function organizationCommand(config: Config, action: string | undefined, options: OrganizationOptions): Promise<number> {
  if (action !== 'create' && action !== 'list') {
    console.error(`${action ? `Unknown action "${action}".` : 'Say what to do.'}\n${USAGE}`);
    return 2;
  }
  if (action === 'create' && (!options.name || !options.ownerEmail)) {
    console.error(`Both --name and --owner-email are needed.\n${USAGE}`);
    return 2;
  }
  const handle = createDatabase(requireDatabaseUrl(config), { max: 1, applicationName: 'rytask organization' });
  try {
    if (action === 'list') {
      const rows = await listOrganizationsWithMembers(handle.db);
      if (options.json) console.log(JSON.stringify(rows, null, 2));
      else for (const row of rows) console.log(`${row.name} (${row.slug}) — ${row.members} active member${row.members === 1 ? '' : 's'}; owners: ${row.owners.join(', ') || 'none'}`);
      return 0;
    }
    const created = await createOrganization(handle.db, { name: options.name!, ownerEmail: options.ownerEmail!, ownerName: options.ownerName });
    console.log(`Created organization "${created.organization.name}" (slug ${created.organization.slug}).`);
    if (created.generatedPassword) {
      printOneTimePassword({
        heading: `Its owner has a new account. Sign in at ${config.publicUrl}`,
        email: created.owner.email,
        password: created.generatedPassword,
        footer: 'This password is shown only this once; it must be changed at first sign-in.',
      });
    } else {
      console.log(
        `Its owner is the existing account ${created.owner.email}: they sign in with their own password and open the new ` +
          'organization from the account menu (Switch organization).',
      );
    }
    return 0;
  } finally {
    await handle.close();
  }
}
