import type { FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { apiError, sendApiError } from './errors.ts';

/** Request header that asks for a fault when the server runs with `API_FAULTS=1`. */
export const FAULT_HEADER = 'x-test-fault';

/** Optional request header naming the "once" bucket; defaults to MS-RequestId, then MS-CorrelationId. */
export const FAULT_KEY_HEADER = 'x-test-fault-key';

const MAX_DELAY_MS = 30_000;

/**
 * Test-only fault injection, for the widget's end-to-end tests. Off unless `API_FAULTS=1`.
 * `X-Test-Fault` takes a comma-separated list:
 * - `delay-<ms>`: wait before answering (at most 30 s).
 * - `500`, `503`, `429` (with `Retry-After: 1`), `412`: answer with that error instead.
 * - `<status>-once`: the same, only for the first request of its key, then normally; the key is
 *   `X-Test-Fault-Key`, else `MS-RequestId`, else `MS-CorrelationId`, else method and URL.
 * - `500-after-commit-once`: do the work (commit the PUT), then answer 500 once; a retry with
 *   the same `MS-RequestId` must get the committed result.
 * - `reset`: drop the connection without an answer.
 */
export class FaultInjector {
  readonly #fired = new Set<string>();

  /** Applies the faults a request asks for; returns true when it already answered. */
  async before(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const faults = readFaults(request);
    if (faults.length === 0) return false;
    for (const fault of faults) {
      const delay = /^delay-(\d+)$/.exec(fault);
      if (delay) await sleep(Math.min(Number(delay[1]), MAX_DELAY_MS));
    }
    for (const fault of faults) {
      if (fault === 'reset') {
        reply.hijack();
        request.raw.socket.destroy();
        return true;
      }
      const failure = /^(412|429|500|503)(-once)?$/.exec(fault);
      if (!failure) continue;
      if (failure[2] && !this.#firstTime(request, fault)) continue;
      sendApiError(reply, statusError(Number(failure[1])));
      return true;
    }
    return false;
  }

  /** Whether a finished request should be turned into a 500 (`500-after-commit-once`). */
  failAfterCommit(request: FastifyRequest): boolean {
    return (
      readFaults(request).includes('500-after-commit-once') &&
      this.#firstTime(request, '500-after-commit-once')
    );
  }

  #firstTime(request: FastifyRequest, fault: string): boolean {
    const header = (name: string) => {
      const value = request.headers[name];
      return typeof value === 'string' && value !== '' ? value : undefined;
    };
    const key = `${fault}|${header(FAULT_KEY_HEADER) ?? header('ms-requestid') ?? header('ms-correlationid') ?? `${request.method} ${request.url}`}`;
    if (this.#fired.has(key)) return false;
    this.#fired.add(key);
    return true;
  }
}

function readFaults(request: FastifyRequest): string[] {
  const value = request.headers[FAULT_HEADER];
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((fault) => fault.trim().toLowerCase())
    .filter(Boolean);
}

function statusError(status: number) {
  switch (status) {
    case 412:
      return apiError(412, 'concurrencyConflict');
    case 429:
      return apiError(429, 'tooManyRequests', { headers: { 'Retry-After': '1' } });
    case 503:
      return apiError(503, 'serviceUnavailable', { headers: { 'Retry-After': '1' } });
    default:
      return apiError(500, 'internal');
  }
}
