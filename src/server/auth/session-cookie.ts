import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Session, SessionStore } from './session-store.ts';

/**
 * The browser's half of a session: an HttpOnly, SameSite=Lax cookie holding the session id,
 * signed with `SESSION_SECRET`, `Secure` (and named with the `__Host-` prefix, so no subdomain can
 * set it) when the site is served over https.
 */
export class SessionCookie {
  readonly name: string;
  readonly #secure: boolean;
  readonly #store: SessionStore;

  constructor(store: SessionStore, siteOrigin: string) {
    this.#secure = siteOrigin.startsWith('https:');
    this.name = this.#secure ? '__Host-partner-help-session' : 'partner-help-session';
    this.#store = store;
  }

  /** Registers cookie parsing and signing on the app. */
  async register(app: FastifyInstance, secret: string): Promise<void> {
    await app.register(cookie, { secret, hook: 'onRequest' });
  }

  /** The request's live session, if its cookie names one and the signature holds. */
  sessionOf(request: FastifyRequest): Session | undefined {
    const raw = request.cookies[this.name];
    if (!raw) return undefined;
    const unsigned = request.unsignCookie(raw);
    return unsigned.valid && unsigned.value ? this.#store.get(unsigned.value) : undefined;
  }

  /** Points the browser at this session. */
  set(reply: FastifyReply, session: Session): void {
    reply.setCookie(this.name, session.id, {
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      secure: this.#secure,
      path: '/',
    });
  }

  /** Removes the cookie from the browser. */
  clear(reply: FastifyReply): void {
    reply.clearCookie(this.name, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.#secure,
      path: '/',
    });
  }
}
