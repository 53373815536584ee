// The layering of ../shared/GUIDE.md §1, enforced. Data flows one way:
// bytes → ingest → Message → screening → Flag → store → review/audit → http/web.
// A part may import only the parts listed as allowed for it; everything else is an error.
const layer = (name, allowed) => ({
  name: `layer-${name}`,
  comment: `src/${name} may import only: ${allowed.join(', ') || 'nothing from the project'}`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: {
    path: '^src/',
    pathNot: [`^src/${name}/`, ...allowed.map((part) => `^src/${part}[/.]`)],
  },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Cycles hide layering mistakes and make modules impossible to load in isolation.',
      from: {},
      to: { circular: true },
    },
    layer('domain', []),
    layer('lib', ['domain']),
    layer('ingest', ['domain', 'lib']),
    layer('screening', ['domain', 'lib']),
    layer('training', ['domain', 'lib', 'screening']),
    layer('store', ['domain', 'lib']),
    // access: users, tokens, case membership and the audit emitter every action uses.
    layer('access', ['domain', 'lib', 'store']),
    layer('jobs', ['domain', 'lib', 'store', 'access', 'screening', 'ingest']),
    layer('review', ['domain', 'lib', 'store', 'access']),
    layer('audit', ['domain', 'lib', 'store', 'access', 'screening', 'jobs']),
    layer('http', [
      'domain',
      'lib',
      'store',
      'access',
      'ingest',
      'screening',
      'jobs',
      'review',
      'audit',
      'config',
    ]),
    {
      name: 'nothing-imports-http',
      comment: 'http/ is the outermost transport; only the composition root and the CLI wire it.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/http/', '^src/main\\.ts$', '^src/cli/'] },
      to: { path: '^src/http/' },
    },
    {
      name: 'service-never-imports-training',
      comment: 'training/ produces models/<id>/; the running service only loads packages.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/training/', '^src/cli/'] },
      to: { path: '^src/training/' },
    },
    {
      name: 'inference-runtimes-only-in-screening',
      comment: 'Only screening/ talks to onnxruntime or transformers.js (GUIDE §1).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/screening/' },
      to: { path: 'node_modules/(onnxruntime-node|onnxruntime-common|@huggingface/transformers)/' },
    },
    {
      name: 'no-test-code-in-product',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: ['\\.test\\.ts$', '^test/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/web/' },
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js'],
    },
  },
};
