import { acceptInvite, authenticate, createInvite, listInvites, previewInvite, revokeInvite } from '@rytask/core';
import {
  acceptInviteRequestSchema,
  createdInviteResponseSchema,
  createInviteRequestSchema,
  inviteListResponseSchema,
  inviteParamsSchema,
  invitePreviewResponseSchema,
  inviteTokenParamsSchema,
  sessionResponseSchema,
  type Invite,
} from '@rytask/contracts';
import type { InviteSummary } from '@rytask/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiContext } from '../../context';
import { requireCaller, setSessionCookie } from '../../plugins/auth';

const tags = ['invites'];

function present(invite: InviteSummary): Invite {
  return {
    id: invite.id,
    role: invite.role,
    email: invite.email,
    createdAt: invite.createdAt.toISOString(),
    expiresAt: invite.expiresAt.toISOString(),
    createdBy: invite.createdBy,
  };
}

export function inviteRoutes(fastify: FastifyInstance, { db, publicUrl, secureCookies }: ApiContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/invites', {
    schema: {
      tags,
      summary: 'Create an invite link (ADMIN+; only an OWNER invites an OWNER). The link is shown once',
      body: createInviteRequestSchema,
      response: { 201: createdInviteResponseSchema },
    },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    const { invite, token } = await createInvite(db, caller, request.body);
    // The web app's /invite/<token> page reads the invite and accepts it through the two public routes below.
    return reply.code(201).send({ ...present(invite), url: `${publicUrl}/invite/${token}` });
  });

  app.get('/api/v1/invites', {
    schema: { tags, summary: 'Pending invites (ADMIN+)', response: { 200: inviteListResponseSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return { invites: (await listInvites(db, caller)).map(present) };
  });

  app.delete('/api/v1/invites/:id', {
    schema: { tags, summary: 'Revoke an invite: its link stops working (ADMIN+)', params: inviteParamsSchema },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    await revokeInvite(db, caller, request.params.id);
    return reply.code(204).send();
  });

  // Public: whoever holds the link. Unknown, expired, used and revoked links all answer the same 404.
  app.get('/api/v1/invites/:token', {
    schema: {
      tags,
      summary: 'What an invite link offers (public)',
      security: [],
      params: inviteTokenParamsSchema,
      response: { 200: invitePreviewResponseSchema },
    },
  }, async (request) => {
    const invite = await previewInvite(db, request.params.token);
    return { organization: { name: invite.organizationName }, role: invite.role, expiresAt: invite.expiresAt.toISOString() };
  });

  app.post('/api/v1/invites/:token/accept', {
    schema: {
      tags,
      summary: 'Accept an invite: creates the account (or adds an existing one) and signs in (public, single use)',
      security: [],
      params: inviteTokenParamsSchema,
      body: acceptInviteRequestSchema,
      response: { 201: sessionResponseSchema },
    },
  }, async (request, reply) => {
    const { token, expiresAt } = await acceptInvite(db, request.params.token, request.body, {
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
    setSessionCookie(reply, token, expiresAt, secureCookies);
    const caller = await authenticate(db, { sessionToken: token });
    return reply.code(201).send({ user: caller.user, organization: caller.organization, role: caller.role });
  });
}
