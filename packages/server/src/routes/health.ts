import type { FastifyInstance } from 'fastify';
import type { Store } from '../db/database.js';
import { isMigrated } from '../db/migrations.js';
import { HttpProblem, sendProblem } from '../http/problems.js';
import { storageUnavailable } from '../http/storage-errors.js';

/**
 * Probes for a load balancer or an orchestrator, outside the API (no rate limit, no CORS) and out of the log
 * (a probe every few seconds would bury everything else):
 * - `GET /healthz`: the process is up and answers (restart it if not);
 * - `GET /readyz`: it can reach the database and the schema is the one it expects (send it traffic if so).
 */
export async function healthRoutes(app: FastifyInstance, store: Store) {
  app.get('/healthz', { logLevel: 'silent' }, async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
    return { status: 'ok' };
  });
  app.get('/readyz', { logLevel: 'silent' }, async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
    try {
      if (!(await isMigrated(store.db, store.dialect))) {
        return sendProblem(reply, new HttpProblem(503, 'unavailable', 'The database schema is not up to date'));
      }
    } catch (error) {
      return sendProblem(
        reply,
        storageUnavailable(error) ?? new HttpProblem(503, 'unavailable', 'The database cannot be reached'),
      );
    }
    return { status: 'ready' };
  });
}
