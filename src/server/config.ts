import * as z from 'zod';
import { DEFAULT_DB_PATH, type ServerOptions } from './app.ts';
import type { ProxyOptions } from './proxy/options.ts';

/** Where sign-in goes when `ENTRA_AUTHORITY` is not set. */
export const DEFAULT_ENTRA_AUTHORITY = 'https://login.microsoftonline.com';

/** Port of `npm start` when `PORT` is not set. */
export const DEFAULT_PORT = 4321;

/** Shortest `SESSION_SECRET` accepted: 32 characters, as for any HMAC key worth the name. */
export const MIN_SESSION_SECRET_LENGTH = 32;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An absolute URL of a server we call: https, or plain http on loopback (a local fake in tests). */
const serviceUrl = z
  .string()
  .refine((text) => URL.canParse(text), 'must be an absolute URL, like https://host')
  .transform((text) => new URL(text))
  .refine(
    (url) =>
      url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)),
    'must use https (plain http only on 127.0.0.1, localhost or [::1])',
  )
  .refine((url) => !url.search && !url.hash, 'must have no query or fragment')
  .transform((url) => url.href.replace(/\/+$/, ''));

/** The site's public origin: http(s), nothing after the host. */
const siteOrigin = z
  .string()
  .refine((text) => URL.canParse(text), 'must be an absolute URL, like https://help.contoso.com')
  .transform((text) => new URL(text))
  .refine((url) => ['http:', 'https:'].includes(url.protocol), 'must use http or https')
  .refine(
    (url) => url.pathname === '/' && !url.search && !url.hash,
    'must be an origin only (no path), like https://help.contoso.com',
  )
  .transform((url) => url.origin);

const flag = (name: string) => z.enum(['0', '1'], { error: `${name} must be 0 or 1` }).optional();

const nonEmpty = (what: string) => z.string().trim().min(1, `must name ${what}`);

/** Every variable the server reads; all optional here, the proxy's are checked below. */
const EnvSchema = z.object({
  PORT: z
    .string()
    .regex(/^\d+$/, 'must be a whole number from 0 to 65535')
    .transform(Number)
    .refine((port) => port <= 65535, 'must be a whole number from 0 to 65535')
    .optional(),
  HOST: nonEmpty('an interface, like 127.0.0.1 or 0.0.0.0').optional(),
  ACCOUNTS_DB: nonEmpty('a database file or :memory:').optional(),
  SITE_DIR: nonEmpty('the folder of the built site, like dist').optional(),
  CORS_ORIGINS: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .refine(
      (origins) =>
        origins.every((origin) => origin === '*' || siteOrigin.safeParse(origin).success),
      'must be * or comma-separated origins, like https://a.example,https://b.example',
    )
    .optional(),
  API_TOKEN: z.string().optional(),
  API_FAULTS: flag('API_FAULTS'),
  API_LOG: flag('API_LOG'),
  PARTNER_CENTER_API_URL: serviceUrl.optional(),
  ENTRA_TENANT_ID: nonEmpty('your Microsoft Entra tenant (its ID or a verified domain)')
    .regex(/^[\w.-]+$/, 'must be a tenant ID (a GUID) or a domain, like contoso.onmicrosoft.com')
    .optional(),
  ENTRA_CLIENT_ID: nonEmpty('the app registration’s Application (client) ID').optional(),
  ENTRA_CLIENT_SECRET: nonEmpty('a client secret of the app registration').optional(),
  ENTRA_AUTHORITY: serviceUrl.optional(),
  SESSION_SECRET: z
    .string()
    .min(
      MIN_SESSION_SECRET_LENGTH,
      `must be at least ${MIN_SESSION_SECRET_LENGTH} characters (try: openssl rand -base64 48)`,
    )
    .optional(),
  SITE_URL: siteOrigin.optional(),
});

type Env = z.infer<typeof EnvSchema>;

/** Variables proxy mode needs, with what each is for. */
const PROXY_REQUIRED = {
  ENTRA_TENANT_ID: 'your Microsoft Entra tenant ID',
  ENTRA_CLIENT_ID: 'the app registration’s Application (client) ID',
  ENTRA_CLIENT_SECRET: 'a client secret of the app registration',
  SESSION_SECRET: `a random secret of at least ${MIN_SESSION_SECRET_LENGTH} characters`,
  SITE_URL: 'the public origin of the site, like https://help.contoso.com',
} as const satisfies Partial<Record<keyof Env, string>>;

/** Variables of the embedded reference server that make no sense (or weaken it) in proxy mode. */
const REFERENCE_ONLY = ['CORS_ORIGINS', 'API_TOKEN', 'API_FAULTS'] as const;

/** A configuration that cannot start the server; the message names every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** What `npm start` runs: the server's options plus where it listens. */
export interface StartConfig {
  options: ServerOptions;
  host: string;
  port: number;
}

function fail(problems: string[]): never {
  throw new ConfigError(
    `Invalid environment:\n${problems.map((line) => `  - ${line}`).join('\n')}`,
  );
}

/**
 * Reads and checks the server's environment (Starlight's `parseWithFriendlyErrors` way): a bad
 * value is an error naming the variable and what it allows, never a silent default. An empty
 * variable counts as not set.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): StartConfig {
  const given = Object.fromEntries(
    Object.keys(EnvSchema.shape).flatMap((name) =>
      env[name] === undefined || env[name] === '' ? [] : [[name, env[name]]],
    ),
  );
  const parsed = EnvSchema.safeParse(given);
  if (!parsed.success) {
    fail(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '');
        return `${name}=${JSON.stringify(given[name] ?? '')}: ${issue.message}`;
      }),
    );
  }
  const vars = parsed.data;
  const options: ServerOptions = {
    dbPath: vars.ACCOUNTS_DB ?? DEFAULT_DB_PATH,
    corsOrigins: vars.CORS_ORIGINS ?? [],
    apiToken: vars.API_TOKEN,
    faults: vars.API_FAULTS === '1',
    log: vars.API_LOG !== '0',
    ...(vars.SITE_DIR ? { siteDir: vars.SITE_DIR } : {}),
  };
  if (vars.PARTNER_CENTER_API_URL) options.proxy = proxyOptions(vars, vars.PARTNER_CENTER_API_URL);
  return { options, host: vars.HOST ?? '127.0.0.1', port: vars.PORT ?? DEFAULT_PORT };
}

function proxyOptions(vars: Env, upstream: string): ProxyOptions {
  const problems = [
    ...Object.entries(PROXY_REQUIRED)
      .filter(([name]) => vars[name as keyof Env] === undefined)
      .map(([name, what]) => `${name} is not set: PARTNER_CENTER_API_URL needs ${what}`),
    ...REFERENCE_ONLY.filter(
      (name) => vars[name] !== undefined && !(name === 'API_FAULTS' && vars[name] === '0'),
    ).map(
      (name) =>
        `${name} is set: it is for the embedded reference server; unset it with PARTNER_CENTER_API_URL`,
    ),
  ];
  if (problems.length > 0) fail(problems);
  const authority = vars.ENTRA_AUTHORITY ?? DEFAULT_ENTRA_AUTHORITY;
  return {
    upstream,
    siteUrl: vars.SITE_URL!,
    sessionSecret: vars.SESSION_SECRET!,
    entra: {
      issuer: `${authority}/${vars.ENTRA_TENANT_ID!}/v2.0`,
      clientId: vars.ENTRA_CLIENT_ID!,
      clientSecret: vars.ENTRA_CLIENT_SECRET!,
    },
  };
}
