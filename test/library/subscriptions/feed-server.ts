/**
 * A real HTTP server on 127.0.0.1 for the fetching tests: each test gives a handler, and
 * the server records what it saw (each request's path and headers, and how many
 * connections were open at once).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';

export interface SeenRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

export interface FeedServer {
  server: Server;
  origin: string;
  url: (path: string) => string;
  requests: SeenRequest[];
  /** The most connections that were open at the same time. */
  maxOpenConnections: () => number;
  close: () => Promise<void>;
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export async function startFeedServer(handler: Handler): Promise<FeedServer> {
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  let maxOpen = 0;
  const server = createServer((request, response) => {
    requests.push({ path: request.url ?? '', headers: request.headers });
    handler(request, response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    maxOpen = Math.max(maxOpen, sockets.size);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    server,
    origin,
    url: (p) => `${origin}${p}`,
    requests,
    maxOpenConnections: () => maxOpen,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * An HTTP proxy that tunnels every CONNECT to one server on 127.0.0.1, whatever host is
 * asked for: a host that does not resolve is then reached only through the proxy.
 * `tunnels` lists the hosts asked for.
 */
export async function startTunnelProxy(targetPort: number): Promise<FeedServer & { tunnels: string[] }> {
  const proxy = await startFeedServer((_request, response) => {
    response.writeHead(405);
    response.end();
  });
  const tunnels: string[] = [];
  proxy.server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    tunnels.push(request.url ?? '');
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return { ...proxy, tunnels };
}

/** A small RSS feed whose items are [guid, title] pairs. */
export function rssFeed(title: string, items: readonly (readonly [string, string])[], extra = ''): string {
  const entries = items
    .map(
      ([guid, headline], i) =>
        `<item><title>${headline}</title><guid isPermaLink="false">${guid}</guid><link>https://example.org/${guid}</link>` +
        `<pubDate>Tue, 06 Sep 2016 ${String(10 + (i % 10)).padStart(2, '0')}:00:00 GMT</pubDate><description>About ${headline}.${extra}</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${title}</title><link>https://example.org/${encodeURIComponent(title)}</link>\n${entries}\n</channel></rss>\n`;
}
