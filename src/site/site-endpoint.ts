import { endpointProblem } from '../article/frontmatter-schema.ts';

/**
 * The task widget's endpoint for the whole site, `PUBLIC_ACCOUNT_ENDPOINT`, held to the same
 * rule as an article's `endpoint` (https, or a path on this site): a bad value stops the build
 * with the variable's name, rather than a site that sends billing data somewhere unsafe.
 * Undefined when unset: the widget then calls its default, `/api`.
 */
export function siteEndpoint(
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  const endpoint = env['PUBLIC_ACCOUNT_ENDPOINT'];
  if (endpoint === undefined || endpoint === '') return undefined;
  const problem = endpointProblem(endpoint);
  if (problem !== undefined) throw new Error(`PUBLIC_ACCOUNT_ENDPOINT="${endpoint}": ${problem}`);
  return endpoint;
}
