// What a user does in the VS Code workbench, as page operations: open a file, read squiggles, open the Problems
// panel, run a quick fix, hover. Selectors are the ones verified on code-server 4.100.3 (VS Code 1.100.3).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sleep, waitFor, type Locator, type Page } from './harness';

const EDITOR = '.part.editor .editor-group-container.active .monaco-editor';
const SQUIGGLE = { error: '.squiggly-error', warning: '.squiggly-warning', info: '.squiggly-info' } as const;

export interface Squiggles { error: number; warning: number; info: number; total: number }

export class Workbench {
  constructor(readonly page: Page, readonly ws: string, readonly artifacts: string) {}

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(this.artifacts, { recursive: true });
    const file = path.join(this.artifacts, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** A one-line account of what is on screen, for failure messages. */
  async describe(): Promise<string> {
    const parts: string[] = [];
    const tab = await this.activePath().catch(() => '');
    parts.push(`active editor: ${tab || '(none)'}`);
    const s = await this.squiggles().catch(() => undefined);
    if (s) parts.push(`squiggles: ${s.error} error, ${s.warning} warning, ${s.info} info`);
    const toasts = await this.page.locator('.notifications-toasts .notification-list-item').allInnerTexts().catch(() => []);
    if (toasts.length) parts.push(`notifications: ${toasts.map((t) => t.replace(/\s+/g, ' ').slice(0, 160)).join(' | ')}`);
    return parts.join('; ');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url, { timeout: 60_000, waitUntil: 'domcontentloaded' });
    await waitFor('the workbench with the Explorer showing the workspace', async () =>
      (await this.page.locator('.monaco-workbench .explorer-folders-view .monaco-list-row').count()) > 0, { ms: 60_000 });
  }

  async tabLabels(): Promise<string[]> {
    return this.page.locator('.part.editor .tabs-container .tab').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('aria-label') ?? ''));
  }

  /** Marks the page; `reloaded()` is true once the page was loaded again (the mark is gone). */
  async markPage(): Promise<void> {
    await this.page.evaluate('window.__carbonlintE2eMark = 1');
  }

  async reloaded(): Promise<boolean> {
    return (await this.page.evaluate<number | undefined>('window.__carbonlintE2eMark')) !== 1;
  }

  async activeTab(): Promise<string> {
    const tab = this.page.locator('.part.editor .editor-group-container.active .tab.active').first();
    if (!(await tab.count())) return '';
    return ((await tab.getAttribute('aria-label', { timeout: 1000 })) ?? (await tab.innerText({ timeout: 1000 }))).trim();
  }

  /** Text of the visible lines of the active editor (VS Code renders spaces as U+00A0). */
  async editorText(): Promise<string> {
    const lines = this.page.locator(`${EDITOR} .view-lines`).first();
    if (!(await lines.count())) return '';
    return (await lines.innerText({ timeout: 2000 })).replace(/\u00a0/g, ' ');
  }

  /** The rows of the Quick Open list, read in one go in the page (the list re-renders as results arrive). */
  private async quickOpenRows(): Promise<Array<{ index: string; label: string; description: string }>> {
    return this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').evaluateAll((rows) => rows.map((r) => ({
      index: r.getAttribute('data-index') ?? '',
      label: (r.querySelector('.label-name')?.textContent ?? '').trim(),
      description: (r.querySelector('.label-description')?.textContent ?? '').trim(),
    })));
  }

  /** The workspace-relative path of the active editor, from its breadcrumbs ("repository › conf › deployment.toml"). */
  async activePath(): Promise<string> {
    const items = await this.page.locator('.part.editor .editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item').allInnerTexts();
    return items.map((i) => i.trim()).join('/');
  }

  /**
   * Opens a workspace file with Quick Open (Ctrl+P): types its path, clicks the row whose name and folder match once
   * the list has settled (it re-renders as results arrive), and waits until the breadcrumbs name exactly that file
   * and the editor shows `expectText`. Retried as a whole.
   */
  async openFile(rel: string, expectText: string): Promise<void> {
    const base = path.posix.basename(rel);
    const dir = path.posix.dirname(rel);
    const showing = async () => {
      const p = await this.activePath();
      return (p === rel || p.startsWith(`${rel}/`)) && (await this.editorText()).includes(expectText);
    };
    await waitFor(`opening ${rel} with Quick Open (Ctrl+P)`, async () => {
      if (await showing()) return true;
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('Control+P');
      await this.page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', timeout: 5000 });
      await this.page.keyboard.insertText(rel);
      let previous = '';
      const row = await waitFor(`Quick Open listing ${rel}`, async () => {
        const rows = await this.quickOpenRows();
        const now = JSON.stringify(rows);
        const settled = now === previous;
        previous = now;
        return settled ? rows.find((r) => r.label === base && (dir === '.' ? r.description === '' : r.description === dir)) : undefined;
      }, { ms: 10_000, every: 300, last: async () => JSON.stringify(await this.quickOpenRows()) });
      await this.page.locator(`.quick-input-widget .quick-input-list .monaco-list-row[data-index="${row.index}"]`).click({ timeout: 2000 });
      return waitFor(`the editor showing ${rel}`, showing, { ms: 5000 }).catch(() => false);
    }, { ms: 30_000, every: 500, last: async () => `${await this.describe()}; quick open rows: ${JSON.stringify(await this.quickOpenRows().catch(() => []))}` });
  }

  async squiggles(): Promise<Squiggles> {
    const count = (sel: string) => this.page.locator(`${EDITOR} ${sel}`).count();
    const [error, warning, info] = await Promise.all([count(SQUIGGLE.error), count(SQUIGGLE.warning), count(SQUIGGLE.info)]);
    return { error, warning, info, total: error + warning + info };
  }

  /** Squiggles per (1-based) line of the active editor: overlay rows and line numbers share their `top`. */
  async squigglesByLine(): Promise<Map<number, Squiggles>> {
    const tops = (sel: string) => this.page.locator(`${EDITOR} ${sel} > div`).evaluateAll((rows) => rows.map((r) => ({
      top: /top:\s*(-?\d+)px/.exec(r.getAttribute('style') ?? '')?.[1] ?? '',
      text: (r.textContent ?? '').trim(),
      classes: r.innerHTML,
    })));
    const [numbers, overlays] = await Promise.all([tops('.margin-view-overlays'), tops('.view-overlays')]);
    const lineAt = new Map(numbers.filter((n) => /^\d+$/.test(n.text)).map((n) => [n.top, Number(n.text)]));
    const out = new Map<number, Squiggles>();
    for (const o of overlays) {
      const line = lineAt.get(o.top);
      if (line === undefined) continue;
      const n = (kind: string) => o.classes.split(`squiggly-${kind}`).length - 1;
      const s = { error: n('error'), warning: n('warning'), info: n('info'), total: 0 };
      s.total = s.error + s.warning + s.info;
      out.set(line, s);
    }
    return out;
  }

  async waitForLine(what: string, line: number, pred: (s: Squiggles) => boolean, ms = 30_000): Promise<Squiggles> {
    const none = { error: 0, warning: 0, info: 0, total: 0 };
    return waitFor(what, async () => {
      const s = (await this.squigglesByLine()).get(line) ?? none;
      return pred(s) ? s : undefined;
    }, { ms, last: async () => `${await this.describe()}; line ${line}: ${JSON.stringify((await this.squigglesByLine()).get(line) ?? none)}` });
  }

  async waitForSquiggles(what: string, pred: (s: Squiggles) => boolean, ms = 30_000): Promise<Squiggles> {
    return waitFor(what, async () => {
      const s = await this.squiggles();
      return pred(s) ? s : undefined;
    }, { ms, last: () => this.describe() });
  }

  /** Runs a command from the Command Palette (F1) by its exact title. */
  async command(title: string): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('F1');
    await this.page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.keyboard.insertText(title);
    const row = await waitFor(`the command "${title}" in the Command Palette`, async () =>
      (await this.quickOpenRows()).find((r) => r.label === title), { ms: 10_000, last: async () => JSON.stringify(await this.quickOpenRows()) });
    await this.page.locator(`.quick-input-widget .quick-input-list .monaco-list-row[data-index="${row.index}"]`).click({ timeout: 2000 });
  }

  /**
   * Replaces the user settings.json through the workbench (Preferences: Open User Settings (JSON), select all, type,
   * Ctrl+S), as a user edits it while VS Code runs, and waits until the file on disk holds exactly `settings`.
   * (code-server does not watch User/settings.json for changes made behind its back, so writing the file from the
   * test would not reach the workbench; auto-closing is off for jsonc in BASE_SETTINGS so typing is literal.)
   */
  async editUserSettings(settingsFile: string, settings: Record<string, unknown>): Promise<void> {
    await this.command('Preferences: Open User Settings (JSON)');
    await waitFor('the user settings.json in the editor', async () => (await this.activeTab()).startsWith('settings.json') && (await this.activePath()).includes('User/settings.json'),
      { ms: 10_000, last: () => this.describe() });
    await this.page.locator(`${EDITOR} .view-lines`).first().click({ timeout: 5000 }); // the editor, not the palette, has the focus
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Delete');
    await waitFor('settings.json emptied in the editor', async () => (await this.editorText()).trim() === '', { ms: 5000, last: () => this.editorText() });
    await this.page.keyboard.insertText(JSON.stringify(settings));
    await this.page.keyboard.press('Control+S');
    const want = JSON.stringify(settings);
    await waitFor(`${settingsFile} saved with the new settings`, () => {
      try {
        return JSON.stringify(JSON.parse(fs.readFileSync(settingsFile, 'utf8'))) === want;
      } catch {
        return false;
      }
    }, { ms: 10_000, last: () => fs.readFileSync(settingsFile, 'utf8') });
  }

  /** Gives the active editor the keyboard focus (after the Problems panel or a palette had it). */
  async focusEditor(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.locator(`${EDITOR} .view-lines`).first().click({ timeout: 5000 });
  }

  /** Moves the cursor with Go to Line/Column (Ctrl+G, "line:column", 1-based). */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+G');
    await this.page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.keyboard.insertText(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await waitFor(`the cursor at ${line}:${column}`, async () => {
      const status = await this.page.locator('.statusbar-item[id="status.editor.selection"]').first().innerText().catch(() => '');
      return status.includes(`Ln ${line}, Col ${column}`);
    }, { ms: 5000, last: async () => `status bar: ${await this.page.locator('.statusbar-item[id="status.editor.selection"]').first().innerText().catch(() => '?')}` });
  }

  /**
   * Rows of the Problems panel (opened with Ctrl+Shift+M if it is not showing), after typing `filter` into its filter
   * box (a glob such as `**\/staging/**` keeps one file, text keeps matching findings). The list is virtual: only
   * the rows on screen exist, so filter rather than scroll.
   */
  async problems(filter = ''): Promise<string[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.count()) || !(await panel.first().isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
      await panel.first().waitFor({ state: 'visible', timeout: 10_000 });
    }
    const input = this.page.locator('.markers-panel-action-filter input, .panel .viewpane-filter input').first();
    const current = await input.evaluateAll((els) => els.map((e) => e.value ?? ''));
    if ((current[0] ?? '') !== filter) {
      await input.click({ timeout: 5000 });
      await this.page.keyboard.press('Control+A');
      await this.page.keyboard.press('Delete');
      if (filter) await this.page.keyboard.insertText(filter);
      await sleep(700); // the filter is debounced
    }
    return (await this.page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** Opens the quick fix menu (Ctrl+.) and returns its rows. */
  async quickFixMenu(): Promise<Locator> {
    const rows = this.page.locator('.action-widget .monaco-list-row');
    // VS Code sometimes answers a Ctrl+. that races its own code-action refresh with "No code actions available";
    // asking again (bounded) is what a user does. Whether OUR fix is offered is still asserted by the caller.
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Control+.');
      await waitFor('the quick fix menu (Ctrl+.)', async () => (await rows.count()) > 0 && (await rows.first().isVisible()), { ms: 15_000, last: () => this.describe() });
      const texts = await rows.allInnerTexts();
      if (attempt >= 3 || !texts.some((t) => /No code actions available/i.test(t))) return rows;
      await this.page.keyboard.press('Escape');
      await sleep(1000);
    }
  }

  /**
   * Chooses the quick fix whose title starts with `title`: moves the focus there with the arrow keys and presses
   * Enter (a mouse click is intercepted by .context-view-pointerBlock).
   */
  async applyQuickFix(title: string): Promise<string[]> {
    const rows = await this.quickFixMenu();
    const titles = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    if (!titles.some((t) => t.startsWith(title))) {
      await this.page.keyboard.press('Escape');
      throw new Error(`the quick fix menu does not offer "${title}…"; it shows: ${JSON.stringify(titles)}`);
    }
    for (let i = 0; i <= titles.length + 2; i++) {
      const focused = (await this.page.locator('.action-widget .monaco-list-row.focused').first().innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
      if (focused.startsWith(title)) {
        await this.page.keyboard.press('Enter');
        return titles;
      }
      await this.page.keyboard.press('ArrowDown');
      await sleep(100);
    }
    await this.page.keyboard.press('Escape');
    throw new Error(`could not focus the quick fix "${title}…" with the arrow keys; menu: ${JSON.stringify(titles)}`);
  }

  /** Hovers the mouse over the squiggle of `kind` on `line` (1-based) and returns the hover's text once it matches `expect`. */
  async hoverSquiggle(kind: keyof typeof SQUIGGLE, line: number, expect: RegExp): Promise<string> {
    const numbers = await this.page.locator(`${EDITOR} .margin-view-overlays > div`).evaluateAll((rows) => rows.map((r) => ({
      top: /top:\s*(-?\d+)px/.exec(r.getAttribute('style') ?? '')?.[1] ?? '', text: (r.textContent ?? '').trim(),
    })));
    const top = numbers.find((n) => n.text === String(line))?.top;
    if (top === undefined) throw new Error(`line ${line} is not on screen`);
    const target = this.page.locator(`${EDITOR} .view-overlays > div[style*="top:${top}px"] ${SQUIGGLE[kind]}`).first();
    const box = await target.boundingBox({ timeout: 5000 });
    if (!box) throw new Error(`no ${kind} squiggle on line ${line} to hover`);
    const hover = this.page.locator('.monaco-hover:not(.hidden)');
    return waitFor(`a hover matching ${expect} over the ${kind} squiggle on line ${line}`, async () => {
      // Leave and re-enter: the hover opens after editor.hover.delay on a fresh mouse move.
      await this.page.mouse.move(box.x + box.width / 2, box.y - 40);
      await this.page.mouse.move(box.x + Math.min(box.width / 2, 20), box.y + box.height / 2, { steps: 3 });
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline) {
        const texts = await hover.allInnerTexts();
        const text = texts.join('\n');
        if (expect.test(text)) return text;
        await sleep(200);
      }
      return undefined;
    }, { ms: 30_000, every: 100, last: async () => `hover: ${JSON.stringify((await hover.allInnerTexts()).map((t) => t.slice(0, 200)))}` });
  }
}
