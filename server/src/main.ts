// Entry point of the bundled server (dist/server.js): `--stdio`, `--node-ipc` or `--socket`, chosen by the flags.
import { format } from 'node:util';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { FrameGuard } from './framing';
import { startServer } from './server';

if (process.argv.includes('--stdio')) {
  // stdio goes through the frame guard, so a malformed frame is dropped instead of leaving the server deaf.
  let warn: (message: string) => void = () => undefined;
  const input = process.stdin.pipe(new FrameGuard((why) => warn(`Dropped ${why} from the client; reading resumes at the next frame.`)));
  const connection = createConnection(ProposedFeatures.all, input, process.stdout);
  warn = (message) => connection.console.warn(message);
  // stdout carries the protocol: anything printed with console.* goes to the client's log instead.
  console.log = console.info = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  startServer(connection);
} else {
  startServer();
}
