import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';

import { loadConfig, REQUEST_LIMITS, requestIdMiddleware, verifyJsonDepth } from '@app/core';

import { createOpenApiDocument } from './openapi/openapi-document';

export const API_PREFIX = 'api/v1';

/** Everything about the HTTP surface that tests must share with production. */
export function configureApp(app: INestApplication, config = loadConfig()): void {
  app.use(requestIdMiddleware);
  // Helmet's defaults, except that `upgrade-insecure-requests` and HSTS are sent only when the app is
  // served over HTTPS (PUBLIC_URL=https://…): on a plain-HTTP intranet host name they make the browser
  // fetch every script and style over https, which fails, and Swagger UI and the console go blank.
  app.use(
    helmet({
      // frame-src blob: lets the console preview a downloaded report PDF in the page
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: config.servedOverHttps ? [] : null, frameSrc: ["'self'", 'blob:'] } },
      strictTransportSecurity: config.servedOverHttps,
    }),
  );
  // Registered here, not by Nest's defaults, so production and tests share the limits.
  const express = app as NestExpressApplication;
  // No ETag on API answers: Express would hash every body (SHA-1 over a 25-row list page) to let a
  // client revalidate, yet the body is built anyway and the console never sends If-None-Match.
  // The console's files keep theirs (serve-static sets its own).
  express.set('etag', false);
  express.useBodyParser('json', { limit: REQUEST_LIMITS.bodyBytes, verify: verifyJsonDepth });
  express.useBodyParser('urlencoded', { limit: REQUEST_LIMITS.bodyBytes, extended: false, parameterLimit: 200 });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'health/ready'] });
  // A factory: the document is built on the first request for /docs, not at start.
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app), { jsonDocumentUrl: 'docs-json', customSiteTitle: '企业培育库 API' });
}
