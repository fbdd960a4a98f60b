import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../contracts/common';
import {
  Unit,
  UnitInput,
  UnitList,
  UnitPatch,
  UnitQuery,
  UnitSuccession,
  UnitSuccessionInput,
  UnitSuccessionList,
  UnitSuccessionQuery,
} from '../contracts/units';
import {
  createUnit,
  createUnitSuccession,
  getUnit,
  listUnitSuccessions,
  listUnits,
  updateUnit,
} from '../services/units';
import { contextOf, withEtag } from './context';
import { expectedVersion } from './versions';

const tags = ['units'];

const unitsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/units',
    {
      config: { permission: 'units:read' },
      schema: { tags, querystring: UnitQuery, response: { 200: UnitList, ...errorResponses } },
    },
    async (request) => listUnits(contextOf(request), request.query),
  );

  app.post(
    '/api/units',
    {
      config: { permission: 'units:write' },
      schema: { tags, body: UnitInput, response: { 201: Unit, ...errorResponses } },
    },
    async (request, reply) => {
      const unit = createUnit(contextOf(request), request.body);
      reply.code(201).header('location', `/api/units/${unit.id}`);
      return withEtag(reply, unit);
    },
  );

  app.get(
    '/api/units/:id',
    {
      config: { permission: 'units:read' },
      schema: { tags, params: IdParams, response: { 200: Unit, ...errorResponses } },
    },
    async (request, reply) => withEtag(reply, getUnit(contextOf(request), request.params.id)),
  );

  app.patch(
    '/api/units/:id',
    {
      config: { permission: 'units:write' },
      schema: { tags, params: IdParams, body: UnitPatch, response: { 200: Unit, ...errorResponses } },
    },
    async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      return withEtag(reply, updateUnit(contextOf(request), request.params.id, request.body, expected));
    },
  );

  app.get(
    '/api/unit-successions',
    {
      config: { permission: 'units:read' },
      schema: {
        tags,
        summary: 'Merges, splits and renames of units',
        querystring: UnitSuccessionQuery,
        response: { 200: UnitSuccessionList, ...errorResponses },
      },
    },
    async (request) => listUnitSuccessions(contextOf(request), request.query),
  );

  app.post(
    '/api/unit-successions',
    {
      config: { permission: 'units:write' },
      schema: { tags, body: UnitSuccessionInput, response: { 201: UnitSuccession, ...errorResponses } },
    },
    async (request, reply) => {
      reply.code(201);
      return createUnitSuccession(contextOf(request), request.body);
    },
  );
};

export default unitsRoutes;
