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
  user: SessionUser;
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
  /** Sessions kept at most, and sign-ins in flight at most; one more is refused (default 50 000). */
  maxSessions: number;
}

const DEFAULT_LIMITS: SessionLimits = {
  idleMs: 8 * 60 * 60 * 1000,
  absoluteMs: 24 * 60 * 60 * 1000,
  pendingMs: 10 * 60 * 1000,
  maxSessions: 50_000,
};

/** More sessions (or sign-ins in flight) than `maxSessions`. */
export class TooManySessionsError extends Error {
  override name = 'TooManySessionsError';
}

/**
 * Server-side sessions and sign-ins in flight, in this process's memory: the browser holds only a
 * random id (and, during sign-in, the sign-in's `state`). Written here
 * rather than taken from @fastify/session because requests of one session must share one live
 * object (a token refresh in flight is awaited by every request that needs it, not started twice),
 * and every session needs hard limits on what it may hold. Sessions end with the process: users
 * sign in again after a restart (see the README).
 */
export class SessionStore {
  readonly #sessions = new Map<string, Session>();
  readonly #pending = new Map<string, PendingSignIn>();
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

  /** A new session for a signed-in user, with a fresh 256-bit id. */
  create(user: SessionUser): Session {
    this.prune();
    if (this.#sessions.size >= this.#limits.maxSessions)
      throw new TooManySessionsError(`${this.#limits.maxSessions} sessions`);
    const now = this.#now();
    const session: Session = {
      id: randomBytes(32).toString('base64url'),
      createdAt: now,
      lastSeenAt: now,
      user,
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

  /** Remembers a sign-in in flight, by its `state`. */
  addPending(state: string, pending: PendingSignIn): void {
    this.prune();
    if (this.#pending.size >= this.#limits.maxSessions)
      throw new TooManySessionsError(`${this.#limits.maxSessions} sign-ins`);
    this.#pending.set(state, pending);
  }

  /** Takes the sign-in with this `state` out: a state works once, and only in time. */
  takePending(state: string): PendingSignIn | undefined {
    const pending = this.#pending.get(state);
    this.#pending.delete(state);
    if (!pending || this.#now() - pending.startedAt > this.#limits.pendingMs) return undefined;
    return pending;
  }

  /** Drops every ended session and every sign-in that can no longer finish. */
  prune(): void {
    const now = this.#now();
    for (const [id, session] of this.#sessions) {
      if (this.#expired(session, now)) this.#sessions.delete(id);
    }
    for (const [state, pending] of this.#pending) {
      if (now - pending.startedAt > this.#limits.pendingMs) this.#pending.delete(state);
    }
  }

  #expired(session: Session, now: number): boolean {
    if (now - session.createdAt > this.#limits.absoluteMs) return true;
    return now - session.lastSeenAt > this.#limits.idleMs;
  }
}
