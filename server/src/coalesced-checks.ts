// Re-checks of files that are not open (templates whose values file is being typed in), coalesced: a keystroke in
// values.yaml used to start one full lint of every template that reads it — a Helm template costs 10–50 ms — and
// keystrokes faster than that piled them up, and each one held the event loop while the values file itself waited.
// Now the checks start once the requests pause for `delayMs` (but no later than `maxWaitMs` after the first one:
// steady typing still updates them), a file is checked at most once at a time, and requests made while it is
// being checked give one more check after it (so the last one always sees the latest text).
export class CoalescedChecks {
  private readonly queued = new Set<string>();
  private readonly running = new Set<string>();
  private readonly again = new Set<string>();
  private timer?: NodeJS.Timeout;
  private firstAt?: number;

  constructor(private readonly check: (file: string) => Promise<void>, private readonly delayMs = 0, private readonly maxWaitMs = 500) {}

  request(file: string): void {
    if (this.running.has(file)) {
      this.again.add(file);
      return;
    }
    this.queued.add(file);
    const now = Date.now();
    this.firstAt ??= now;
    clearTimeout(this.timer);
    // Never before the current turn ends: the open documents' own lints (scheduled with setImmediate) go first.
    this.timer = setTimeout(() => void this.flush(), Math.max(0, Math.min(this.delayMs, this.firstAt + this.maxWaitMs - now)));
  }

  /** Drops what is waiting (shutdown); a check already running finishes, without a further one. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.firstAt = undefined;
    this.queued.clear();
    this.again.clear();
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    this.firstAt = undefined;
    const files = [...this.queued];
    this.queued.clear();
    for (const file of files) {
      if (this.running.has(file)) {
        this.again.add(file);
        continue;
      }
      this.running.add(file);
      try {
        await this.check(file);
      } catch {
        // checkFile reports its own failures; one file must not stop the others.
      } finally {
        this.running.delete(file);
        if (this.again.delete(file)) this.request(file);
      }
    }
  }
}
