import { ServiceCategoryList, ServiceList, ServiceQuery } from '@civic-widgets/client/schemas';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { coerceQuery, parseOr422 } from '../http/validation.js';
import { listCategories, searchServices } from '../store/services.js';

export async function serviceRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/services', { config: { response: ServiceList } }, async (request) => {
    const raw = coerceQuery(request.query, ['page', 'pageSize', 'lat', 'lng', 'radiusKm'], ['openNow']);
    const query = parseOr422(ServiceQuery, raw, 'The search is not valid');
    return searchServices(ctx.db, query, ctx.now());
  });

  app.get('/services/categories', { config: { response: ServiceCategoryList } }, async () => listCategories(ctx.db));
}
