import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for `https://api.partnercenter.microsoft.com` that answers exactly as Microsoft's
 * reference pages and recorded session do (tests/fixtures/partner-center/): not our reference
 * server, so the widget is proven against Partner Center's own shapes. Its one customer is the
 * customer of the "Get a customer by ID" page; its US rules are the live service's recorded
 * answer; a stale ETag is HTTP 400 with code 2055; its address check is the current generation,
 * answering `StreetPartial` with a suggestion for a street without a house number.
 */

const fixture = (name: string): unknown =>
  JSON.parse(
    readFileSync(new URL(`../fixtures/partner-center/${name}`, import.meta.url), 'utf8'),
  ) as unknown;

type Json = Record<string, unknown>;

/** One request as the fake received it. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Json | undefined;
}

/** The running fake: its base URL, what it received, and a way to change data behind the widget. */
export interface PartnerCenterFake {
  /** Base URL, like `http://127.0.0.1:5555` (the paths are `/v1/…`, as Partner Center's). */
  url: string;
  /** Every request, in order. */
  requests: ReceivedRequest[];
  /** The customer the fake serves. */
  customer: { id: string; companyName: string; domain: string };
  /**
   * Answers the next request with this status, headers and body instead (throttling, outages); a
   * string body is sent as it is, with the given headers.
   */
  failNext(status: number, headers?: Record<string, string>, body?: unknown): void;
  /** Someone else updates the billing profile (the ETag changes). */
  changeBillingProfile(change: (profile: Json) => Json): void;
  /** The billing profile as the fake has it now. */
  billingProfile(): Json;
  /** Stops the server. */
  close(): Promise<void>;
}

function send(response: import('node:http').ServerResponse, status: number, body?: unknown) {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** Starts a fake on a free loopback port. */
export async function startPartnerCenterFake(): Promise<PartnerCenterFake> {
  const example = fixture('get-a-customer-by-id.json') as Json & {
    id: string;
    companyProfile: Json & { companyName: string; domain: string };
    billingProfile: Json & { attributes: { etag: string } };
  };
  const [recorded] = fixture('GetPartnerCountryValidation.json') as { ResponseBody: string }[];
  const usRules = JSON.parse(recorded!.ResponseBody) as Json;
  const { billingProfile: initialProfile, ...customer } = example;
  let profile: Json = initialProfile;
  let version = 0;
  const newEtag = () => `-42423480485549${String(++version).padStart(5, '0')}`;
  const etagOf = (value: Json) => (value['attributes'] as { etag: string }).etag;
  const requests: ReceivedRequest[] = [];
  let failure: { status: number; headers: Record<string, string>; body: unknown } | undefined;

  // Like the list page's example: a collection whose items have no address and no links.
  const listItem = {
    id: customer.id,
    companyProfile: {
      tenantId: customer.companyProfile['tenantId'],
      domain: customer.companyProfile.domain,
      companyName: customer.companyProfile.companyName,
      attributes: { objectType: 'CustomerCompanyProfile' },
    },
    relationshipToPartner: 'reseller',
    attributes: { objectType: 'Customer' },
  };

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://fake');
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as Json) : undefined;
      requests.push({
        method: request.method ?? '',
        path: url.pathname,
        headers: request.headers,
        body,
      });
      if (failure) {
        const { status, headers, body: failureBody } = failure;
        failure = undefined;
        // A text body goes out as it is (a gateway's HTML page), anything else as JSON.
        if (typeof failureBody === 'string')
          return response.writeHead(status, headers).end(failureBody);
        for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
        return send(response, status, failureBody);
      }
      const billingPath = `/v1/customers/${customer.id}/profiles/billing`;
      if (request.method === 'GET' && url.pathname === '/v1/customers') {
        const size = url.searchParams.get('size') ?? '40';
        return send(response, 200, {
          totalCount: 1,
          items: [listItem],
          links: { self: { uri: `/v1/customers?size=${size}`, method: 'GET', headers: [] } },
          attributes: { objectType: 'Collection' },
        });
      }
      if (request.method === 'GET' && url.pathname === `/v1/customers/${customer.id}`) {
        return send(response, 200, { ...customer, billingProfile: profile });
      }
      if (request.method === 'GET' && url.pathname === billingPath) {
        return send(response, 200, profile);
      }
      if (request.method === 'PUT' && url.pathname === billingPath && body) {
        const ifMatch = String(request.headers['if-match'] ?? '').replace(/^"|"$/g, '');
        const sent = (body['attributes'] as { etag?: string } | undefined)?.etag;
        if ((ifMatch || sent) !== etagOf(profile) || (sent && sent !== etagOf(profile))) {
          return send(response, 400, {
            code: 2055,
            description: 'Etag is no longer valid',
            data: [],
            source: 'PartnerFD',
          });
        }
        profile = {
          ...body,
          attributes: { etag: newEtag(), objectType: 'CustomerBillingProfile' },
        };
        return send(response, 200, profile);
      }
      if (request.method === 'GET' && url.pathname === '/v1/countryvalidationrules/US') {
        return send(response, 200, usRules);
      }
      if (request.method === 'POST' && url.pathname === '/v1/validations/address' && body) {
        const line1 = String(body['addressLine1'] ?? '');
        if (!/\d/.test(line1)) {
          return send(response, 200, {
            originalAddress: body,
            suggestedAddresses: [{ ...body, addressLine1: `1 ${line1}` }],
            status: 'StreetPartial',
            validationMessage: "Address field invalid for property: 'Street'",
          });
        }
        return send(response, 200, {
          originalAddress: body,
          suggestedAddresses: [],
          status: 'VerifiedShippable',
        });
      }
      return send(response, 404, {
        code: 1000,
        description: 'Not found',
        data: [],
        source: 'PartnerFD',
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    customer: {
      id: customer.id,
      companyName: customer.companyProfile.companyName,
      domain: customer.companyProfile.domain,
    },
    failNext(status, headers = {}, body = undefined) {
      failure = { status, headers, body };
    },
    changeBillingProfile(change) {
      profile = {
        ...change(profile),
        attributes: { etag: newEtag(), objectType: 'CustomerBillingProfile' },
      };
    },
    billingProfile: () => profile,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
