// `npm start`: until the reference server lands, serves the demo portal and the packages' sources.
import { spawn } from 'node:child_process';

const port = process.env.PORT || '8080';
const server = spawn(
  'npx',
  ['web-dev-server', '--config', 'web-dev-server.config.mjs', '--port', port, '--open', 'false'],
  { stdio: 'inherit' },
);
console.log(`Civic Widgets demo: http://localhost:${port}/demo/`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
