import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Agency, AgencyInput, AgencyList, AgencyPatch, AgencyQuery } from '../contracts/agencies';
import { errorResponses, IdParams } from '../contracts/common';
import { createAgency, getAgency, listAgencies, updateAgency } from '../services/agencies';
import { contextOf, withEtag } from './context';
import { expectedVersion } from './versions';

const tags = ['agencies'];

const agenciesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/agencies',
    {
      config: { permission: 'agencies:read' },
      schema: { tags, querystring: AgencyQuery, response: { 200: AgencyList, ...errorResponses } },
    },
    async (request) => listAgencies(contextOf(request), request.query),
  );

  app.post(
    '/api/agencies',
    {
      config: { permission: 'agencies:write' },
      schema: { tags, body: AgencyInput, response: { 201: Agency, ...errorResponses } },
    },
    async (request, reply) => {
      const agency = createAgency(contextOf(request), request.body);
      reply.code(201).header('location', `/api/agencies/${agency.id}`);
      return withEtag(reply, agency);
    },
  );

  app.get(
    '/api/agencies/:id',
    {
      config: { permission: 'agencies:read' },
      schema: { tags, params: IdParams, response: { 200: Agency, ...errorResponses } },
    },
    async (request, reply) => withEtag(reply, getAgency(contextOf(request), request.params.id)),
  );

  app.patch(
    '/api/agencies/:id',
    {
      config: { permission: 'agencies:write' },
      schema: { tags, params: IdParams, body: AgencyPatch, response: { 200: Agency, ...errorResponses } },
    },
    async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      return withEtag(reply, updateAgency(contextOf(request), request.params.id, request.body, expected));
    },
  );
};

export default agenciesRoutes;
