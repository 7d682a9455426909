// Guards the stdio transport's framing. vscode-jsonrpc's reader reports a header block without a usable
// Content-Length as an error and then reads every later byte out of step, so one bad frame leaves a live but
// deaf server. This stream sits in front of it: good frames pass through byte for byte; a bad header block is
// dropped, and reading resumes at the next "Content-Length:" line, so the server keeps serving.
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /^content-length:[ \t]*(\d+)[ \t]*$/im;
/** A header block longer than this is not a header block (keeps garbage without CRLFCRLF from growing the buffer). */
const MAX_HEADER_BYTES = 8192;

export class FrameGuard extends Transform {
  private buffer: Buffer = Buffer.alloc(0);
  /** Body bytes still to pass through unexamined; -1 while reading a header block. */
  private remaining = -1;
  /** Called with a one-line description of each dropped block (never its bytes: they may hold a secret). */
  constructor(private readonly onDropped: (why: string) => void = () => undefined) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      if (this.remaining >= 0) {
        const n = Math.min(this.remaining, this.buffer.length);
        if (n > 0) this.push(this.buffer.subarray(0, n));
        this.buffer = this.buffer.subarray(n);
        this.remaining -= n;
        if (this.remaining > 0 || this.buffer.length === 0) break;
        this.remaining = -1;
      }
      const end = this.buffer.indexOf(HEADER_END);
      if (end < 0) {
        if (this.buffer.length > MAX_HEADER_BYTES) this.resync('a header block without an end');
        break;
      }
      const header = this.buffer.subarray(0, end).toString('latin1');
      const length = CONTENT_LENGTH.exec(header);
      if (!length || !Number.isSafeInteger(Number(length[1]))) {
        this.resync('a header block without a valid Content-Length');
        continue;
      }
      this.push(this.buffer.subarray(0, end + HEADER_END.length));
      this.buffer = this.buffer.subarray(end + HEADER_END.length);
      this.remaining = Number(length[1]);
    }
    done();
  }

  /**
   * Drops the bad block up to the next "Content-Length:" (wherever it is: a body sent without a length runs straight
   * into the next frame's header). Always drops at least one byte, so the loop makes progress.
   */
  private resync(why: string): void {
    const text = this.buffer.toString('latin1');
    const next = /content-length:/gi;
    next.lastIndex = 1;
    const found = next.exec(text);
    // Without one, keep a tail that may be the start of a "Content-Length:" split across chunks.
    this.buffer = Buffer.from(this.buffer.subarray(found ? found.index : Math.max(1, this.buffer.length - 15)));
    this.onDropped(why);
  }
}
