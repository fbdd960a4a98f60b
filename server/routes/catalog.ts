import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type CatalogKind, catalogEndpoints, catalogWrites } from '../contracts/catalog';
import { getCatalog } from '../services/catalog';
import { createCatalogEntry, putObservanceTheme, updateCatalogEntry } from '../services/catalog-admin';
import { contextOf } from './context';
import { routeOf } from './route-of';

/**
 * In the loop below `kind` is a union, so TypeScript cannot pair a stored row with its
 * kind's response type. The response serializer checks every answer against the kind's
 * entry schema at run time, so nothing unchecked leaves the server.
 */
const asEntry = (row: unknown) => row as never;

const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    // The API document lists this read's answer alone, without the usual refusals.
    ...routeOf(catalogEndpoints.get, {}),
    config: { permission: 'catalog:read' },
    handler: async (request) => getCatalog(contextOf(request)),
  });

  // One POST and one PATCH per kind of entry, each with that kind's own contract.
  for (const kind of Object.keys(catalogWrites) as CatalogKind[]) {
    const entry = catalogEndpoints.entries[kind];
    app.route({
      ...routeOf(entry.create),
      config: { permission: 'catalog:write' },
      handler: async (request, reply) => {
        reply.code(201);
        return asEntry(createCatalogEntry(contextOf(request), kind, request.body));
      },
    });
    app.route({
      ...routeOf(entry.update),
      config: { permission: 'catalog:write' },
      handler: async (request) =>
        asEntry(updateCatalogEntry(contextOf(request), kind, request.params.code, request.body)),
    });
  }

  app.route({
    ...routeOf(catalogEndpoints.putTheme),
    config: { permission: 'catalog:write' },
    handler: async (request) =>
      putObservanceTheme(contextOf(request), request.params.code, request.params.year, request.body),
  });
};

export default catalogRoutes;
