// "CarbonLint: Show Production Readiness Report": the server's HTML report in a webview, refreshed (debounced)
// when a checked file or .carbonlint.json changes on disk or in an editor.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const SHOW_REPORT_COMMAND = 'carbonlint.showReport';
// Internal: the report's links call it with [absolutePath, line] (webviews cannot open file: links).
const OPEN_LOCATION_COMMAND = 'carbonlint.openReportLocation';
const REPORT_REQUEST = 'carbonlint/report';
const WATCHED = '**/{*.toml,*.properties,context.xml,*.sh,.carbonlint.json}';
const RELEVANT = /(\.toml|\.properties|context\.xml|\.sh|\.carbonlint\.json)$/;

export function registerReportView(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  let panel: vscode.WebviewPanel | undefined;
  let folder: vscode.WorkspaceFolder | undefined;
  let timer: NodeJS.Timeout | undefined;

  const refresh = async () => {
    const c = client();
    if (!panel || !folder || !c) return;
    try {
      const r = await c.sendRequest<{ text: string; problems: string[] }>(REPORT_REQUEST, { folder: folder.uri.toString(), format: 'html', openCommand: OPEN_LOCATION_COMMAND });
      if (panel) panel.webview.html = r.text;
      if (r.problems.length) void vscode.window.showWarningMessage(`CarbonLint report: ${r.problems.slice(0, 3).join('; ')}`);
    } catch (e) {
      void vscode.window.showErrorMessage(`CarbonLint report failed: ${(e as Error).message}`);
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 500);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_LOCATION_COMMAND, async (file: string, line = 1) => {
      const pos = new vscode.Position(Math.max(0, line - 1), 0);
      await vscode.window.showTextDocument(vscode.Uri.file(file), { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(pos, pos) });
    }),
    vscode.commands.registerCommand(SHOW_REPORT_COMMAND, async () => {
      const folders = vscode.workspace.workspaceFolders ?? [];
      const picked = folders.length > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Report on which folder?' }) : folders[0];
      if (!picked) {
        void vscode.window.showInformationMessage('CarbonLint: open a folder to report on.');
        return;
      }
      // The watchers belong to one folder: another folder gets a fresh panel.
      if (panel && folder && folder.uri.toString() !== picked.uri.toString()) panel.dispose();
      folder = picked;
      if (!panel) {
        panel = vscode.window.createWebviewPanel('carbonlint.report', 'Readiness report', vscode.ViewColumn.Beside, {
          enableScripts: false,
          enableCommandUris: [OPEN_LOCATION_COMMAND],
          retainContextWhenHidden: false,
        });
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(picked, WATCHED));
        const subs = [
          watcher,
          watcher.onDidChange(schedule), watcher.onDidCreate(schedule), watcher.onDidDelete(schedule),
          vscode.workspace.onDidChangeTextDocument((e) => RELEVANT.test(e.document.fileName) && schedule()),
        ];
        panel.onDidDispose(() => {
          for (const s of subs) s.dispose();
          if (timer) clearTimeout(timer);
          panel = undefined;
        });
      }
      panel.title = `Readiness report: ${picked.name}`;
      panel.reveal(vscode.ViewColumn.Beside);
      await refresh();
    }),
  );
}
