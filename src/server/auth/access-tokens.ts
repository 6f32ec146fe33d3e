import type { EntraSignIn } from './entra-sign-in.ts';
import type { Session, SessionStore, SessionTokens } from './session-store.ts';

/** An access token this close to expiry is refreshed first, so it cannot expire on its way. */
export const REFRESH_BEFORE_EXPIRY_MS = 2 * 60 * 1000;

/**
 * Gives each proxied call a live access token: the session's own, or a refreshed one when it is
 * about to expire. Requests of one session share one refresh. A refused refresh ends the session:
 * the user is signed out and asked to sign in again, never left with a dead token.
 */
export class AccessTokens {
  readonly #signIn: EntraSignIn;
  readonly #sessions: SessionStore;
  readonly #now: () => number;
  readonly #log: (line: string) => void;

  constructor(options: {
    signIn: EntraSignIn;
    sessions: SessionStore;
    now?: () => number;
    log?: (line: string) => void;
  }) {
    this.#signIn = options.signIn;
    this.#sessions = options.sessions;
    this.#now = options.now ?? Date.now;
    this.#log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  }

  /** A usable access token, or `undefined` when the session has none and can get none. */
  async accessToken(session: Session): Promise<string | undefined> {
    const tokens = session.tokens;
    if (!tokens) return undefined;
    if (tokens.expiresAt - this.#now() > REFRESH_BEFORE_EXPIRY_MS) return tokens.accessToken;
    session.refreshing ??= this.#refresh(session, tokens).finally(() => {
      delete session.refreshing;
    });
    return (await session.refreshing)?.accessToken;
  }

  /** Forgets the tokens and ends the session (the upstream no longer takes them). */
  signOut(session: Session): void {
    delete session.tokens;
    this.#sessions.delete(session.id);
  }

  async #refresh(session: Session, tokens: SessionTokens): Promise<SessionTokens | undefined> {
    if (!tokens.refreshToken) {
      this.signOut(session);
      return undefined;
    }
    try {
      session.tokens = await this.#signIn.refresh(tokens.refreshToken);
      return session.tokens;
    } catch (error) {
      // Only the error's kind and message: a token never goes into a log.
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown';
      this.#log(`[auth] refresh refused, session ended (${reason})`);
      this.signOut(session);
      return undefined;
    }
  }
}
