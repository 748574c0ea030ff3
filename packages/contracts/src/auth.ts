import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from './constants';

export const roleSchema = z.enum(['OWNER', 'ADMIN', 'MEMBER', 'VIEWER']);
export type Role = z.infer<typeof roleSchema>;

export const loginRequestSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address').max(320),
  password: z.string().min(1, 'Enter your password').max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, 'Enter your current password').max(1024),
  newPassword: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1024),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

/** Who is signed in, in which organization: the answer of login, session and password change. */
export const sessionResponseSchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    /** What `@mentions` match; null until the person picks one (PATCH /api/v1/me). */
    handle: z.string().nullable(),
    mustChangePassword: z.boolean(),
  }),
  organization: z.object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
  }),
  role: roleSchema,
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** An organization the signed-in person belongs to (GET /api/v1/me/organizations). */
export const myOrganizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  role: roleSchema,
  /** The organization this session works in. */
  current: z.boolean(),
});
export type MyOrganization = z.infer<typeof myOrganizationSchema>;
export const myOrganizationsResponseSchema = z.object({ organizations: z.array(myOrganizationSchema) });

export const switchOrganizationRequestSchema = z.object({
  organizationId: z.string().uuid('Pick one of your organizations (an id from GET /api/v1/me/organizations)'),
});
