import { z } from 'zod';
import { roleSchema } from './auth';

export const memberSchema = z.object({
  /** The person's user id (what `/members/:userId` takes). */
  id: z.string(),
  name: z.string(),
  handle: z.string().nullable(),
  email: z.string(),
  role: roleSchema,
  /** A deactivated member keeps their history but cannot sign in to this organization. */
  deactivated: z.boolean(),
});
export type Member = z.infer<typeof memberSchema>;

export const memberListResponseSchema = z.object({ members: z.array(memberSchema) });
export type MemberListResponse = z.infer<typeof memberListResponseSchema>;

export const memberParamsSchema = z.object({ userId: z.uuid('Not a valid id') });

export const updateMemberRequestSchema = z.object({ role: roleSchema });
export type UpdateMemberRequest = z.infer<typeof updateMemberRequestSchema>;
