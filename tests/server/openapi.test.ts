// The OpenAPI document and the docs page, generated from the contracts.
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3_1 } from 'openapi-types';
import { beforeAll, describe, expect, it } from 'vitest';
import { testAppOfFile } from '../helpers/app';
import { json } from '../helpers/factories';

const t = testAppOfFile();
let doc: OpenAPIV3_1.Document;
beforeAll(async () => {
  const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  doc = json<OpenAPIV3_1.Document>(response);
});
describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeDefined();
  });

  it('lists every resource path', () => {
    const paths = Object.keys(doc.paths ?? {});
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/activities',
        '/api/activities/{id}',
        '/api/activities/{id}/restore',
        '/api/units',
        '/api/units/{id}',
        '/api/agencies',
        '/api/agencies/{id}',
        '/api/plans',
        '/api/plans/{id}',
        '/api/plans/{id}/tasks',
        '/api/tasks/{id}',
        '/api/campaigns',
        '/api/campaigns/{id}',
        '/api/catalog',
        '/api/health',
      ]),
    );
    // The document and the docs UI are not API resources.
    expect(paths).not.toContain('/api/openapi.json');
  });

  it('describes the methods, parameters and bodies from the same schemas that validate', () => {
    const activities = doc.paths?.['/api/activities'];
    const one = doc.paths?.['/api/activities/{id}'];
    expect(Object.keys(activities ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(one ?? {})).toEqual(expect.arrayContaining(['get', 'patch', 'delete']));

    const queryNames = (activities?.get?.parameters ?? []).map((parameter) =>
      '$ref' in parameter ? parameter.$ref : parameter.name,
    );
    expect(queryNames).toEqual(
      expect.arrayContaining([
        'start',
        'end',
        'agencyId',
        'unitId',
        'campaignId',
        'taskId',
        'typeCode',
        'channelCode',
        'targetGroupCode',
        'status',
        'limit',
        'offset',
      ]),
    );

    const body = activities?.post?.requestBody;
    expect(body && !('$ref' in body)).toBe(true);
    const schema = body && !('$ref' in body) ? body.content['application/json']?.schema : undefined;
    expect(schema && !('$ref' in schema) ? schema.required : undefined).toEqual(
      expect.arrayContaining(['title', 'typeCode', 'start', 'leadAgencyId']),
    );
    expect(schema && !('$ref' in schema) ? schema.additionalProperties : undefined).toBe(false);
    expect(Object.keys(activities?.post?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400']));
  });
});

describe('GET /api/docs', () => {
  it('serves the browsable documentation', async () => {
    let response = await t.app.inject({ method: 'GET', url: '/api/docs' });
    for (let hops = 0; hops < 3 && response.statusCode >= 300 && response.statusCode < 400; hops++) {
      const location = response.headers.location;
      expect(location).toBeTruthy();
      response = await t.app.inject({
        method: 'GET',
        url: new URL(String(location), 'http://x/api/docs/').pathname,
      });
    }
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toMatch(/<html/i);
    expect(response.body.toLowerCase()).toContain('swagger');
  });
});
