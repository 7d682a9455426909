// The LSP after `shutdown`: every later request gets an InvalidRequest error and other notifications are
// dropped; only `exit` still reaches the server (and ends the process). vscode-languageserver serves requests
// after shutdown as before, so this sits between the transport's reader and the connection.
import { ErrorCodes, type DataCallback, type Disposable, type Message, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';

interface Incoming {
  id?: number | string | null;
  method?: string;
}

export class ShutdownGuard implements MessageReader {
  /** A `shutdown` request has been received. */
  shutDown = false;

  constructor(private readonly reader: MessageReader, private readonly writer: MessageWriter) {}

  get onError() {
    return this.reader.onError;
  }
  get onClose() {
    return this.reader.onClose;
  }
  get onPartialMessage() {
    return this.reader.onPartialMessage;
  }

  listen(callback: DataCallback): Disposable {
    return this.reader.listen((message: Message) => {
      const m = message as Incoming;
      if (typeof m.method === 'string') {
        const isRequest = m.id !== undefined && m.id !== null;
        if (this.shutDown) {
          if (isRequest) {
            void this.writer.write({
              jsonrpc: '2.0', id: m.id, error: { code: ErrorCodes.InvalidRequest, message: `The server is shut down: "${m.method.slice(0, 100)}" is not served; only "exit" is accepted.` },
            } as Message);
            return;
          }
          if (m.method !== 'exit') return;
        } else if (isRequest && m.method === 'shutdown') this.shutDown = true;
      }
      callback(message);
    });
  }

  dispose(): void {
    this.reader.dispose();
  }
}
