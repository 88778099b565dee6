// A forward proxy's CONNECT method for the tests' proxies: each CONNECT request (its target, as
// `host:port`, is told to `onConnect`) gets a TCP tunnel to its target on loopback.
import type { Server } from 'node:http';
import { connect } from 'node:net';

/** Makes `proxy` answer CONNECT with a tunnel to the requested `host:port`. */
export function tunnelConnect(proxy: Server, onConnect: (target: string) => void): void {
  proxy.on('connect', (req, client) => {
    onConnect(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
}
