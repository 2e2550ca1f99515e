/**
 * `deckgen watch --serve`: the preview page over HTTP on 127.0.0.1 only, with
 * server-sent events telling open pages that a build finished.
 *
 * Exactly two paths answer: `/` (the preview page as the last build wrote it)
 * and `/events`. Everything else is a 404 without a look at the disk, so no
 * `../`, encoded or not, reaches a file; only GET and HEAD are taken, and only
 * with a Host header naming this server, so another site cannot read the page
 * through a DNS name pointed at 127.0.0.1.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Loopback only: the notes are the user's, never the network's. */
export const PREVIEW_HOST = '127.0.0.1';

/** What an open page is told after each build. */
export interface LiveBuild {
  /** Counts builds from 1; the page fetches itself again when it holds an older one. */
  number: number;
  exitCode: 0 | 1 | 2;
  /** A build that could not run (exit 2) writes no page: its problems, for the page to show at the top. */
  failure: { file: string; line: number | null; severity: string; rule: string; message: string }[];
}

export interface PreviewServer {
  url: string;
  port: number;
  /** Tells every open page about a build. */
  publish(build: LiveBuild): void;
  close(): Promise<void>;
}

const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' };

export async function servePreview(pagePath: string, port: number): Promise<PreviewServer> {
  const streams = new Set<ServerResponse>();
  let latest: LiveBuild | null = null;
  let actualPort = port;

  const send = (stream: ServerResponse, build: LiveBuild) => stream.write(`event: build\ndata: ${JSON.stringify(build)}\n\n`);

  const page = async (response: ServerResponse, head: boolean) => {
    let html: string;
    try {
      html = await readFile(pagePath, 'utf8');
    } catch {
      response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('No preview yet: the first build has not written it.\n');
      return;
    }
    // The page learns it is live, and which build it holds (it was read after that build wrote it).
    const live = html.replace('<head>', `<head>\n<meta name="deckgen-live" content="${latest?.number ?? 0}">`);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(live), ...SECURITY_HEADERS });
    response.end(head ? undefined : live);
  };

  const events = (request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive', ...SECURITY_HEADERS });
    response.write('retry: 1000\n\n');
    if (latest) send(response, latest);
    streams.add(response);
    request.on('close', () => streams.delete(response));
  };

  const server = createServer((request, response) => {
    const refuse = (status: number, text: string, headers: Record<string, string> = {}) =>
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS, ...headers }).end(`${text}\n`);
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed', { allow: 'GET, HEAD' });
    const host = request.headers.host ?? '';
    if (host !== `${PREVIEW_HOST}:${actualPort}` && host !== `localhost:${actualPort}`) return refuse(421, 'This server only answers as 127.0.0.1 or localhost');
    const path = (request.url ?? '').replace(/\?.*$/s, '');
    if (path === '/') return void page(response, request.method === 'HEAD');
    if (path === '/events' && request.method === 'GET') return events(request, response);
    return refuse(404, 'Not found: this server serves only the preview page');
  });

  await new Promise<void>((listening, fail) => {
    server.once('error', fail);
    server.listen({ host: PREVIEW_HOST, port, exclusive: true }, () => {
      server.off('error', fail);
      listening();
    });
  });
  actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://${PREVIEW_HOST}:${actualPort}/`,
    port: actualPort,
    publish(build) {
      latest = build;
      for (const stream of streams) send(stream, build);
    },
    close() {
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      return new Promise((closed) => server.close(() => closed()));
    },
  };
}
