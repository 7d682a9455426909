// Entry point of the bundled server (dist/server.js): `--stdio`, `--node-ipc` or `--socket`, chosen by the flags.
import { format } from 'node:util';
import {
  createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures, StreamMessageReader,
} from 'vscode-languageserver/node';
import { FrameGuard } from './framing';
import { SingleWriteMessageWriter } from './frame-writer';
import { ShutdownGuard } from './shutdown-guard';
import { startServer } from './server';

if (process.argv.includes('--stdio')) {
  // stdio goes through the frame guard, so a malformed frame is dropped instead of leaving the server deaf.
  let warn: (message: string) => void = () => undefined;
  const input = process.stdin.pipe(new FrameGuard((why) => warn(`Dropped ${why} from the client; reading resumes at the next frame.`)));
  const writer = new SingleWriteMessageWriter(process.stdout);
  // After `shutdown`, requests get InvalidRequest (see shutdown-guard.ts).
  const guard = new ShutdownGuard(new StreamMessageReader(input), writer);
  const connection = createConnection(ProposedFeatures.all, guard, writer);
  // With a reader instead of a stream the library no longer watches stdin: the client going away ends the server.
  for (const ev of ['end', 'close'] as const) process.stdin.on(ev, () => process.exit(guard.shutDown ? 0 : 1));
  warn = (message) => connection.console.warn(message);
  // stdout carries the protocol: anything printed with console.* goes to the client's log instead.
  console.log = console.info = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  startServer(connection);
} else if (process.argv.includes('--node-ipc')) {
  const writer = new IPCMessageWriter(process);
  startServer(createConnection(ProposedFeatures.all, new ShutdownGuard(new IPCMessageReader(process), writer), writer));
} else {
  startServer();
}
