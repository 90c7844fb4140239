import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

const TAGS: [name: string, description: string][] = [
  ['auth', 'Accounts, login, token refresh and logout'],
  ['sessions', "The caller's own sessions"],
  ['admin', "Any user's sessions; needs the admin role"],
  ['operations', 'Health probes and metrics'],
];

/**
 * The OpenAPI document of the app. Operation ids are the handler names. Operations without a bearer requirement get
 * `security: []`, so a reader (and a linter) sees they are public on purpose.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('sessionops API')
    .setDescription(
      'Accounts and Redis-backed sessions. Access tokens are short-lived HS256 JWTs checked against the session ' +
        'store on every request; refresh tokens rotate on each use. Every error body is an ErrorResponse.',
    )
    .setVersion('0.1.0')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    // Relative: the document is served by the API itself, wherever that runs.
    .addServer('/', 'The server that serves this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An access token' }, 'bearer');
  for (const [name, description] of TAGS) builder.addTag(name, description);

  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
  });
  for (const path of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = path[method];
      if (operation && !operation.security) operation.security = [];
    }
  }
  return document;
}

/** Serves Swagger UI at /api and the document at /api-json. */
export function mountOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api-json' });
}
