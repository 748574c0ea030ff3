import { createComment, deleteComment, editComment, listComments } from '@rytask/core';
import {
  commentListSchema,
  commentSchema,
  createCommentSchema,
  idParamsSchema,
  updateCommentSchema,
  type Comment,
} from '@rytask/contracts';
import type { CommentRow, MentionablePerson } from '@rytask/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiContext } from '../../context';
import { renderMarkdown } from '../../lib/markdown';
import { requireCaller } from '../../plugins/auth';

const tags = ['comments'];

/** `@handle` → the person, for mention links. */
function mentionMap(people: MentionablePerson[]): Map<string, { id: string; name: string }> {
  return new Map(people.map((person) => [person.handle.toLowerCase(), { id: person.id, name: person.name }]));
}

function present(comment: CommentRow, people: Map<string, { id: string; name: string }>): Comment {
  return {
    id: comment.id,
    itemId: comment.itemId,
    author: comment.author,
    body: comment.body,
    bodyHtml: renderMarkdown(comment.body, people),
    createdAt: comment.createdAt.toISOString(),
    editedAt: comment.editedAt?.toISOString() ?? null,
  };
}

export function commentRoutes(fastify: FastifyInstance, { db }: ApiContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/items/:id/comments', {
    schema: { tags, summary: "An item's comments, oldest first", params: idParamsSchema, response: { 200: commentListSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    const { comments, people } = await listComments(db, caller, request.params.id);
    const mentions = mentionMap(people);
    return { comments: comments.map((comment) => present(comment, mentions)) };
  });

  app.post('/api/v1/items/:id/comments', {
    schema: {
      tags,
      summary: 'Comment on an item (MEMBER+): you start watching it; @mentioned members and watchers are notified',
      params: idParamsSchema,
      body: createCommentSchema,
      response: { 201: commentSchema },
    },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    const { comment, people } = await createComment(db, caller, request.params.id, request.body);
    return reply.code(201).send(present(comment, mentionMap(people)));
  });

  app.patch('/api/v1/comments/:id', {
    schema: {
      tags,
      summary: 'Edit your comment (author only): marked edited; people newly @mentioned are notified',
      params: idParamsSchema,
      body: updateCommentSchema,
      response: { 200: commentSchema },
    },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    const { comment, people } = await editComment(db, caller, request.params.id, request.body);
    return present(comment, mentionMap(people));
  });

  app.delete('/api/v1/comments/:id', {
    schema: { tags, summary: 'Delete a comment (its author, or an OWNER/ADMIN)', params: idParamsSchema },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    await deleteComment(db, caller, request.params.id);
    return reply.code(204).send();
  });
}
