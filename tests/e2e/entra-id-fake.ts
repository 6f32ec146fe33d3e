import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  decodeJwt,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWTPayload,
} from 'jose';

/**
 * A stand-in for Microsoft Entra ID's v2.0 endpoints of one tenant, as Microsoft documents them
 * (https://learn.microsoft.com/en-us/entra/identity-platform/v2-protocols-oidc and
 * v2-oauth2-auth-code-flow): discovery at `/{tenant}/v2.0/.well-known/openid-configuration`
 * (like Entra's, without `code_challenge_methods_supported`), JWKS, an authorize endpoint that
 * approves at once, and a token endpoint that checks the client secret, the redirect URI and PKCE
 * (S256) and issues RS256 ID and access tokens and rotating refresh tokens. Knobs let a test
 * spoil the next ID token or refuse refreshes.
 */

/** How the next ID token is spoiled, for tests that it is refused. */
export type IdTokenFlaw =
  'tamperedPayload' | 'foreignKey' | 'wrongAudience' | 'wrongIssuer' | 'wrongNonce' | 'expired';

/** The user the fake signs in. */
export interface FakeUser {
  name: string;
  preferredUsername: string;
  objectId: string;
}

/** The running fake. */
export interface EntraIdFake {
  /** What `ENTRA_AUTHORITY` is set to, like `http://127.0.0.1:5555`. */
  authority: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** `${authority}/${tenantId}/v2.0`. */
  issuer: string;
  /** The user signed in by the authorize endpoint. */
  user: FakeUser;
  /** Lifetime of the access tokens issued next, in seconds (default 3600). */
  accessTokenLifetimeS: number;
  /** Spoils the next ID token issued for a code (then issues good ones again). */
  nextIdTokenFlaw: IdTokenFlaw | undefined;
  /** Refuses every refresh (`invalid_grant`), as when the user was disabled or the token revoked. */
  refusesRefresh: boolean;
  /** Every grant the token endpoint answered, in order. */
  grants: { grantType: string; status: number }[];
  /** Access tokens issued so far, in order. */
  accessTokens: string[];
  /** Query parameters of every authorize request, in order. */
  authorizeRequests: URLSearchParams[];
  close(): Promise<void>;
}

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | undefined;
  scope: string;
}

function sendJson(
  response: import('node:http').ServerResponse,
  status: number,
  body: unknown,
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/** Starts a fake for one app registration, on a free loopback port. */
export async function startEntraIdFake(
  options: { redirectUris?: string[]; user?: Partial<FakeUser> } = {},
): Promise<EntraIdFake> {
  const tenantId = randomUUID();
  const clientId = randomUUID();
  const clientSecret = base64url(randomBytes(24));
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256');
  const kid = base64url(randomBytes(8));
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  const codes = new Map<string, IssuedCode>();
  const refreshTokens = new Map<string, { scope: string }>();

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void handle(request, Buffer.concat(chunks).toString('utf8'), response).catch(
        (error: unknown) => sendJson(response, 500, { error: String(error) }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const authority = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${authority}/${tenantId}/v2.0`;
  const paths = {
    discovery: `/${tenantId}/v2.0/.well-known/openid-configuration`,
    jwks: `/${tenantId}/discovery/v2.0/keys`,
    authorize: `/${tenantId}/oauth2/v2.0/authorize`,
    token: `/${tenantId}/oauth2/v2.0/token`,
    logout: `/${tenantId}/oauth2/v2.0/logout`,
  };

  const fake: EntraIdFake = {
    authority,
    tenantId,
    clientId,
    clientSecret,
    issuer,
    user: {
      name: 'Ada Lovelace',
      preferredUsername: 'ada@contoso.onmicrosoft.com',
      objectId: randomUUID(),
      ...options.user,
    },
    accessTokenLifetimeS: 3600,
    nextIdTokenFlaw: undefined,
    refusesRefresh: false,
    grants: [],
    accessTokens: [],
    authorizeRequests: [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  async function sign(payload: JWTPayload, key: CryptoKey, lifetimeS: number) {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .setIssuedAt(now - (lifetimeS < 0 ? 7200 : 0))
      .setNotBefore(now - (lifetimeS < 0 ? 7200 : 0))
      .setExpirationTime(now + lifetimeS)
      .sign(key);
  }

  async function idToken(nonce: string | undefined, flaw: IdTokenFlaw | undefined) {
    const claims: JWTPayload = {
      iss: flaw === 'wrongIssuer' ? `${authority}/${randomUUID()}/v2.0` : issuer,
      aud: flaw === 'wrongAudience' ? randomUUID() : clientId,
      sub: base64url(createHash('sha256').update(fake.user.objectId).digest()),
      oid: fake.user.objectId,
      tid: tenantId,
      name: fake.user.name,
      preferred_username: fake.user.preferredUsername,
      ver: '2.0',
      ...(nonce !== undefined ? { nonce: flaw === 'wrongNonce' ? 'not-the-nonce' : nonce } : {}),
    };
    const token = await sign(
      claims,
      flaw === 'foreignKey' ? foreign.privateKey : privateKey,
      flaw === 'expired' ? -3600 : 3600,
    );
    if (flaw !== 'tamperedPayload') return token;
    // The same signature over a changed payload: only a signature check can tell.
    const [header, , signature] = token.split('.');
    const changed = { ...decodeJwt(token), name: 'Mallory' };
    return `${header}.${base64url(Buffer.from(JSON.stringify(changed)))}.${signature}`;
  }

  async function tokens(scope: string, nonce: string | undefined, flaw: IdTokenFlaw | undefined) {
    const accessToken = await sign(
      {
        iss: `https://sts.windows.net/${tenantId}/`,
        aud: 'https://api.partnercenter.microsoft.com',
        scp: 'user_impersonation',
        oid: fake.user.objectId,
        tid: tenantId,
        appid: clientId,
        jti: randomUUID(),
      },
      privateKey,
      fake.accessTokenLifetimeS,
    );
    fake.accessTokens.push(accessToken);
    const refreshToken = base64url(randomBytes(32));
    refreshTokens.set(refreshToken, { scope });
    return {
      token_type: 'Bearer',
      scope,
      expires_in: fake.accessTokenLifetimeS,
      ext_expires_in: fake.accessTokenLifetimeS,
      access_token: accessToken,
      refresh_token: refreshToken,
      id_token: await idToken(nonce, flaw),
    };
  }

  function clientAuthenticated(
    request: import('node:http').IncomingMessage,
    form: URLSearchParams,
  ) {
    const basic = /^Basic (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (basic) {
      const [id, secret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
      return (
        decodeURIComponent(id ?? '') === clientId &&
        decodeURIComponent(secret ?? '') === clientSecret
      );
    }
    return form.get('client_id') === clientId && form.get('client_secret') === clientSecret;
  }

  async function handle(
    request: import('node:http').IncomingMessage,
    text: string,
    response: import('node:http').ServerResponse,
  ): Promise<void> {
    const url = new URL(request.url ?? '/', authority);
    if (request.method === 'GET' && url.pathname === paths.discovery) {
      return sendJson(response, 200, {
        issuer,
        authorization_endpoint: `${authority}${paths.authorize}`,
        token_endpoint: `${authority}${paths.token}`,
        jwks_uri: `${authority}${paths.jwks}`,
        end_session_endpoint: `${authority}${paths.logout}`,
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        scope_types_supported: ['openid', 'profile', 'email', 'offline_access'],
        token_endpoint_auth_methods_supported: [
          'client_secret_post',
          'private_key_jwt',
          'client_secret_basic',
        ],
        claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce', 'name', 'tid', 'ver', 'oid'],
        request_uri_parameter_supported: false,
        tenant_region_scope: 'EU',
      });
    }
    if (request.method === 'GET' && url.pathname === paths.jwks) {
      return sendJson(response, 200, { keys: [jwk] });
    }
    if (request.method === 'GET' && url.pathname === paths.authorize) {
      const query = url.searchParams;
      fake.authorizeRequests.push(query);
      const redirectUri = query.get('redirect_uri') ?? '';
      const allowed = options.redirectUris ?? [];
      if (query.get('client_id') !== clientId || !allowed.includes(redirectUri)) {
        return sendJson(response, 400, {
          error: 'invalid_request',
          error_description: 'AADSTS50011: The redirect URI does not match.',
        });
      }
      const challenge = query.get('code_challenge');
      if (
        query.get('response_type') !== 'code' ||
        !challenge ||
        query.get('code_challenge_method') !== 'S256' ||
        !(query.get('scope') ?? '').split(' ').includes('openid')
      ) {
        const back = new URL(redirectUri);
        back.searchParams.set('error', 'invalid_request');
        back.searchParams.set('state', query.get('state') ?? '');
        response.writeHead(302, { Location: back.href }).end();
        return;
      }
      const code = base64url(randomBytes(32));
      codes.set(code, {
        clientId,
        redirectUri,
        codeChallenge: challenge,
        nonce: query.get('nonce') ?? undefined,
        scope: query.get('scope') ?? '',
      });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      const state = query.get('state');
      if (state !== null) back.searchParams.set('state', state);
      back.searchParams.set('session_state', randomUUID());
      response.writeHead(302, { Location: back.href, 'Cache-Control': 'no-store' }).end();
      return;
    }
    if (request.method === 'POST' && url.pathname === paths.token) {
      const form = new URLSearchParams(text);
      const grantType = form.get('grant_type') ?? '';
      const answer = (status: number, body: unknown) => {
        fake.grants.push({ grantType, status });
        sendJson(response, status, body);
      };
      if (!clientAuthenticated(request, form)) {
        return answer(401, {
          error: 'invalid_client',
          error_description: 'AADSTS7000215: Invalid client secret provided.',
        });
      }
      if (grantType === 'authorization_code') {
        const code = form.get('code') ?? '';
        const issued = codes.get(code);
        codes.delete(code);
        const verifier = form.get('code_verifier') ?? '';
        const challenge = base64url(createHash('sha256').update(verifier).digest());
        if (
          !issued ||
          issued.redirectUri !== form.get('redirect_uri') ||
          challenge !== issued.codeChallenge
        ) {
          return answer(400, {
            error: 'invalid_grant',
            error_description:
              'AADSTS70008: The provided authorization code or verifier is invalid.',
          });
        }
        const flaw = fake.nextIdTokenFlaw;
        fake.nextIdTokenFlaw = undefined;
        return answer(200, await tokens(issued.scope, issued.nonce, flaw));
      }
      if (grantType === 'refresh_token') {
        const refresh = form.get('refresh_token') ?? '';
        const known = refreshTokens.get(refresh);
        refreshTokens.delete(refresh);
        if (!known || fake.refusesRefresh) {
          return answer(400, {
            error: 'invalid_grant',
            error_description: 'AADSTS700082: The refresh token has expired or been revoked.',
          });
        }
        return answer(200, await tokens(known.scope, undefined, undefined));
      }
      return answer(400, { error: 'unsupported_grant_type' });
    }
    return sendJson(response, 404, { error: 'not_found' });
  }

  return fake;
}
