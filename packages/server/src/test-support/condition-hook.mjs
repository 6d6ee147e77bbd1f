// A module resolution hook that adds the `development` export condition, under which @civic-widgets/client
// resolves to its TypeScript sources (CI runs no build). `scripts/node-tests.mjs` starts Node without
// `--conditions=development`, so the server's test files register this hook before loading any server code.
export async function resolve(specifier, context, nextResolve) {
  const conditions = context.conditions.includes('development')
    ? context.conditions
    : [...context.conditions, 'development'];
  return nextResolve(specifier, { ...context, conditions });
}
