import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { calendarMarkEndpoints } from '../contracts/calendar-marks';
import {
  createCalendarMark,
  deleteCalendarMark,
  listCalendarMarks,
  planningHints,
  updateCalendarMark,
} from '../services/calendar-marks';
import { contextOf, withEtag } from './context';
import { routeOf } from './route-of';
import { expectedVersion } from './versions';

const calendarMarksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(calendarMarkEndpoints.list),
    config: { permission: 'activities:read' },
    handler: async (request) => listCalendarMarks(contextOf(request), request.query),
  });

  app.route({
    ...routeOf(calendarMarkEndpoints.create),
    config: { permission: 'calendar-marks:write' },
    handler: async (request, reply) => {
      const mark = createCalendarMark(contextOf(request), request.body);
      reply.code(201).header('location', `/api/calendar-marks/${mark.id}`);
      return withEtag(reply, mark);
    },
  });

  app.route({
    ...routeOf(calendarMarkEndpoints.update),
    config: { permission: 'calendar-marks:write' },
    handler: async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      return withEtag(
        reply,
        updateCalendarMark(contextOf(request), request.params.id, request.body, expected),
      );
    },
  });

  app.route({
    ...routeOf(calendarMarkEndpoints.remove),
    config: { permission: 'calendar-marks:write' },
    handler: async (request, reply) =>
      withEtag(reply, deleteCalendarMark(contextOf(request), request.params.id)),
  });

  app.route({
    ...routeOf(calendarMarkEndpoints.hints),
    config: { permission: 'activities:read' },
    handler: async (request) => planningHints(contextOf(request), request.query),
  });
};

export default calendarMarksRoutes;
