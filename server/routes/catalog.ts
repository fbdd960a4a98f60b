import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ActivityType,
  Catalog,
  type CatalogKind,
  Channel,
  CodeParams,
  catalogWrites,
  Indicator,
  Observance,
  ObservanceTheme,
  ObservanceThemeInput,
  TargetGroup,
  ThemeParams,
} from '../contracts/catalog';
import { errorResponses } from '../contracts/common';
import { getCatalog } from '../services/catalog';
import { createCatalogEntry, putObservanceTheme, updateCatalogEntry } from '../services/catalog-admin';
import { contextOf } from './context';

const tags = ['catalog'];

/** What each kind of entry reads as (observances without their themes, which have their own route). */
const entrySchemas = {
  'activity-types': ActivityType,
  channels: Channel,
  'target-groups': TargetGroup,
  indicators: Indicator,
  observances: Observance.omit({ themes: true }),
} as const satisfies Record<CatalogKind, unknown>;

/**
 * In the loop below `kind` is a union, so TypeScript cannot pair a stored row with its
 * kind's response type. The response serializer checks every answer against
 * entrySchemas[kind] at run time, so nothing unchecked leaves the server.
 */
const asEntry = (row: unknown) => row as never;

const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/catalog',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags,
        summary: 'Activity types, channels, target groups, indicators, observances',
        response: { 200: Catalog },
      },
    },
    async (request) => getCatalog(contextOf(request)),
  );

  // One POST and one PATCH per kind of entry, each with that kind's own contract.
  for (const kind of Object.keys(catalogWrites) as CatalogKind[]) {
    app.post(
      `/api/catalog/${kind}`,
      {
        config: { permission: 'catalog:write' },
        schema: {
          tags,
          body: catalogWrites[kind].input,
          response: { 201: entrySchemas[kind], ...errorResponses },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return asEntry(createCatalogEntry(contextOf(request), kind, request.body));
      },
    );
    app.patch(
      `/api/catalog/${kind}/:code`,
      {
        config: { permission: 'catalog:write' },
        schema: {
          tags,
          params: CodeParams,
          body: catalogWrites[kind].patch,
          response: { 200: entrySchemas[kind], ...errorResponses },
        },
      },
      async (request) =>
        asEntry(updateCatalogEntry(contextOf(request), kind, request.params.code, request.body)),
    );
  }

  app.put(
    '/api/catalog/observances/:code/themes/:year',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags,
        summary: "Set an observance's theme and peak window for a year",
        params: ThemeParams,
        body: ObservanceThemeInput,
        response: { 200: ObservanceTheme, ...errorResponses },
      },
    },
    async (request) =>
      putObservanceTheme(contextOf(request), request.params.code, request.params.year, request.body),
  );
};

export default catalogRoutes;
