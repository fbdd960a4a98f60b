// A report's file as the browser downloads it: its type, its name, never cached by a proxy.
import type { FastifyReply } from 'fastify';
import type { DocumentFormat } from '../services/report-records';

const types: Record<DocumentFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
};

export function sendDocument(reply: FastifyReply, format: DocumentFormat, name: string, body: Buffer) {
  return reply
    .header('content-type', types[format])
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'private, no-store')
    .send(body);
}
