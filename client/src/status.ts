// The language status items for recognised files: findings in the file (→ output channel) and the product and
// version detected (→ rule list). The server computes everything (carbonlint/fileStatus); this only displays it.
import { LanguageStatusSeverity, languages, window, workspace, type DocumentSelector, type Disposable, type LanguageStatusItem } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FileStatusRequest, ScanStateNotification, type FileStatus, type ScanState } from '../../server/src/protocol';

export class StatusItems implements Disposable {
  private readonly findings: LanguageStatusItem;
  private readonly product: LanguageStatusItem;
  private scan: ScanState | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: Disposable[] = [];

  constructor(private readonly client: LanguageClient, selector: DocumentSelector) {
    this.findings = languages.createLanguageStatusItem('carbonlint.findings', selector);
    this.findings.name = 'CarbonLint';
    this.findings.command = { title: 'Show output', command: 'carbonlint.showOutput' };
    this.product = languages.createLanguageStatusItem('carbonlint.product', selector);
    this.product.name = 'CarbonLint product';
    this.product.command = { title: 'Rules', command: 'carbonlint.showRules' };
    this.subscriptions.push(
      window.onDidChangeActiveTextEditor(() => this.refresh()),
      languages.onDidChangeDiagnostics((e) => {
        const active = window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.refresh();
      }),
      client.onNotification(ScanStateNotification, (s: ScanState) => {
        this.scan = s;
        this.refresh();
      }),
    );
    this.refresh();
  }

  /** Debounced: diagnostics arrive in bursts during a scan. */
  refresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), 150);
  }

  private async update(): Promise<void> {
    const doc = window.activeTextEditor?.document;
    if (!doc || !this.client.isRunning()) return;
    let s: FileStatus;
    try {
      s = await this.client.sendRequest(FileStatusRequest, { uri: doc.uri.toString() });
    } catch {
      return; // restarting: the next event refreshes
    }
    const scanning = this.scan?.state === 'scanning';
    const total = s.counts.error + s.counts.warning + s.counts.info + s.counts.hint;
    this.findings.busy = scanning;
    this.findings.severity = s.counts.error ? LanguageStatusSeverity.Error : s.counts.warning ? LanguageStatusSeverity.Warning : LanguageStatusSeverity.Information;
    this.findings.text = !s.recognised ? 'CarbonLint: not a checked file'
      : s.notChecked ? '$(circle-slash) CarbonLint: not checked'
        : total ? `$(shield) CarbonLint: ${total} finding${total === 1 ? '' : 's'}` : '$(shield) CarbonLint: no findings';
    const parts = [
      s.notChecked,
      total ? Object.entries(s.counts).filter(([, n]) => n).map(([k, n]) => `${n} ${k}`).join(', ') : undefined,
      s.suppressed ? `${s.suppressed} suppressed` : undefined,
      s.projectFile ? `settings from ${workspace.asRelativePath(s.projectFile)}` : undefined,
      scanning ? `scanning the workspace: ${this.scan!.checked}/${this.scan!.files || '…'} files` : undefined,
    ];
    this.findings.detail = parts.filter(Boolean).join(' · ');
    this.product.text = s.product ? s.product.label : 'Product not detected';
    this.product.detail = s.product ? `from the ${s.product.source}${s.product.distribution ? ` · ${s.product.distribution}` : ''}` : 'set carbonlint.product to name it';
    // The home's release and update level (what the G01 advisories are matched against), with their sources.
    if (s.release) {
      this.product.text = s.release.label;
      this.product.detail = s.release.detail;
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.findings.dispose();
    this.product.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
