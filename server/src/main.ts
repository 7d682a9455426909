// Entry point of the bundled server (dist/server.js): `--stdio` or `--node-ipc`, chosen by the transport flags.
import { startServer } from './server';

startServer();
