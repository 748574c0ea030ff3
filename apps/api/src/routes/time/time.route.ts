// Time tracking: the caller's timer (one running per person; starting another stops and logs the
// running one), manual entries on an item, and editing or deleting an entry (its owner, or an
// OWNER/ADMIN). Members and above track time; viewers read it.
import { createTimeEntry, deleteTimeEntry, getItemTime, getRunningTimer, startTimer, stopTimer, updateTimeEntry } from '@rytask/core';
import {
  createTimeEntrySchema,
  idParamsSchema,
  itemTimeSchema,
  runningTimerSchema,
  startTimerResultSchema,
  startTimerSchema,
  stopTimerResultSchema,
  stopTimerSchema,
  timeEntrySchema,
  updateTimeEntrySchema,
} from '@rytask/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiContext } from '../../context';
import { requireCaller } from '../../plugins/auth';
import { presentTimeEntry } from './present';

const tags = ['time'];

export function timeRoutes(fastify: FastifyInstance, { db }: ApiContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/timer', {
    schema: { tags, summary: 'Your running timer (null when none runs); `seconds` is the time so far', response: { 200: runningTimerSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    const timer = await getRunningTimer(db, caller);
    return { timer: timer && presentTimeEntry(timer) };
  });

  app.post('/api/v1/items/:id/timer', {
    schema: {
      tags,
      summary: 'Start your timer on the item; a timer running on another item is stopped and logged (`stopped`)',
      description: 'Starting the item whose timer already runs answers that timer unchanged. Items in the trash answer 409 `conflict`.',
      params: idParamsSchema,
      // Optional: `curl -X POST …/timer` with no body starts a timer too.
      body: startTimerSchema.nullish(),
      response: { 201: startTimerResultSchema },
    },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    const { timer, stopped } = await startTimer(db, caller, request.params.id, request.body ?? {});
    return reply.code(201).send({ timer: presentTimeEntry(timer), stopped: stopped && presentTimeEntry(stopped) });
  });

  app.post('/api/v1/timer/stop', {
    schema: {
      tags,
      summary: 'Stop your running timer and log it (409 `no_running_timer` when none runs)',
      description:
        'The class is the one given, else `interruption` for an urgent item and `planned` otherwise, fixed from then on. ' +
        'A timer that ran more than 24 h is logged as 24 h (`capped: true`).',
      body: stopTimerSchema.nullish(),
      response: { 200: stopTimerResultSchema },
    },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    const { entry, capped } = await stopTimer(db, caller, request.body ?? {});
    return { entry: presentTimeEntry(entry), capped };
  });

  app.get('/api/v1/items/:id/time-entries', {
    schema: {
      tags,
      summary: "The item's time entries, newest first (a running timer included), and the seconds logged by finished ones",
      params: idParamsSchema,
      response: { 200: itemTimeSchema },
    },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    const { entries, loggedSeconds } = await getItemTime(db, caller, request.params.id);
    return { entries: entries.map(presentTimeEntry), loggedSeconds };
  });

  app.post('/api/v1/items/:id/time-entries', {
    schema: {
      tags,
      summary: 'Log time on the item: a `duration` (on `date`, default today) or `startedAt` + `endedAt`; more than 0, at most 24 h',
      params: idParamsSchema,
      body: createTimeEntrySchema,
      response: { 201: timeEntrySchema },
    },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    return reply.code(201).send(presentTimeEntry(await createTimeEntry(db, caller, request.params.id, request.body)));
  });

  app.patch('/api/v1/time-entries/:id', {
    schema: {
      tags,
      summary: 'Edit a time entry (its owner, an OWNER or an ADMIN); a running timer may only change its note',
      params: idParamsSchema,
      body: updateTimeEntrySchema,
      response: { 200: timeEntrySchema },
    },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return presentTimeEntry(await updateTimeEntry(db, caller, request.params.id, request.body));
  });

  app.delete('/api/v1/time-entries/:id', {
    schema: { tags, summary: 'Delete a time entry for good (its owner, an OWNER or an ADMIN)', params: idParamsSchema },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    await deleteTimeEntry(db, caller, request.params.id);
    return reply.code(204).send();
  });
}
