import { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';

import { requestIdMiddleware } from '@app/core';

import { createOpenApiDocument } from './openapi/openapi-document';

export const API_PREFIX = 'api/v1';

/** Everything about the HTTP surface that tests must share with production. */
export function configureApp(app: INestApplication): void {
  app.use(requestIdMiddleware);
  app.use(helmet());
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'health/ready'] });
  const document = createOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', customSiteTitle: '企业培育库 API' });
}
