// The stdio message writer: each JSON-RPC message goes out as ONE write of header and body. vscode-jsonrpc's
// StreamMessageWriter writes the header and the body separately (two pipe writes, each waking the client, the
// second one only after the first one's callback): measured while typing, the header write alone was ~10% of the
// server's samples and the extra wake-up sat in every didChange → publishDiagnostics latency.
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';
import { publishFrame } from './diagnostics-json';

const header = (bodyBytes: number) => `Content-Length: ${bodyBytes}\r\n\r\n`;

function jsonFrame(msg: Message): Buffer {
  const body = JSON.stringify(msg);
  const length = Buffer.byteLength(body, 'utf8');
  const head = header(length);
  const frame = Buffer.allocUnsafe(head.length + length);
  frame.write(head, 0, 'ascii');
  frame.write(body, head.length, 'utf8');
  return frame;
}

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
      // An open document's diagnostics: from the bytes kept since its previous publication (diagnostics-json.ts).
      frame = publishFrame(msg, header) ?? jsonFrame(msg);
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
