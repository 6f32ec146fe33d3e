import * as oidc from 'openid-client';
import type { EntraOptions } from '../proxy/options.ts';
import type { PendingSignIn, SessionTokens, SessionUser } from './session-store.ts';

/**
 * What the site asks for: an ID token, a refresh token, and Partner Center's delegated
 * permission (App+User, so the user's own Partner Center roles apply).
 */
export const SIGN_IN_SCOPES =
  'openid profile offline_access https://api.partnercenter.microsoft.com/user_impersonation';

/** An access token without `expires_in` is treated as lasting this long (Entra always sends it). */
const DEFAULT_TOKEN_LIFETIME_S = 300;

/** A finished sign-in. */
export interface SignedIn {
  user: SessionUser;
  tokens: SessionTokens;
}

/**
 * Sign-in with Microsoft Entra ID through openid-client: authorization code flow with PKCE (S256,
 * always: Entra's discovery document does not advertise `code_challenge_methods_supported`), a
 * nonce and a state. openid-client checks the ID token's issuer, audience, nonce, expiry and
 * issue time; it checks the signature against the issuer's JWKS only with
 * `enableNonRepudiationChecks` (tokens from the token endpoint over TLS need not be signed-checked
 * by the spec), which is turned on here so a token that is not Entra's is refused even if the
 * connection is not what it seems.
 */
export class EntraSignIn {
  readonly #options: EntraOptions;
  readonly #redirectUri: string;
  readonly #now: () => number;
  #configuration: Promise<oidc.Configuration> | undefined;

  constructor(options: EntraOptions & { redirectUri: string; now?: () => number }) {
    this.#options = options;
    this.#redirectUri = options.redirectUri;
    this.#now = options.now ?? Date.now;
  }

  /** Reads the discovery document once; a failure is not kept, so the next sign-in tries again. */
  #config(): Promise<oidc.Configuration> {
    this.#configuration ??= this.#discover().catch((error: unknown) => {
      this.#configuration = undefined;
      throw error;
    });
    return this.#configuration;
  }

  async #discover(): Promise<oidc.Configuration> {
    const issuer = new URL(this.#options.issuer);
    // The configuration only allows plain http for a loopback authority (a local fake in tests).
    const execute = [oidc.enableNonRepudiationChecks];
    if (issuer.protocol === 'http:') execute.push(oidc.allowInsecureRequests);
    return oidc.discovery(
      issuer,
      this.#options.clientId,
      { id_token_signed_response_alg: 'RS256' },
      oidc.ClientSecretPost(this.#options.clientSecret),
      { execute },
    );
  }

  /** Where to send the browser, and what the session must keep until it comes back. */
  async start(returnTo: string): Promise<{ url: URL; state: string; pending: PendingSignIn }> {
    const config = await this.#config();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.#redirectUri,
      scope: SIGN_IN_SCOPES,
      response_type: 'code',
      response_mode: 'query',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state, pending: { codeVerifier, nonce, returnTo, startedAt: this.#now() } };
  }

  /**
   * Redeems the authorization code of `callbackUrl` (the full URL Entra sent the browser to) and
   * verifies the ID token. Throws when anything does not check out.
   */
  async finish(callbackUrl: URL, state: string, pending: PendingSignIn): Promise<SignedIn> {
    const config = await this.#config();
    const tokens = await oidc.authorizationCodeGrant(
      config,
      callbackUrl,
      {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: state,
        expectedNonce: pending.nonce,
      },
      { redirect_uri: this.#redirectUri },
    );
    const claims = tokens.claims();
    if (!claims) throw new Error('the token response has no ID token');
    const username =
      typeof claims['preferred_username'] === 'string' ? claims['preferred_username'] : undefined;
    const name = typeof claims['name'] === 'string' && claims['name'] ? claims['name'] : username;
    return {
      user: { name: name ?? claims.sub, username, subject: claims.sub },
      tokens: this.#tokensOf(tokens, undefined),
    };
  }

  /** New tokens for a refresh token; throws when Entra refuses it. */
  async refresh(refreshToken: string): Promise<SessionTokens> {
    const config = await this.#config();
    return this.#tokensOf(await oidc.refreshTokenGrant(config, refreshToken), refreshToken);
  }

  #tokensOf(response: oidc.TokenEndpointResponse, previousRefresh: string | undefined) {
    const lifetime = response.expires_in ?? DEFAULT_TOKEN_LIFETIME_S;
    return {
      accessToken: response.access_token,
      // Entra rotates refresh tokens; keep the old one only when no new one came.
      refreshToken: response.refresh_token ?? previousRefresh,
      expiresAt: this.#now() + lifetime * 1000,
    };
  }
}
