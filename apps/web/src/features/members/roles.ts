import type { Role } from '@rytask/contracts';

export const ROLES: Role[] = ['VIEWER', 'MEMBER', 'ADMIN', 'OWNER'];

export const ROLE_HINT: Record<Role, string> = {
  VIEWER: 'reads everything, changes nothing',
  MEMBER: 'creates and edits work',
  ADMIN: 'also manages members, invites and projects',
  OWNER: 'everything, including other owners',
};
