// The TOML TextMate grammar the extension contributes (syntaxes/), tokenized by VS Code's own engine
// (vscode-textmate + vscode-oniguruma) on a deployment.toml sample: tables, keys, every value kind, comments,
// Carbon placeholders and template text; and the placeholder injection on its own, as it works alongside
// another extension's TOML grammar. (Kept with the editor-facing tests.)
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type StateStack } from 'vscode-textmate';
import { OnigScanner, OnigString, loadWASM } from 'vscode-oniguruma';

const ROOT = path.resolve(__dirname, '../..');
const FILES: Record<string, string> = {
  'source.toml': 'syntaxes/toml.tmLanguage.json',
  'source.toml.carbon-placeholders': 'syntaxes/carbon-placeholders.tmLanguage.json',
};

let registry: Registry;
before(async () => {
  await loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
  registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new OnigScanner(p), createOnigString: (s: string) => new OnigString(s) }),
    loadGrammar: async (scope) => (FILES[scope] ? parseRawGrammar(fs.readFileSync(path.join(ROOT, FILES[scope]), 'utf8'), FILES[scope]) : null),
    // As VS Code does for an injectTo contribution.
    getInjections: (scope) => (scope === 'source.toml' ? ['source.toml.carbon-placeholders'] : undefined),
  });
});

interface Tok {
  text: string;
  scopes: string[];
}

function tokenize(grammar: IGrammar, text: string): Tok[][] {
  let state: StateStack = INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The scopes of the token on `line` whose text is exactly `text`. */
function scopesOf(lines: Tok[][], line: number, text: string): string[] {
  const tok = lines[line].find((t) => t.text === text);
  assert.ok(tok, `token ${JSON.stringify(text)} on line ${line}: ${JSON.stringify(lines[line].map((t) => t.text))}`);
  return tok.scopes;
}

const has = (scopes: string[], ...want: string[]) => {
  for (const w of want) assert.ok(scopes.some((s) => s === w || s.startsWith(w + '.')), `${w} in ${scopes.join(' ')}`);
};

const SAMPLE = [
  '# Carbon deployment', //                                                 0
  '[server]', //                                                            1
  'hostname = "am.example.com"', //                                         2
  '[super_admin]', //                                                       3
  'password = "$secret{admin_password}"', //                                4
  '[[apim.gateway.environment]]', //                                        5
  '"quoted key".sub-key = \'C:\\path\'', //                                 6
  'port = 9443', //                                                         7
  'ratio = -1.5e3', //                                                      8
  'enabled = true', //                                                      9
  'when = 1979-05-27T07:32:00Z', //                                         10
  'ciphers = [', //                                                         11
  '  "TLS_AES_256_GCM_SHA384", # strong', //                               12
  ']', //                                                                   13
  'point = { x = 1, y = "$env{PORT}" }', //                                 14
  'home = """$sys{carbon.home}', //                                         15
  'still \\"a\\" string"""', //                                             16
  '{{- if .Values.wso2.apim.secureVaultEnabled }}', //                      17
  'url = "{{ .Values.db.url }}"', //                                        18
  'ref = "${admin.username}"', //                                           19
  'key = \'$ref{server.hostname}\'', //                                     20
].join('\n');

test('tables, keys, values and comments', async () => {
  const g = (await registry.loadGrammar('source.toml'))!;
  const t = tokenize(g, SAMPLE);
  has(scopesOf(t, 0, ' Carbon deployment'), 'comment.line.number-sign.toml');
  has(scopesOf(t, 0, '#'), 'punctuation.definition.comment.toml');
  has(scopesOf(t, 1, '['), 'meta.table.toml', 'punctuation.definition.table.begin.toml');
  has(scopesOf(t, 1, 'server'), 'entity.name.section.table.toml', 'support.type.property-name.toml');
  has(scopesOf(t, 2, 'hostname'), 'meta.key.toml', 'support.type.property-name.toml');
  has(scopesOf(t, 2, '='), 'punctuation.separator.key-value.toml');
  has(scopesOf(t, 2, 'am.example.com'), 'string.quoted.double.basic.line.toml');
  has(scopesOf(t, 5, '[['), 'meta.table.array.toml');
  has(scopesOf(t, 5, 'gateway'), 'entity.name.section.table.array.toml', 'support.type.property-name.toml');
  has(scopesOf(t, 5, '.'), 'punctuation.separator.dot.toml');
  has(scopesOf(t, 6, '"quoted key"'), 'support.type.property-name.toml', 'string.quoted.double.key.toml');
  has(scopesOf(t, 6, 'sub-key'), 'support.type.property-name.toml');
  has(scopesOf(t, 6, 'C:\\path'), 'string.quoted.single.literal.line.toml');
  has(scopesOf(t, 7, '9443'), 'constant.numeric.integer.toml');
  has(scopesOf(t, 8, '-1.5e3'), 'constant.numeric.float.toml');
  has(scopesOf(t, 9, 'true'), 'constant.language.boolean.toml');
  has(scopesOf(t, 10, '1979-05-27T07:32:00Z'), 'constant.other.datetime.toml');
  has(scopesOf(t, 12, 'TLS_AES_256_GCM_SHA384'), 'meta.array.toml', 'string.quoted.double.basic.line.toml');
  has(scopesOf(t, 12, ' strong'), 'meta.array.toml', 'comment.line.number-sign.toml');
  has(scopesOf(t, 13, ']'), 'punctuation.definition.array.end.toml');
  has(scopesOf(t, 14, 'x'), 'meta.inline-table.toml', 'support.type.property-name.toml');
  has(scopesOf(t, 14, '1'), 'meta.inline-table.toml', 'constant.numeric.integer.toml');
  has(scopesOf(t, 16, '\\"'), 'string.quoted.triple.basic.block.toml', 'constant.character.escape.toml');
});

test('Carbon placeholders and template text', async () => {
  const g = (await registry.loadGrammar('source.toml'))!;
  const t = tokenize(g, SAMPLE);
  has(scopesOf(t, 4, 'secret'), 'string.quoted.double.basic.line.toml', 'meta.embedded.placeholder.secret.toml', 'keyword.other.placeholder.secret.toml');
  has(scopesOf(t, 4, 'admin_password'), 'variable.other.placeholder.toml');
  has(scopesOf(t, 4, '{'), 'punctuation.section.placeholder.begin.toml');
  has(scopesOf(t, 14, 'env'), 'meta.inline-table.toml', 'keyword.other.placeholder.env.toml');
  has(scopesOf(t, 15, 'sys'), 'string.quoted.triple.basic.block.toml', 'keyword.other.placeholder.sys.toml');
  has(scopesOf(t, 15, 'carbon.home'), 'variable.other.placeholder.toml');
  has(scopesOf(t, 17, '{{-'), 'meta.embedded.template.expression.toml', 'punctuation.section.embedded.begin.toml');
  has(scopesOf(t, 18, '{{'), 'string.quoted.double.basic.line.toml', 'meta.embedded.template.expression.toml');
  has(scopesOf(t, 19, 'admin.username'), 'variable.other.placeholder.reference.toml');
  has(scopesOf(t, 20, 'ref'), 'string.quoted.single.literal.line.toml', 'keyword.other.placeholder.ref.toml');
  // Not in comments: a placeholder written in a comment is just text.
  const c = tokenize(g, '# see $secret{x}');
  assert.ok(c[0].every((tok) => !tok.scopes.some((s) => s.startsWith('meta.embedded.placeholder'))));
});

test('the injection alone highlights placeholders inside another TOML grammar', async () => {
  // A stand-in for another extension's TOML grammar (same scope name, nothing about Carbon).
  const other = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new OnigScanner(p), createOnigString: (s: string) => new OnigString(s) }),
    loadGrammar: async (scope) => {
      if (scope === 'source.toml') return parseRawGrammar(JSON.stringify({ scopeName: 'source.toml', patterns: [{ begin: '"', end: '"', name: 'string.quoted.double.toml' }] }), 'other.json');
      return scope === 'source.toml.carbon-placeholders' ? parseRawGrammar(fs.readFileSync(path.join(ROOT, FILES[scope]), 'utf8'), FILES[scope]) : null;
    },
    getInjections: (scope) => (scope === 'source.toml' ? ['source.toml.carbon-placeholders'] : undefined),
  });
  const g = (await other.loadGrammar('source.toml'))!;
  const t = tokenize(g, 'password = "$secret{admin_password}"');
  has(scopesOf(t, 0, 'secret'), 'string.quoted.double.toml', 'keyword.other.placeholder.secret.toml');
});
