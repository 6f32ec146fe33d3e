import type { FastifyError, FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import {
  ERROR_CODES,
  formatEnglishMessage,
  isMessageKey,
  type ApiErrorBody,
  type ErrorName,
  type FieldIssue,
  type MessageKey,
} from '../contract/index.ts';
import { EARLY_ERROR_HEADERS } from './security-headers.ts';

/** The `source` of every error this server produces. */
export const ERROR_SOURCE = 'PartnerCenterReferenceServer';

/** An error that becomes an API error response. */
export class ApiHttpError extends Error {
  readonly statusCode: number;
  readonly body: ApiErrorBody;
  readonly headers: Readonly<Record<string, string>>;

  constructor(statusCode: number, body: ApiErrorBody, headers: Record<string, string> = {}) {
    super(body.description);
    this.statusCode = statusCode;
    this.body = body;
    this.headers = headers;
  }
}

/**
 * Builds the error body for a named error in Partner Center's shape (`code`, `description`,
 * `data`, `source`), with English text from its message key; `messageKey` is our extra.
 */
export function errorBody(name: ErrorName, data?: FieldIssue[]): ApiErrorBody {
  const messageKey = `error.${name}` as MessageKey;
  const description =
    data && data.length > 0
      ? data
          .map((issue) =>
            issue.field ? `${issue.field}: ${describeIssue(issue)}` : describeIssue(issue),
          )
          .join('; ')
      : formatEnglishMessage(messageKey);
  return {
    code: ERROR_CODES[name],
    description,
    messageKey,
    data: data ?? [],
    source: ERROR_SOURCE,
  };
}

function describeIssue(issue: FieldIssue): string {
  return isMessageKey(issue.messageKey)
    ? formatEnglishMessage(issue.messageKey, issue.params)
    : issue.messageKey;
}

/** An API error for `name` with the given status. */
export function apiError(
  statusCode: number,
  name: ErrorName,
  options: { data?: FieldIssue[]; headers?: Record<string, string> } = {},
) {
  return new ApiHttpError(statusCode, errorBody(name, options.data), options.headers);
}

/** A 400 naming the fields that failed. */
export function validationError(data: FieldIssue[]): ApiHttpError {
  return apiError(400, 'badRequest', { data });
}

/** Sends an error body with its status and headers. */
export function sendApiError(reply: FastifyReply, error: ApiHttpError): FastifyReply {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  return reply.code(error.statusCode).type('application/json; charset=utf-8').send(error.body);
}

/** Fastify's own error codes, mapped to this API's errors. */
const FASTIFY_ERRORS: Record<string, [number, ErrorName]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupportedMediaType'],
  FST_ERR_CTP_INVALID_TYPE: [415, 'unsupportedMediaType'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payloadTooLarge'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalidJson'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalidJson'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'badRequest'],
  FST_ERR_BAD_URL: [400, 'badRequest'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'badRequest'],
};

/**
 * Maps any error thrown in the API to the error shape: ours as they are, Fastify's by code,
 * other 4xx as a bad request, everything else as a 500 whose details stay in the log.
 */
export function toApiError(error: FastifyError | Error): ApiHttpError {
  if (error instanceof ApiHttpError) return error;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  const mapped = FASTIFY_ERRORS[code];
  if (mapped) return apiError(mapped[0], mapped[1]);
  if (error instanceof SyntaxError) return apiError(400, 'invalidJson');
  const status =
    'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status === 413) return apiError(413, 'payloadTooLarge');
  if (status === 415) return apiError(415, 'unsupportedMediaType');
  if (status >= 400 && status < 500) return apiError(status, 'badRequest');
  return apiError(500, 'internal');
}

/** Node's HTTP parser errors, mapped as Node itself answers them; anything else is a 400. */
const CLIENT_ERRORS: Record<string, [number, ErrorName]> = {
  HPE_HEADER_OVERFLOW: [431, 'badRequest'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'payloadTooLarge'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'badRequest'],
};

/**
 * Fastify's `clientErrorHandler`: answers, on the raw socket, a request that Node's HTTP parser
 * refused before Fastify saw it (headers over the size limit, malformed HTTP), in the error
 * shape and with the headers every API error has, then closes the connection.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // As Node does: never write into a response that has started on this connection (pipelining).
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, name] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'badRequest'];
  const body = JSON.stringify(errorBody(name));
  const headers = {
    ...EARLY_ERROR_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'ms-correlationid': randomUUID(),
    connection: 'close',
  };
  const head = Object.entries(headers).map(([header, value]) => `${header}: ${value}\r\n`);
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head.join('')}\r\n${body}`, () =>
    socket.destroy(),
  );
}
