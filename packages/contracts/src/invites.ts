import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from './constants';
import { roleSchema } from './auth';
import { idParamsSchema } from './work';
import { handleSchema, personNameSchema } from './profile';

const emailSchema = z.string().trim().max(320).email('Enter a valid email address');

export const createInviteRequestSchema = z.object({
  role: roleSchema,
  /** Who the link is meant for: shown to admins, not enforced (anyone with the link can use it). */
  email: emailSchema.optional(),
  expiresInDays: z.int('Use a whole number of days').min(1).max(30).default(7),
});
export type CreateInviteRequest = z.input<typeof createInviteRequestSchema>;

/** A pending invite as admins see it: never its link, which is shown once at creation. */
export const inviteSchema = z.object({
  id: z.string(),
  role: roleSchema,
  email: z.string().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type Invite = z.infer<typeof inviteSchema>;

export const createdInviteResponseSchema = inviteSchema.extend({
  url: z.string().describe('The invite link. Shown once: send it to the person now.'),
});
export type CreatedInviteResponse = z.infer<typeof createdInviteResponseSchema>;

export const inviteListResponseSchema = z.object({ invites: z.array(inviteSchema) });
export type InviteListResponse = z.infer<typeof inviteListResponseSchema>;

export const inviteParamsSchema = idParamsSchema;
export const inviteTokenParamsSchema = z.object({ token: z.string().min(1).max(200) });

/** What the invite page shows before accepting. */
export const invitePreviewResponseSchema = z.object({
  organization: z.object({ name: z.string() }),
  role: roleSchema,
  expiresAt: z.iso.datetime(),
});
export type InvitePreviewResponse = z.infer<typeof invitePreviewResponseSchema>;

/**
 * A new account needs name, handle and a password of at least 12 characters. When the email already
 * has an account, the password must be that account's, and name and handle are ignored.
 */
export const acceptInviteRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`).max(1024),
  name: personNameSchema.optional(),
  handle: handleSchema.optional(),
});
export type AcceptInviteRequest = z.infer<typeof acceptInviteRequestSchema>;
