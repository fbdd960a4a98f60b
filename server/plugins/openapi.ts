// The OpenAPI document, generated from the same zod schemas that validate requests.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

async function openapiPlugin(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lịch truyền thông phòng, chống mua bán người — API',
        description:
          'Communication campaign calendar API (v1). Errors are `{ statusCode, code, error, message, details? }`.',
        version: '1.0.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  // staticCSP: the docs page gets its own policy with hashes of its inline code.
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Never framed, and no call to the public validator service (the network is closed anyway).
    transformStaticCSP: (header) =>
      header
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        .replace(' validator.swagger.io', '')
        // A plain-http deployment on an intranet address must still load the docs' own files.
        .replace(/;\s*upgrade-insecure-requests/, ''),
    uiConfig: { validatorUrl: null },
  });

  app.get('/api/openapi.json', { schema: { hide: true }, config: { permission: 'public' } }, async () =>
    app.swagger(),
  );
}

export default fp(openapiPlugin, { name: 'openapi' });
