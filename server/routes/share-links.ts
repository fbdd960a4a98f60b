import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ActivityList } from '../contracts/activities';
import { errorResponses, IdParams } from '../contracts/common';
import {
  NewShareLink,
  SharedActivityQuery,
  SharedParams,
  SharedView,
  ShareLinkInput,
  ShareLinkList,
  ShareLinkQuery,
} from '../contracts/share-links';
import {
  createShareLink,
  listShareLinks,
  revokeShareLink,
  sharedActivities,
  viewShareLink,
} from '../services/share-links';
import { contextOf } from './context';

const tags = ['share links'];

const shareLinksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/share-links',
    {
      config: { permission: 'share-links:write' },
      schema: { tags, querystring: ShareLinkQuery, response: { 200: ShareLinkList, ...errorResponses } },
    },
    async (request) => listShareLinks(contextOf(request), request.query),
  );

  app.post(
    '/api/share-links',
    {
      config: { permission: 'share-links:write' },
      schema: {
        tags,
        summary: 'Create a read-only link to a filtered calendar; its secret is shown once',
        body: ShareLinkInput,
        response: { 201: NewShareLink, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return createShareLink(contextOf(request), request.body);
    },
  );

  app.delete(
    '/api/share-links/:id',
    {
      config: { permission: 'share-links:write' },
      schema: {
        tags,
        summary: 'Revoke a link',
        params: IdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      revokeShareLink(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  // The link's secret is the credential: these two answer without an account.
  app.get(
    '/api/shared/:token',
    {
      config: { permission: 'public' },
      schema: { tags, params: SharedParams, response: { 200: SharedView, ...errorResponses } },
    },
    async (request) => viewShareLink(contextOf(request), request.params.token),
  );

  app.get(
    '/api/shared/:token/activities',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: "The activities a link shows in [start, end), within the link's filters",
        params: SharedParams,
        querystring: SharedActivityQuery,
        response: { 200: ActivityList, ...errorResponses },
      },
    },
    async (request) => sharedActivities(contextOf(request), request.params.token, request.query),
  );
};

export default shareLinksRoutes;
