// A one-line progress indicator on stderr for long scans — only when stderr is a terminal, never in a pipe or log.
export class Progress {
  private readonly start = Date.now();
  private last = 0;
  private shown = false;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr, private readonly enabled = !!process.stderr.isTTY) {}

  /** Called per file; draws at most every 100 ms, and only once the scan has taken more than 400 ms. */
  update(done: number, total: number, label = 'checking'): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.start < 400 || now - this.last < 100) return;
    this.last = now;
    this.shown = true;
    this.stream.write(`\r\u001b[Kcarbonlint: ${label} ${done}/${total} files`);
  }

  done(): void {
    if (this.shown) this.stream.write('\r\u001b[K');
    this.shown = false;
  }
}
