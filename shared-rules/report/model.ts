// The readiness report as data: what the renderers (Markdown, HTML, JSON) and the editor's webview show.
import type { FileKind, Severity } from '../engine/rule';
import type { ConfigError } from '../engine/project-config';
import type { Confirmation, ConfirmationState } from './confirmations';
import type { SectionId } from './sections';
import type { ProductAdvisories } from './advisories';

export type Status = 'passed' | 'failed' | 'not-applicable' | 'manual';

export interface FindingRef {
  /** Workspace-relative, forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  rule: string;
  severity: Severity;
  message: string;
}

/** What a rule examined: its description and the files it ran on. */
export interface Evidence {
  rule: string;
  title: string;
  what: string;
  files: string[];
}

export interface ManualCheck {
  advice: string;
  items: readonly string[];
  state: ConfirmationState;
  confirmation?: Confirmation;
  /** Why stale or partial. */
  reasons: string[];
}

export interface Entry {
  guidelineId: string;
  title: string;
  checkable: 'auto' | 'partial' | 'manual';
  status: Status;
  /** One or two sentences: why this status. */
  reason: string;
  findings: FindingRef[];
  /** Hint-level findings: shown, but they do not fail the guideline. */
  notes: FindingRef[];
  checked: Evidence[];
  manual?: ManualCheck;
}

export interface Section {
  id: SectionId;
  level: string;
  title: string;
  intro: string;
  /** False for a runtime this workspace does not contain (all its entries are not applicable). */
  present: boolean;
  entries: Entry[];
}

export interface DetectedProduct {
  product: string;
  name: string;
  /** The version most files of the product show. */
  version?: string;
  /** Every version found, most files first (a tree may hold several releases). Absent when none is known. */
  versions?: string[];
  /** Carbon 4.4 homes: "Carbon kernel 4.4.35" (or "… or later" from content hints). */
  kernel?: string;
  brand: string;
  files: number;
}

export interface ReportCounts {
  passed: number;
  failed: number;
  notApplicable: number;
  manual: number;
  /** The manual ones, by confirmation state. */
  confirmed: number;
  partial: number;
  stale: number;
  unconfirmed: number;
}

export interface ReadinessReport {
  title: string;
  generated: string;
  tool: { name: string; version: string };
  /** Display name of the checked folder. */
  root: string;
  products: DetectedProduct[];
  files: Array<{ path: string; kind: FileKind; product: string; skipped?: string }>;
  sections: Section[];
  /** All 42 guidelines with their overall status (worst over the sections that list them). */
  guidelines: Array<{ id: string; title: string; status: Status; confirmation?: ConfirmationState }>;
  counts: ReportCounts;
  staleAfterDays: number;
  /** Problems in the project file (the report is still built, without the bad entries). */
  configErrors: ConfigError[];
  /** Files and folders that were not checked — too large, binary, not a regular file, unreadable, outside — and why. */
  notChecked?: Array<{ path: string; reason: string }>;
  /** G01: the published security advisories per product release found (absent when advisories are off). */
  advisories?: ProductAdvisories[];
  /** Template placeholders over the checked templates: resolved from values files, protected (secret references), unknown. */
  placeholders?: { resolved: number; protected: number; unknown: number };
}
