import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';

import { requestIdMiddleware } from '@app/core';

export const API_PREFIX = 'api/v1';

/** Everything about the HTTP surface that tests must share with production. */
export function configureApp(app: INestApplication): void {
  app.use(requestIdMiddleware);
  app.use(helmet());
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'health/ready'] });
  const config = new DocumentBuilder()
    .setTitle('企业培育库 Cultivation Registry API')
    .setDescription(
      '宁波市经信局企业培育库:企业名录、梯度培育认定、标志性产业链与共同体、年度目标进度与季度报告。' +
        '\n\nLog in with POST /api/v1/auth/login and send the token as `Authorization: Bearer …`. ' +
        'Errors are `{ statusCode, code, message, errors? }`.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  // A factory: the document is built on the first request for /docs, not at start.
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), { jsonDocumentUrl: 'docs-json', customSiteTitle: '企业培育库 API' });
}
