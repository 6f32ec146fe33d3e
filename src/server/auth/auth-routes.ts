import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AUTH_PATHS, type SessionInfo } from '../../contract/index.ts';
import { apiError, sendApiError } from '../errors.ts';
import type { AccessTokens } from './access-tokens.ts';
import type { EntraSignIn } from './entra-sign-in.ts';
import { sameSitePath } from './return-to.ts';
import { isSameOriginRequest } from './same-origin.ts';
import type { SessionCookie } from './session-cookie.ts';
import { TooManySessionsError, type SessionStore } from './session-store.ts';

/** What the sign-in routes work with. */
export interface AuthRouteOptions {
  signIn: EntraSignIn;
  sessions: SessionStore;
  cookie: SessionCookie;
  tokens: AccessTokens;
  /** The site's public origin. */
  siteUrl: string;
  /** Where problems are written (never a token). */
  log: (line: string) => void;
}

/**
 * A sign-in that did not complete, for the person in the browser: plain text (nothing from the
 * request or from Entra becomes markup), saying what to do.
 */
function signInFailed(reply: FastifyReply, status: number, returnTo: string): FastifyReply {
  const again = `${AUTH_PATHS.signIn}?${new URLSearchParams({ returnTo })}`;
  return reply
    .code(status)
    .header('Cache-Control', 'no-store')
    .type('text/plain; charset=utf-8')
    .send(
      `Sign-in did not complete. It may have taken too long or been opened twice.\nStart again: ${again}\n`,
    );
}

/**
 * `GET /auth/sign-in`, `GET /auth/callback`, `POST /auth/sign-out` and `GET /auth/session`.
 */
export function authRoutes(app: FastifyInstance, options: AuthRouteOptions): void {
  const { signIn, sessions, cookie, tokens, siteUrl, log } = options;
  const noStore = (reply: FastifyReply) => reply.header('Cache-Control', 'no-store');

  app.get(AUTH_PATHS.signIn, async (request: FastifyRequest, reply) => {
    // A browser's prefetch of the link must not start a sign-in nobody asked for.
    if (/prefetch/i.test(String(request.headers['sec-purpose'] ?? ''))) {
      return noStore(reply).code(204).send();
    }
    const query = request.query as Record<string, unknown>;
    const returnTo = sameSitePath(query['returnTo'], siteUrl);
    let started: Awaited<ReturnType<EntraSignIn['start']>>;
    try {
      started = await signIn.start(returnTo);
    } catch (error) {
      log(`[auth] cannot reach Microsoft Entra ID: ${error instanceof Error ? error.message : ''}`);
      throw apiError(503, 'serviceUnavailable');
    }
    try {
      sessions.addPending(started.state, started.pending);
    } catch (error) {
      if (error instanceof TooManySessionsError) throw apiError(503, 'serviceUnavailable');
      throw error;
    }
    cookie.setSignIn(reply, started.state);
    return noStore(reply).redirect(started.url.href, 302);
  });

  app.get(AUTH_PATHS.callback, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const state = typeof query['state'] === 'string' ? query['state'] : '';
    // Only the browser that started this sign-in may finish it, and only once: the state is
    // taken out before anything else.
    const pending =
      state && cookie.startedSignIn(request, state) ? sessions.takePending(state) : undefined;
    if (state) cookie.clearSignIn(reply, state);
    if (!pending) {
      log('[auth] callback refused: this browser has no sign-in in flight for this state');
      return signInFailed(reply, 400, '/');
    }
    try {
      const signedIn = await signIn.finish(new URL(request.url, siteUrl), state, pending);
      // A new session at each sign-in, so an id planted before it (session fixation) is worthless.
      const previous = cookie.sessionOf(request);
      if (previous) sessions.delete(previous.id);
      const session = sessions.create(signedIn.user);
      session.tokens = signedIn.tokens;
      cookie.set(reply, session);
      return noStore(reply).redirect(pending.returnTo, 303);
    } catch (error) {
      if (error instanceof TooManySessionsError) throw apiError(503, 'serviceUnavailable');
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown';
      log(`[auth] sign-in refused (${reason})`);
      return signInFailed(reply, 400, pending.returnTo);
    }
  });

  app.post(AUTH_PATHS.signOut, async (request, reply) => {
    if (!isSameOriginRequest(request, siteUrl)) {
      return sendApiError(reply, apiError(403, 'crossSiteRequest'));
    }
    const session = cookie.sessionOf(request);
    if (session) tokens.signOut(session);
    cookie.clear(reply);
    return noStore(reply).code(204).send();
  });

  app.get(AUTH_PATHS.session, async (request, reply) => {
    const user = cookie.sessionOf(request)?.user;
    const info: SessionInfo = user
      ? { signedIn: true, name: user.name, ...(user.username ? { username: user.username } : {}) }
      : { signedIn: false, signInUrl: AUTH_PATHS.signIn };
    return noStore(reply).send(info);
  });
}
