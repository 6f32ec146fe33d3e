import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { Session, SessionStore } from './session-store.ts';

/**
 * The browser's half of a session: an HttpOnly, SameSite=Lax cookie holding the session id,
 * signed with `SESSION_SECRET`, `Secure` (and named with the `__Host-` prefix, so no subdomain can
 * set it) when the site is served over https. During sign-in, a cookie of the same kind holds
 * the sign-in's `state`, one cookie per sign-in (named after it): the callback is taken only in
 * the browser that started that sign-in (no login CSRF), and two sign-ins started at once (a
 * double click, two tabs) cannot overwrite each other's.
 */
export class SessionCookie {
  readonly name: string;
  readonly #signInPrefix: string;
  readonly #secure: boolean;
  readonly #store: SessionStore;
  readonly #signInMaxAgeS: number;

  constructor(store: SessionStore, siteOrigin: string, signInMaxAgeMs = 10 * 60 * 1000) {
    this.#secure = siteOrigin.startsWith('https:');
    const prefix = this.#secure ? '__Host-partner-help' : 'partner-help';
    this.name = `${prefix}-session`;
    this.#signInPrefix = `${prefix}-sign-in-`;
    this.#store = store;
    this.#signInMaxAgeS = Math.round(signInMaxAgeMs / 1000);
  }

  /** Registers cookie parsing and signing on the app. */
  async register(app: FastifyInstance, secret: string): Promise<void> {
    await app.register(cookie, { secret, hook: 'onRequest' });
  }

  /** The request's live session, if its cookie names one and the signature holds. */
  sessionOf(request: FastifyRequest): Session | undefined {
    const id = this.#unsigned(request, this.name);
    return id ? this.#store.get(id) : undefined;
  }

  /** Points the browser at this session. */
  set(reply: FastifyReply, session: Session): void {
    reply.setCookie(this.name, session.id, { ...this.#options(), signed: true });
  }

  /** Removes the session cookie from the browser. */
  clear(reply: FastifyReply): void {
    reply.clearCookie(this.name, this.#options());
  }

  /** Remembers in the browser that it started the sign-in with this `state`. */
  setSignIn(reply: FastifyReply, state: string): void {
    reply.setCookie(this.#signInName(state), state, {
      ...this.#options(),
      signed: true,
      maxAge: this.#signInMaxAgeS,
    });
  }

  /** Whether this browser started the sign-in with this `state`. */
  startedSignIn(request: FastifyRequest, state: string): boolean {
    return this.#unsigned(request, this.#signInName(state)) === state;
  }

  /** Removes the sign-in's cookie. */
  clearSignIn(reply: FastifyReply, state: string): void {
    reply.clearCookie(this.#signInName(state), this.#options());
  }

  #signInName(state: string): string {
    return `${this.#signInPrefix}${createHash('sha256').update(state).digest('base64url').slice(0, 16)}`;
  }

  #unsigned(request: FastifyRequest, name: string): string | undefined {
    const raw = request.cookies[name];
    if (!raw) return undefined;
    const unsigned = request.unsignCookie(raw);
    return unsigned.valid && unsigned.value ? unsigned.value : undefined;
  }

  #options() {
    return { httpOnly: true, sameSite: 'lax', secure: this.#secure, path: '/' } as const;
  }
}
