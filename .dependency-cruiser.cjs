// The layer rules of STYLE.md, checked by `npm run check` (npm run layers). Layers point one
// way: web → contracts → domain; routes → services → db; domain imports nothing of ours.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle means two modules are one concern, or one of them holds a rule the other should own.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment:
        'server/domain holds pure rules: it imports nothing of ours outside itself, and no I/O library.',
      severity: 'error',
      from: { path: '^server/domain/' },
      to: {
        pathNot: ['^server/domain/', '^node_modules/(zod|date-fns|temporal-polyfill)/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'domain-types-pure',
      comment: 'Not even a type of another layer: the domain is the bottom floor.',
      severity: 'error',
      from: { path: '^server/domain/' },
      to: { path: '^(server/(?!domain/)|db/|web/|scripts/|tests/)' },
    },
    {
      name: 'contracts-import-only-domain',
      comment: 'The contracts are what the web shares with the server: zod and the domain only.',
      severity: 'error',
      from: { path: '^server/contracts/' },
      to: { path: '^(server/(?!contracts/|domain/)|db/|web/)' },
    },
    {
      name: 'services-below-http',
      comment: 'Services are plain functions: no Fastify plugin, no route.',
      severity: 'error',
      from: { path: '^server/services/' },
      to: { path: '^server/(plugins|routes)/' },
    },
    {
      name: 'db-below-server',
      comment: 'The database layer is the bottom floor of storage: it knows nothing of the server.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(server|web|scripts)/' },
    },
    {
      name: 'web-imports-contracts-and-domain',
      comment: 'The web shares the contracts and the pure rules with the server, nothing else.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(server/(?!contracts/|domain/)|db/|scripts/|tests/)' },
    },
    {
      name: 'no-test-code-in-product',
      severity: 'error',
      from: { path: '^(server|web|db)/' },
      to: { path: '^tests/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
