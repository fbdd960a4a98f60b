import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Campaign, CampaignInput, CampaignList, CampaignPatch, CampaignQuery } from '../contracts/campaigns';
import { errorResponses, IdParams } from '../contracts/common';
import { createCampaign, getCampaign, listCampaigns, updateCampaign } from '../services/campaigns';
import { contextOf, withEtag } from './context';
import { expectedVersion } from './versions';

const tags = ['campaigns'];

const campaignsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/campaigns',
    {
      config: { permission: 'campaigns:read' },
      schema: { tags, querystring: CampaignQuery, response: { 200: CampaignList, ...errorResponses } },
    },
    async (request) => listCampaigns(contextOf(request), request.query),
  );

  app.post(
    '/api/campaigns',
    {
      config: { permission: 'campaigns:write' },
      schema: { tags, body: CampaignInput, response: { 201: Campaign, ...errorResponses } },
    },
    async (request, reply) => {
      const campaign = createCampaign(contextOf(request), request.body);
      reply.code(201).header('location', `/api/campaigns/${campaign.id}`);
      return withEtag(reply, campaign);
    },
  );

  app.get(
    '/api/campaigns/:id',
    {
      config: { permission: 'campaigns:read' },
      schema: { tags, params: IdParams, response: { 200: Campaign, ...errorResponses } },
    },
    async (request, reply) => withEtag(reply, getCampaign(contextOf(request), request.params.id)),
  );

  app.patch(
    '/api/campaigns/:id',
    {
      config: { permission: 'campaigns:write' },
      schema: { tags, params: IdParams, body: CampaignPatch, response: { 200: Campaign, ...errorResponses } },
    },
    async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      return withEtag(reply, updateCampaign(contextOf(request), request.params.id, request.body, expected));
    },
  );
};

export default campaignsRoutes;
