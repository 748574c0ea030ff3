import { listInbox, markInboxRead, markNotification } from '@rytask/core';
import {
  idParamsSchema,
  inboxQuerySchema,
  inboxReadAllResultSchema,
  inboxSchema,
  notificationSchema,
  type Notification,
} from '@rytask/contracts';
import type { NotificationRow } from '@rytask/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiContext } from '../../context';
import { requireCaller } from '../../plugins/auth';

const tags = ['inbox'];

function present(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    item: row.item,
    actor: row.actor,
    commentId: row.commentId,
    count: row.count,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export function inboxRoutes(fastify: FastifyInstance, { db }: ApiContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/inbox', {
    schema: {
      tags,
      summary: 'Your notifications, most recent activity first, and how many are unread',
      querystring: inboxQuerySchema,
      response: { 200: inboxSchema },
    },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    const inbox = await listInbox(db, caller, request.query);
    return { notifications: inbox.notifications.map(present), unread: inbox.unread };
  });

  app.post('/api/v1/inbox/read-all', {
    schema: { tags, summary: 'Mark all your notifications read', response: { 200: inboxReadAllResultSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return markInboxRead(db, caller);
  });

  app.post('/api/v1/inbox/:id/read', {
    schema: { tags, summary: 'Mark a notification read', params: idParamsSchema, response: { 200: notificationSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return present(await markNotification(db, caller, request.params.id, true));
  });

  app.post('/api/v1/inbox/:id/unread', {
    schema: { tags, summary: 'Mark a notification unread', params: idParamsSchema, response: { 200: notificationSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return present(await markNotification(db, caller, request.params.id, false));
  });
}
