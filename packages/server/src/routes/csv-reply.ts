import type { FastifyReply } from 'fastify';

/** A CSV download: never cached, since exports hold personal data. */
export function sendCsv(reply: FastifyReply, name: string, csv: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${name}"`)
    .header('Cache-Control', 'no-store')
    .send(csv);
}
