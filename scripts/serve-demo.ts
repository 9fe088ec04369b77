// Serves the demo helpdesk (demo/, built on demand) and tests/fixtures on 127.0.0.1, for people and for the browser tests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { buildDemo, demoDir, isDemoBuildStale } from './build-demo.ts';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
};

/** URL prefix → folder it serves; everything else is a 404. */
const mounts: [prefix: string, folder: string][] = [
  ['/fixtures/', join(projectRoot, 'tests', 'fixtures')],
  ['/', demoDir],
];

function resolveRequestPath(url: string): string | null {
  const pathname = decodeURIComponent(new URL(url, 'http://127.0.0.1').pathname);
  for (const [prefix, folder] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    const relative = pathname.slice(prefix.length) || 'index.html';
    const resolved = normalize(join(folder, relative));
    // Refuse ../ walks out of the served folder.
    return resolved === folder || resolved.startsWith(folder + sep) ? resolved : null;
  }
  return null;
}

async function serveFile(request: IncomingMessage, response: ServerResponse): Promise<void> {
  let path = resolveRequestPath(request.url ?? '/');
  if (path && (await stat(path).catch(() => null))?.isDirectory()) path = join(path, 'index.html');
  const body = path ? await readFile(path).catch(() => null) : null;
  if (!path || !body) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not found');
    return;
  }
  response.writeHead(200, {
    'content-type': contentTypes[extname(path)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  response.end(body);
}

export interface DemoServer {
  url: string;
  close(): Promise<void>;
}

export interface DemoServerOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Rebuild demo/dist when it is missing or older than its sources (default true). */
  build?: boolean;
}

export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  if (options.build !== false && isDemoBuildStale()) await buildDemo();
  const server = createServer((request, response) => {
    serveFile(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const requestedPort = Number(process.env.PORT ?? 0);
  const server = await startDemoServer({ port: Number.isInteger(requestedPort) ? requestedPort : 0 });
  console.log(
    `星河商城 demo helpdesk: ${server.url}  (pick an editor with ?editor=prosemirror, ckeditor5, lexical, quill, draftjs, slate, summernote, contenteditable, textarea, input)`,
  );
  console.log('Press Ctrl+C to stop.');
}
