/**
 * Import direction (docs/ARCHITECTURE.md):
 *   bot → adapters, config, core;  adapters → core;  config → core;  core → core only.
 * core may use Node's pure built-ins (crypto for voter keys and audit hashes), never I/O.
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core/ imports only core/ and pure Node built-ins: no adapter, bot, config, SDK or npm package.',
      severity: 'error',
      from: { path: '^core/' },
      to: {
        pathNot: ['^core/', '^(node:)?crypto$'],
      },
    },
    {
      name: 'core-no-io-builtins',
      comment: 'core/ does no I/O.',
      severity: 'error',
      from: { path: '^core/' },
      to: { dependencyTypes: ['core'], pathNot: ['^(node:)?crypto$'] },
    },
    {
      name: 'nothing-imports-bot',
      comment: 'bot/ is the composition root: nothing imports it.',
      severity: 'error',
      from: { pathNot: ['^bot/', '^test/', '^bench/'] },
      to: { path: '^bot/' },
    },
    {
      name: 'adapters-not-config',
      comment: 'Adapters receive narrow option objects from bot/, never the config module.',
      severity: 'error',
      from: { path: '^adapters/' },
      to: { path: '^(config|bot)/' },
    },
    {
      name: 'config-only-core',
      comment: 'config/ validates files and builds core types; it knows no adapter.',
      severity: 'error',
      from: { path: '^config/' },
      to: { path: '^(adapters|bot)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
