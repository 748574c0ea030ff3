import { z } from 'zod';
import { idParamsSchema } from './work';

/** `read`: GET requests only. `read_write`: whatever the owner's role allows. */
export const tokenScopeSchema = z.enum(['read', 'read_write']);
export type TokenScope = z.infer<typeof tokenScopeSchema>;

export const createAccessTokenRequestSchema = z.object({
  name: z.string().trim().min(1, 'Name the token (e.g. "CI" or "my agent")').max(100),
  scope: tokenScopeSchema,
  /** Omitted: the token never expires (it can always be revoked). */
  expiresInDays: z.int('Use a whole number of days').min(1).max(3650).optional(),
});
export type CreateAccessTokenRequest = z.infer<typeof createAccessTokenRequestSchema>;

/** A token as listed: never the token itself nor its hash, only its first characters. */
export const accessTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The token's first characters (`rtk_` and a few more), to recognise it. */
  prefix: z.string(),
  scope: tokenScopeSchema,
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
});
export type AccessToken = z.infer<typeof accessTokenSchema>;

/** The answer of creation: the only time the token is ever shown. */
export const createdAccessTokenResponseSchema = accessTokenSchema.extend({
  token: z.string().describe('`rtk_` + 43 characters. Shown once: store it now.'),
});
export type CreatedAccessTokenResponse = z.infer<typeof createdAccessTokenResponseSchema>;

export const accessTokenListResponseSchema = z.object({ tokens: z.array(accessTokenSchema) });
export type AccessTokenListResponse = z.infer<typeof accessTokenListResponseSchema>;

export const accessTokenParamsSchema = idParamsSchema;
