import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiError } from './errors.ts';

/** Charsets a JSON body may declare; JSON is UTF-8 (RFC 8259 §8.1). */
const JSON_CHARSETS = new Set(['utf-8', 'utf8']);

function charsetOf(contentType: string | undefined): string | undefined {
  for (const parameter of (contentType ?? '').split(';').slice(1)) {
    const [name = '', value = ''] = parameter.split('=');
    if (name.trim().toLowerCase() === 'charset') {
      return value.trim().replace(/^"|"$/g, '').toLowerCase();
    }
  }
  return undefined;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Fastify's JSON parser (with its prototype-poisoning checks), fed only valid UTF-8: its own
 * decoding would turn bytes in another encoding into U+FFFD and save a mangled name without a
 * word. A body in another declared charset is a 415, bytes that are not UTF-8 a 400.
 */
export function utf8JsonParser(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser('error', 'error');
  return (
    request: FastifyRequest,
    body: Buffer,
    done: (error: Error | null, body?: unknown) => void,
  ) => {
    const charset = charsetOf(request.headers['content-type']);
    if (charset !== undefined && !JSON_CHARSETS.has(charset)) {
      done(apiError(415, 'unsupportedMediaType'));
      return;
    }
    let text: string;
    try {
      text = UTF8.decode(body);
    } catch {
      done(apiError(400, 'invalidJson'));
      return;
    }
    parse(request, text, done);
  };
}
