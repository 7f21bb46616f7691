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
 * Serves the built console at `/`, with index.html for client routes. The API, Swagger and health
 * routes are excluded, so an unknown `/api/v1/…` still answers the API's JSON 404. Without a build
 * (a test run that did not build it) nothing is served.
 */
export function consoleModule(): DynamicModule[] {
  const rootPath = consoleDir();
  if (!rootPath) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath,
      exclude: ['/api{/*path}', '/docs{*path}', '/health{*path}', '/assets{/*path}'],
      serveStaticOptions: {
        index: false,
        // hashed assets may be cached for good; index.html must be asked for each time
        setHeaders: (res: { setHeader(name: string, value: string): void }, path: string) =>
          res.setHeader('Cache-Control', path.includes(`${join('assets', '')}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
      },
    }),
  ];
}
