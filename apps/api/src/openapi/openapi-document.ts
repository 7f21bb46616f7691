import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * The API's OpenAPI document, the one `/docs-json` serves and `openapi/openapi.json` commits.
 * Every object's keys are sorted (Nest emits an enum schema's keys in a different order on a second
 * run), except a schema's `properties`, which keep the DTO's declaration order.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('企业培育库 Cultivation Registry API')
      .setDescription(
        '宁波市经信局企业培育库:企业名录、梯度培育认定、标志性产业链与共同体、年度目标进度与季度报告。' +
          '\n\nLog in with POST /api/v1/auth/login and send the token as `Authorization: Bearer …`. ' +
          'Errors are `{ statusCode, code, message, errors? }`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  return sortKeysDeep(document) as OpenAPIObject;
}

/** The committed file's text: two-space JSON with a final newline. */
export function serializeOpenApiDocument(document: OpenAPIObject): string {
  return JSON.stringify(document, null, 2) + '\n';
}

function sortKeysDeep(value: unknown, keepOrder = false): unknown {
  if (Array.isArray(value)) return value.map((item) => sortKeysDeep(item));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (!keepOrder) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // Inside `properties` the keys are field names (keep their order); their values are schemas again.
  return Object.fromEntries(entries.map(([key, item]) => [key, key === 'properties' && !keepOrder ? sortKeysDeep(item, true) : sortKeysDeep(item)]));
}
