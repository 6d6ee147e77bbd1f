// @ts-check
// Serves the repository for development: demo pages import the widgets' TypeScript sources directly.
import { esbuildPlugin } from '@web/dev-server-esbuild';

/** @type {import('@web/dev-server').DevServerConfig} */
export default {
  hostname: '127.0.0.1',
  nodeResolve: { exportConditions: ['development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
};
