// Re-checks of files that are not open (templates whose values file is being typed in), coalesced: a keystroke in
// values.yaml used to start one full lint of every template that reads it — a Helm template costs 10–50 ms — and
// keystrokes faster than that piled them up. Now a file is checked at most once at a time, and requests made while
// it is being checked give one more check after it (so the last one always sees the latest text).
export class CoalescedChecks {
  private readonly queued = new Set<string>();
  private readonly running = new Set<string>();
  private readonly again = new Set<string>();
  private scheduled = false;

  constructor(private readonly check: (file: string) => Promise<void>) {}

  request(file: string): void {
    if (this.running.has(file)) {
      this.again.add(file);
      return;
    }
    this.queued.add(file);
    if (this.scheduled) return;
    this.scheduled = true;
    // After the current turn: the open documents' own lints (scheduled the same way, earlier) go first.
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
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
