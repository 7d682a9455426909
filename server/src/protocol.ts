// The custom requests and notifications between the CarbonLint client and server (all optional for other
// editors: the server works with any LSP client; these only feed VS Code's status item and commands).

/** Request: what the status item shows for one document. */
export const FileStatusRequest = 'carbonlint/fileStatus';
export interface FileStatusParams {
  uri: string;
}
export interface FileStatus {
  /** CarbonLint checks this kind of file. */
  recognised: boolean;
  kind?: string;
  /** e.g. "WSO2 API Manager 4.2.0", and how it was found (setting, path, content, layout). */
  product?: { label: string; source: string; distribution?: string };
  /** The product home's release and update level (G01 advisories), each with the file that says it. */
  release?: { label: string; detail: string };
  counts: { error: number; warning: number; info: number; hint: number };
  /** Findings hidden by carbonlint-disable comments. */
  suppressed: number;
  /** Why a recognised file is not checked (disabled, excluded, too large). */
  notChecked?: string;
  /** The .carbonlint.json in force, if any (a path). */
  projectFile?: string;
}

/** Request: every rule, for the "Show rules" picker. */
export const RulesRequest = 'carbonlint/rules';
export interface RuleSummary {
  id: string;
  title: string;
  guidelineId: string;
  guideline: string;
  severity: string;
  kind: string;
  fixSafety: string;
}

/** Request: scan every workspace folder again now. */
export const ScanWorkspaceRequest = 'carbonlint/scanWorkspace';
/** Notification (client → server): stop the running workspace scan. */
export const CancelScanNotification = 'carbonlint/cancelScan';
/** Notification (server → client): the workspace scan started, progressed or ended. */
export const ScanStateNotification = 'carbonlint/scanState';
export interface ScanState {
  state: 'scanning' | 'done' | 'cancelled' | 'off';
  files: number;
  checked: number;
  findings: number;
}

/** workspace/executeCommand: apply every safe fix in a document (arguments: [uri]). */
export const FixAllCommand = 'carbonlint.server.fixAll';
