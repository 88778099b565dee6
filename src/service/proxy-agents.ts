// Agents that send through an HTTP proxy: plain http in absolute form, https through a CONNECT
// tunnel, then TLS to the endpoint (as urllib3 does).
import { Agent as HttpAgent, type ClientRequest, type AgentOptions } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { ProxyConnectError, proxyLabel } from './proxy.js';

/** An agent for plain http that sends each request to the proxy in absolute form. */
export function httpProxyAgent(proxy: URL, options: AgentOptions): HttpAgent {
  const agent = new HttpAgent(options);
  // http.Agent#addRequest is Node's (untyped) hook between a request and its socket.
  const hook = agent as unknown as { addRequest: (req: ClientRequest, opts: Record<string, unknown>) => void };
  const add = hook.addRequest.bind(agent);
  hook.addRequest = (req, opts) => {
    req.path = `http://${String(opts.host)}:${String(opts.port)}${req.path}`;
    const auth = proxyAuthorization(proxy);
    if (auth) req.setHeader('Proxy-Authorization', auth);
    req.on('error', () => undefined);
    add(req, { ...opts, host: proxy.hostname, port: Number(proxy.port || 80) });
  };
  return agent;
}

/** An agent for https that opens a CONNECT tunnel through the proxy, then TLS to the endpoint. */
export function httpsProxyAgent(proxy: URL, options: AgentOptions & ConnectionOptions): HttpsAgent {
  const agent = new HttpsAgent(options);
  const label = proxyLabel(proxy);
  (agent as unknown as { createConnection: unknown }).createConnection = (
    opts: ConnectionOptions & { host: string; port: number },
    callback: (error: Error | null, socket?: Socket) => void,
  ) => {
    const socket = netConnect(Number(proxy.port || 80), proxy.hostname);
    socket.once('error', (error) => callback(new ProxyConnectError(label, error)));
    socket.once('connect', () => {
      const auth = proxyAuthorization(proxy);
      socket.write(`CONNECT ${opts.host}:${opts.port} HTTP/1.1\r\nHost: ${opts.host}:${opts.port}\r\n${auth ? `Proxy-Authorization: ${auth}\r\n` : ''}\r\n`);
    });
    let head = '';
    const onData = (chunk: Buffer): void => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      if (!/^HTTP\/1\.[01] 200/.test(head)) return callback(new ProxyConnectError(label, new Error(head.split('\r\n')[0])));
      // opts.servername is http.Agent's: the host, or none for an IP address (RFC 6066; Node warns of one).
      callback(null, tlsConnect({ ...opts, socket }));
    };
    socket.on('data', onData);
    return undefined;
  };
  return agent;
}

function proxyAuthorization(proxy: URL): string | undefined {
  if (!proxy.username) return undefined;
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return `Basic ${Buffer.from(credentials).toString('base64')}`;
}
