// Typed clients for Migo's three APIs. The types are generated from the server's OpenAPI documents
// (`make clients`); the requests go through openapi-fetch, so every path, parameter, body and answer is checked
// by the compiler against what the server serves.
import createClient, { type Client } from "openapi-fetch";

import type { paths as CmsPaths } from "./generated/cms.ts";
import type { paths as GatewayPaths } from "./generated/gateway.ts";
import type { paths as MiddlewarePaths } from "./generated/middleware.ts";

export type { components as CmsComponents, paths as CmsPaths } from "./generated/cms.ts";
export type { components as GatewayComponents, paths as GatewayPaths } from "./generated/gateway.ts";
export type { components as MiddlewareComponents, paths as MiddlewarePaths } from "./generated/middleware.ts";

/** The Middleware (Payment Links, subscriptions), with the merchant token sent raw, as seed 002 shows it, or an
 * access token from `POST /auth/token`. From a browser, leave the token out and call `/transactions-hook`. */
export function middlewareClient(baseUrl: string, token?: string): Client<MiddlewarePaths> {
  return createClient<MiddlewarePaths>({ baseUrl, headers: token ? { Authorization: token } : {} });
}

/** The Wallet Gateway (`/rest`): the application's (or a cardholder's) access token as the Bearer. Money-moving
 * calls are also signed (x-key-id, x-timestamp, x-signature): see the Gateway reference's RequestSignature. */
export function gatewayClient(baseUrl: string, accessToken: string): Client<GatewayPaths> {
  return createClient<GatewayPaths>({
    baseUrl: `${baseUrl}/rest`,
    headers: { Authorization: `Bearer ${accessToken}` },
  });
}

/** The CMS Backoffice (`/cms/rest`): the CMS application's Bearer plus the operator's `x-user-token`. */
export function cmsClient(baseUrl: string, applicationToken: string, operatorToken: string): Client<CmsPaths> {
  return createClient<CmsPaths>({
    baseUrl: `${baseUrl}/cms/rest`,
    headers: { Authorization: `Bearer ${applicationToken}`, "x-user-token": operatorToken },
  });
}
