// The custom request `carbonlint/report`: the production-readiness report of a workspace folder, rendered by the
// engine (open documents' unsaved text included). The client shows the HTML in a webview.
import * as path from 'node:path';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from './uri';
import { workspaceReport } from '../../shared-rules/report/workspace';
import { renderHtml } from '../../shared-rules/report/render-html';
import { renderMarkdown } from '../../shared-rules/report/render-md';
import { renderJson } from '../../shared-rules/report/render-json';
import type { ReportCounts } from '../../shared-rules/report/model';
import { version } from '../../package.json';

export const REPORT_REQUEST = 'carbonlint/report';

export interface ReportParams {
  /** The workspace folder's URI. */
  folder: string;
  format?: 'html' | 'md' | 'json';
  /** A command the links invoke with [absolutePath, line] (webviews cannot open file: links); else relative links. */
  openCommand?: string;
}

export interface ReportResult {
  text: string;
  counts: ReportCounts;
  configFile?: string;
  /** Unreadable paths and project-file problems, as text (the report is still built). */
  problems: string[];
}

export function registerReportRequest(connection: Connection, documents: TextDocuments<TextDocument>): void {
  connection.onRequest(REPORT_REQUEST, (params: ReportParams): ReportResult => {
    const root = URI.toPath(params.folder);
    const overrides = new Map(documents.all().filter((d) => URI.isFile(d.uri)).map((d) => [URI.toPath(d.uri), d.getText()] as const));
    const { report, errors, skipped, configFile } = workspaceReport(root, { toolVersion: version, overrides });
    const link = params.openCommand
      ? (file: string, line?: number) => `command:${params.openCommand}?${encodeURIComponent(JSON.stringify([path.join(root, file), line ?? 1]))}`
      : undefined;
    const format = params.format ?? 'html';
    const text = format === 'json' ? renderJson(report) : format === 'md' ? renderMarkdown(report, link) : renderHtml(report, link);
    return {
      text,
      counts: report.counts,
      ...(configFile ? { configFile } : {}),
      problems: [...[...errors, ...skipped].map((e) => `${e.path}: ${e.message}`), ...report.configErrors.map((e) => `${e.key || '(file)'}: ${e.message}`)],
    };
  });
}
