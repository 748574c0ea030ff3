import { changeMemberRole, deactivateMember, listMembers, reactivateMember } from '@rytask/core';
import { memberListResponseSchema, memberParamsSchema, memberSchema, updateMemberRequestSchema, type Member } from '@rytask/contracts';
import type { MemberRow } from '@rytask/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiContext } from '../../context';
import { requireCaller } from '../../plugins/auth';

const tags = ['members'];

function present(member: MemberRow): Member {
  return {
    id: member.id,
    name: member.name,
    handle: member.handle,
    email: member.email,
    role: member.role,
    deactivated: member.deactivatedAt !== null,
  };
}

export function memberRoutes(fastify: FastifyInstance, { db }: ApiContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/members', {
    schema: { tags, summary: 'Everyone in the organization, deactivated members included', response: { 200: memberListResponseSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return { members: (await listMembers(db, caller)).map(present) };
  });

  app.patch('/api/v1/members/:userId', {
    schema: {
      tags,
      summary: "Change a member's role (ADMIN+; only an OWNER makes or changes an OWNER; never the last owner)",
      params: memberParamsSchema,
      body: updateMemberRequestSchema,
      response: { 200: memberSchema },
    },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return present(await changeMemberRole(db, caller, request.params.userId, request.body));
  });

  app.post('/api/v1/members/:userId/deactivate', {
    schema: {
      tags,
      summary: 'Deactivate a member: signs them out and deletes their access tokens here (ADMIN+; never the last owner)',
      params: memberParamsSchema,
      response: { 200: memberSchema },
    },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return present(await deactivateMember(db, caller, request.params.userId));
  });

  app.post('/api/v1/members/:userId/reactivate', {
    schema: { tags, summary: 'Reactivate a member (ADMIN+; an OWNER for an owner)', params: memberParamsSchema, response: { 200: memberSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return present(await reactivateMember(db, caller, request.params.userId));
  });
}
