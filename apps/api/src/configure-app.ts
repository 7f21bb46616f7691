import { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';

import { loadConfig, requestIdMiddleware } from '@app/core';

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
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'health/ready'] });
  const document = createOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', customSiteTitle: '企业培育库 API' });
}
