// The stdio message writer: each JSON-RPC message goes out as ONE write of header and body. vscode-jsonrpc's
// StreamMessageWriter writes the header and the body separately (two pipe writes, each waking the client, the
// second one only after the first one's callback): measured while typing, the header write alone was ~10% of the
// server's samples and the extra wake-up sat in every didChange → publishDiagnostics latency.
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

export class SingleWriteMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (e: Error) => this.fireError(e));
    stream.on('close', () => this.fireClose());
  }

  /** Frames are written in call order: stream.write keeps order, and nothing here waits before writing. */
  write(msg: Message): Promise<void> {
    let frame: Buffer;
    try {
      const body = JSON.stringify(msg);
      const length = Buffer.byteLength(body, 'utf8');
      const header = `Content-Length: ${length}\r\n\r\n`;
      frame = Buffer.allocUnsafe(header.length + length);
      frame.write(header, 0, 'ascii');
      frame.write(body, header.length, 'utf8');
    } catch (e) {
      this.fireError(e, msg);
      return Promise.reject(e);
    }
    return new Promise((resolve, reject) => {
      this.stream.write(frame, (e?: Error | null) => {
        if (!e) return resolve();
        this.errorCount++;
        this.fireError(e, msg, this.errorCount);
        reject(e);
      });
    });
  }

  end(): void {
    this.stream.end();
  }
}
