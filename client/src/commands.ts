// The commands. Each one asks the server or shows what the server answered; no rule knowledge here.
import { commands, Uri, window, type ExtensionContext } from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { CancelScanNotification, FixAllCommand, RulesRequest, ScanWorkspaceRequest, type RuleSummary } from '../../server/src/protocol';

export function registerCommands(context: ExtensionContext, client: () => LanguageClient | undefined, ensure: () => Promise<LanguageClient>): void {
  const showRuleDoc = async (id: string) => {
    // The page shipped in the extension (docs/rules/<id>.md): opens offline, as a rendered preview.
    const uri = Uri.file(context.asAbsolutePath(`docs/rules/${id}.md`));
    try {
      await commands.executeCommand('markdown.showPreview', uri);
    } catch {
      await window.showTextDocument(uri);
    }
  };
  const on = (id: string, fn: (...args: never[]) => unknown) => context.subscriptions.push(commands.registerCommand(id, fn));

  on('carbonlint.fixAll', async () => {
    const editor = window.activeTextEditor;
    const c = client();
    if (!editor || !c) return;
    const r = (await c.sendRequest(ExecuteCommandRequest.type, { command: FixAllCommand, arguments: [editor.document.uri.toString()] })) as { applied?: boolean } | null;
    if (!r?.applied) window.setStatusBarMessage('CarbonLint: no safe fixes to apply in this file', 4000);
  });
  on('carbonlint.scanWorkspace', async () => (await ensure()).sendRequest(ScanWorkspaceRequest));
  on('carbonlint.cancelScan', () => client()?.sendNotification(CancelScanNotification));
  on('carbonlint.showOutput', () => client()?.outputChannel.show(true));
  on('carbonlint.restartServer', () => client()?.restart());
  on('carbonlint.showRuleDoc', (id: string) => showRuleDoc(id));
  on('carbonlint.showRules', async () => {
    const c = await ensure();
    const rules = await c.sendRequest<RuleSummary[]>(RulesRequest);
    const pick = await window.showQuickPick(
      rules.map((r) => ({ label: r.id, description: `${r.severity} · ${r.kind}`, detail: `${r.guidelineId} ${r.guideline} — ${r.title}`, id: r.id })),
      { title: 'CarbonLint rules', placeHolder: 'Pick a rule to read its documentation', matchOnDescription: true, matchOnDetail: true },
    );
    if (pick) await showRuleDoc(pick.id);
  });
}
