// Time reports: the report over a range, the interruption ledger, one person's week, and CSV
// downloads of entries and of every report table. Every role reads them, VIEWER included.
import { Readable } from 'node:stream';
import { getInterruptionLedger, getMyWeek, getTimeReport, reportCsv } from '@rytask/core';
import {
  interruptionLedgerSchema,
  myWeekQuerySchema,
  myWeekSchema,
  reportCsvQuerySchema,
  reportRangeQuerySchema,
  timeReportSchema,
} from '@rytask/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiContext } from '../../context';
import { requireCaller } from '../../plugins/auth';

const tags = ['reports'];

export function reportRoutes(fastify: FastifyInstance, { db }: ApiContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/reports/time', {
    schema: {
      tags,
      summary: 'Tracked time over organization-local days from..to (≤ 366): totals, per project, person, week and day, each split planned/interruption',
      querystring: reportRangeQuerySchema,
      response: { 200: timeReportSchema },
    },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return getTimeReport(db, caller, request.query);
  });

  app.get('/api/v1/reports/interruptions', {
    schema: {
      tags,
      summary: 'The interruption ledger: which items interrupted, who raised them, from which source, how long (biggest first)',
      querystring: reportRangeQuerySchema,
      response: { 200: interruptionLedgerSchema },
    },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return getInterruptionLedger(db, caller, request.query);
  });

  app.get('/api/v1/reports/my-week', {
    schema: {
      tags,
      summary: 'One person’s week (default: yours, this week) day by day with items, and a plain-text summary',
      querystring: myWeekQuerySchema,
      response: { 200: myWeekSchema },
    },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return getMyWeek(db, caller, request.query);
  });

  app.get('/api/v1/reports/time.csv', {
    schema: {
      tags,
      summary: 'CSV download (UTF-8 with BOM, CRLF): entries split per local day, or a report table; streamed',
      querystring: reportCsvQuerySchema,
      produces: ['text/csv'],
    },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    const csv = await reportCsv(db, caller, request.query);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${csv.filename}"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(csv.chunks));
  });
}
