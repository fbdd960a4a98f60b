import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { campaignEndpoints } from '../contracts/campaigns';
import {
  createCampaign,
  deleteCampaign,
  getCampaign,
  listCampaigns,
  updateCampaign,
} from '../services/campaigns';
import { contextOf, withEtag } from './context';
import { routeOf } from './route-of';
import { expectedVersion } from './versions';

const campaignsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(campaignEndpoints.list),
    config: { permission: 'campaigns:read' },
    handler: async (request) => listCampaigns(contextOf(request), request.query),
  });

  app.route({
    ...routeOf(campaignEndpoints.create),
    config: { permission: 'campaigns:write' },
    handler: async (request, reply) => {
      const campaign = createCampaign(contextOf(request), request.body);
      reply.code(201).header('location', `/api/campaigns/${campaign.id}`);
      return withEtag(reply, campaign);
    },
  });

  app.route({
    ...routeOf(campaignEndpoints.get),
    config: { permission: 'campaigns:read' },
    handler: async (request, reply) => withEtag(reply, getCampaign(contextOf(request), request.params.id)),
  });

  app.route({
    ...routeOf(campaignEndpoints.update),
    config: { permission: 'campaigns:write' },
    handler: async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      return withEtag(reply, updateCampaign(contextOf(request), request.params.id, request.body, expected));
    },
  });

  app.route({
    ...routeOf(campaignEndpoints.remove),
    config: { permission: 'campaigns:write' },
    handler: async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], undefined);
      return withEtag(reply, deleteCampaign(contextOf(request), request.params.id, expected));
    },
  });
};

export default campaignsRoutes;
