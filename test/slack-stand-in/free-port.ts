import net from 'node:net';

/**
 * A port on 127.0.0.1 that was free a moment ago: for a bot child process to listen on, or (since
 * nothing listens there now) for a "Slack" that refuses every connection.
 */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
