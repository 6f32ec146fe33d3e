import { randomBytes } from 'node:crypto';

/** A sign-in that has left for Microsoft Entra ID and not come back yet. */
export interface PendingSignIn {
  /** PKCE code verifier (RFC 7636); only its hash went to the browser. */
  codeVerifier: string;
  /** The `nonce` the ID token must carry. */
  nonce: string;
  /** Same-site path to return to. */
  returnTo: string;
  /** When sign-in started, in ms. */
  startedAt: number;
}

/** The tokens of a signed-in user; they never leave the server. */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string | undefined;
  /** When the access token expires, in ms. */
  expiresAt: number;
}

/** Who is signed in, from the verified ID token. */
export interface SessionUser {
  /** `name` claim, or the sign-in name when there is none. */
  name: string;
  /** `preferred_username` claim. */
  username: string | undefined;
  /** `sub` claim: the user for this app, stable across sign-ins. */
  subject: string;
}

/** One browser's session. */
export interface Session {
  readonly id: string;
  readonly createdAt: number;
  lastSeenAt: number;
  /** Sign-ins in flight, by their `state`. */
  readonly pending: Map<string, PendingSignIn>;
  user?: SessionUser;
  tokens?: SessionTokens;
  /** The refresh in flight, shared by every request that needs it. */
  refreshing?: Promise<SessionTokens | undefined>;
}

/** How long sessions live. */
export interface SessionLimits {
  /** A session unused this long ends (default 8 h). */
  idleMs: number;
  /** A session ends this long after sign-in, however busy (default 24 h). */
  absoluteMs: number;
  /** A sign-in not finished in this time is dropped (default 10 min). */
  pendingMs: number;
  /** Sign-ins one session may have in flight (several tabs); the oldest goes first (default 5). */
  pendingPerSession: number;
  /** Sessions kept at most; a new one beyond this is refused (default 50 000). */
  maxSessions: number;
}

const DEFAULT_LIMITS: SessionLimits = {
  idleMs: 8 * 60 * 60 * 1000,
  absoluteMs: 24 * 60 * 60 * 1000,
  pendingMs: 10 * 60 * 1000,
  pendingPerSession: 5,
  maxSessions: 50_000,
};

/** More sessions than `maxSessions`. */
export class TooManySessionsError extends Error {
  override name = 'TooManySessionsError';
}

/**
 * Server-side sessions, in this process's memory: the browser holds only a random id. Written here
 * rather than taken from @fastify/session because requests of one session must share one live
 * object (a token refresh in flight is awaited by every request that needs it, not started twice),
 * and every session needs hard limits on what it may hold. Sessions end with the process: users
 * sign in again after a restart (see the README).
 */
export class SessionStore {
  readonly #sessions = new Map<string, Session>();
  readonly #limits: SessionLimits;
  readonly #now: () => number;

  constructor(options: { limits?: Partial<SessionLimits>; now?: () => number } = {}) {
    this.#limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.#now = options.now ?? Date.now;
  }

  /** The number of live sessions. */
  get size(): number {
    return this.#sessions.size;
  }

  /** A new, empty session with a fresh 256-bit id. */
  create(): Session {
    this.prune();
    if (this.#sessions.size >= this.#limits.maxSessions)
      throw new TooManySessionsError(`${this.#limits.maxSessions} sessions`);
    const now = this.#now();
    const session: Session = {
      id: randomBytes(32).toString('base64url'),
      createdAt: now,
      lastSeenAt: now,
      pending: new Map(),
    };
    this.#sessions.set(session.id, session);
    return session;
  }

  /** The live session with this id (and marks it used), or `undefined`. */
  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const session = this.#sessions.get(id);
    if (!session) return undefined;
    const now = this.#now();
    if (this.#expired(session, now)) {
      this.#sessions.delete(id);
      return undefined;
    }
    session.lastSeenAt = now;
    return session;
  }

  /** Ends a session. */
  delete(id: string): void {
    this.#sessions.delete(id);
  }

  /** Remembers a sign-in in flight, dropping the session's oldest beyond the limit. */
  addPending(session: Session, state: string, pending: PendingSignIn): void {
    session.pending.set(state, pending);
    while (session.pending.size > this.#limits.pendingPerSession) {
      const oldest = session.pending.keys().next().value;
      if (oldest === undefined) break;
      session.pending.delete(oldest);
    }
  }

  /** Takes the sign-in with this `state` out of the session: a state works once. */
  takePending(session: Session, state: string): PendingSignIn | undefined {
    const pending = session.pending.get(state);
    session.pending.delete(state);
    if (!pending || this.#now() - pending.startedAt > this.#limits.pendingMs) return undefined;
    return pending;
  }

  /** Drops every ended session. */
  prune(): void {
    const now = this.#now();
    for (const [id, session] of this.#sessions) {
      if (this.#expired(session, now)) this.#sessions.delete(id);
    }
  }

  #expired(session: Session, now: number): boolean {
    if (now - session.createdAt > this.#limits.absoluteMs) return true;
    if (now - session.lastSeenAt > this.#limits.idleMs) return true;
    // A session that only ever started a sign-in lives as long as a sign-in may take.
    return !session.user && now - session.createdAt > this.#limits.pendingMs;
  }
}
