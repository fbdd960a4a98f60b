// Security headers on every answer: HTML, JSON and files alike. The policy allows only
// this origin's own scripts, styles and connections; the web app is built to run under
// it (no inline script or style, zod in jitless mode). A route that sets its own policy
// (the API docs page) keeps it.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const headers: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

async function securityHeadersPlugin(app: FastifyInstance) {
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(headers)) {
      if (!reply.hasHeader(name)) reply.header(name, value);
    }
    // A frame-ancestors rule must hold even where a route brings its own policy.
    const policy = String(reply.getHeader('content-security-policy'));
    if (!policy.includes('frame-ancestors')) {
      reply.header('content-security-policy', `${policy}; frame-ancestors 'none'`);
    }
    return payload;
  });
}

export default fp(securityHeadersPlugin, { name: 'security-headers' });
