// Projects and their statuses. Creating and changing them is for owners and admins; everyone in
// the organization reads them.
import {
  createProject,
  createStatus,
  deleteStatus,
  getProject,
  listProjects,
  reorderStatuses,
  updateProject,
  updateStatus,
} from '@rytask/core';
import {
  createProjectSchema,
  createStatusSchema,
  deleteStatusSchema,
  idParamsSchema,
  projectListQuerySchema,
  projectListSchema,
  projectSchema,
  reorderStatusesSchema,
  statusSchema,
  updateProjectSchema,
  updateStatusSchema,
} from '@rytask/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiContext } from '../../context';
import { requireCaller } from '../../plugins/auth';
import { presentProject, presentStatus } from './present';

const tags = ['projects'];

export function projectRoutes(fastify: FastifyInstance, { db }: ApiContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/projects', {
    schema: { tags, summary: 'List projects (add ?archived=true for archived ones too)', querystring: projectListQuerySchema, response: { 200: projectListSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    const projects = await listProjects(db, caller, { includeArchived: request.query.archived });
    return { projects: projects.map(presentProject) };
  });

  app.post('/api/v1/projects', {
    schema: { tags, summary: 'Create a project with the default statuses (OWNER/ADMIN)', body: createProjectSchema, response: { 201: projectSchema } },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    return reply.code(201).send(presentProject(await createProject(db, caller, request.body)));
  });

  app.get('/api/v1/projects/:id', {
    schema: { tags, summary: 'A project with its statuses', params: idParamsSchema, response: { 200: projectSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return presentProject(await getProject(db, caller, request.params.id));
  });

  app.patch('/api/v1/projects/:id', {
    schema: { tags, summary: 'Rename, describe, archive or unarchive a project (OWNER/ADMIN); the key never changes', params: idParamsSchema, body: updateProjectSchema, response: { 200: projectSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return presentProject(await updateProject(db, caller, request.params.id, request.body));
  });

  app.post('/api/v1/projects/:id/statuses', {
    schema: { tags: ['statuses'], summary: 'Add a status at the end of the project’s order (OWNER/ADMIN)', params: idParamsSchema, body: createStatusSchema, response: { 201: statusSchema } },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    return reply.code(201).send(presentStatus(await createStatus(db, caller, request.params.id, request.body)));
  });

  app.put('/api/v1/projects/:id/statuses/order', {
    schema: { tags: ['statuses'], summary: 'Reorder the project’s statuses: list every one exactly once (OWNER/ADMIN)', params: idParamsSchema, body: reorderStatusesSchema, response: { 200: projectSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return presentProject(await reorderStatuses(db, caller, request.params.id, request.body.statusIds));
  });

  app.patch('/api/v1/statuses/:id', {
    schema: { tags: ['statuses'], summary: 'Rename a status or change its category (OWNER/ADMIN)', params: idParamsSchema, body: updateStatusSchema, response: { 200: statusSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return presentStatus(await updateStatus(db, caller, request.params.id, request.body));
  });

  app.delete('/api/v1/statuses/:id', {
    schema: { tags: ['statuses'], summary: 'Delete a status, moving its items (trash included) to `moveTo` (OWNER/ADMIN)', params: idParamsSchema, body: deleteStatusSchema },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    await deleteStatus(db, caller, request.params.id, request.body.moveTo);
    return reply.code(204).send();
  });
}
