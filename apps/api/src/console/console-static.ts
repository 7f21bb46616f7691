import { DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where `npm run build` puts the console: dist/console beside dist/apps (compiled), or under the working directory (ts-node, tests). */
export function consoleDir(): string | undefined {
  const candidates = [resolve(__dirname, '../../../../console'), resolve(process.cwd(), 'dist/console')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

/**
 * Client routes get index.html; the API, Swagger, health and asset paths never do, so an unknown
 * `/api/v1/…` or a missing asset still answers the API's JSON 404. A path pattern rather than
 * serve-static's `exclude`: its Express loader turns every error on an excluded path into a 404,
 * which made a malformed JSON body on `/api/v1/…` a 404 instead of the 400 it is.
 */
export const CLIENT_ROUTES = /^\/(?!(?:api|docs|health|assets)(?:[/?#-]|$))[^.]*$/;

/** Serves the built console at `/`. Without a build (a test run that did not build it) nothing is served. */
export function consoleModule(): DynamicModule[] {
  const rootPath = consoleDir();
  if (!rootPath) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath,
      renderPath: CLIENT_ROUTES,
      serveStaticOptions: {
        index: false,
        // hashed assets may be cached for good; index.html must be asked for each time
        setHeaders: (res: { setHeader(name: string, value: string): void }, path: string) =>
          res.setHeader('Cache-Control', path.includes(`${join('assets', '')}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
      },
    }),
  ];
}
