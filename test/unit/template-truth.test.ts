// Which values decide a template condition (template-truth.ts, values/*): Go templates (Helm) read nil, false, 0,
// "" and empty maps/lists as false; Jinja (Ansible) None, False, 0, "" and empty dicts/lists; Ruby (ERB) nil
// (Puppet undef) and false. A key the values file does not have stays undecided (an override file may set it).
// Read through renderedWithValues: a decided condition takes its branch, an undecided one its first branch.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { renderedWithValues } from '../../shared-rules/engine/template-lint';
import { memory } from '../helpers/memory-files';

type Outcome = 'true' | 'false' | 'undecided';

/** `if x` and `if not x` over the same value: (A, A) undecided, (A, B) true, (B, A) false. */
function outcome(render: (negated: boolean) => string | undefined): Outcome {
  const pos = render(false);
  const neg = render(true);
  assert.ok(pos !== undefined && neg !== undefined);
  const a = (s: string) => (s.includes('AAA') ? 'A' : s.includes('BBB') ? 'B' : '?');
  const key = `${a(pos)}${a(neg)}`;
  if (key === 'AA') return 'undecided';
  if (key === 'AB') return 'true';
  if (key === 'BA') return 'false';
  throw new Error(`unexpected renderings ${key}`);
}

function helm(valuesYaml: string, ref = '.Values.x'): Outcome {
  return outcome((neg) => {
    const tpl = `{{- if ${neg ? 'not ' : ''}${ref} }}\na = "AAA"\n{{- else }}\na = "BBB"\n{{- end }}\n`;
    const fa = memory({ '/c/Chart.yaml': 'name: c\n', '/c/values.yaml': valuesYaml, '/c/confs/deployment.toml': tpl });
    return renderedWithValues('/c/confs/deployment.toml', tpl, 'curly', fa);
  });
}

function jinja(defaultsYaml: string, ref = 'x'): Outcome {
  return outcome((neg) => {
    const tpl = `{% if ${neg ? 'not ' : ''}${ref} %}\na = "AAA"\n{% else %}\na = "BBB"\n{% endif %}\n`;
    const fa = memory({ '/p/roles/r/defaults/main.yml': defaultsYaml });
    return renderedWithValues('/p/roles/r/templates/deployment.toml.j2', tpl, 'curly', fa);
  });
}

function erb(paramsPp: string, initPp?: string, extra: Record<string, string> = {}): Outcome {
  return outcome((neg) => {
    const tpl = `<% if ${neg ? 'not ' : ''}@x %>\na = "AAA"\n<% else %>\na = "BBB"\n<% end %>\n`;
    const files: Record<string, string> = { '/e/modules/m/manifests/params.pp': paramsPp, ...extra };
    if (initPp) files['/e/modules/m/manifests/init.pp'] = initPp;
    return renderedWithValues('/e/modules/m/templates/deployment.toml.erb', tpl, 'erb', memory(files));
  });
}

test('Helm: nil (`x:`, `~`, `null`), {}, [], "", 0 and false are false; set values true; an absent key undecided', () => {
  const cases: Array<[string, Outcome]> = [
    ['x:\n', 'false'], ['x: ~\n', 'false'], ['x: null\n', 'false'], ['x: {}\n', 'false'], ['x: []\n', 'false'],
    ['x: ""\n', 'false'], ['x: 0\n', 'false'], ['x: false\n', 'false'],
    // A block whose entries are all commented out is nil (the IS chart's `extraConfigs:`).
    ['x: #|\n  # a = 1\n  # b = 2\ny: 1\n', 'false'],
    ['x: true\n', 'true'], ['x: "no"\n', 'true'], ['x: 1\n', 'true'], ['x: {a: 1}\n', 'undecided'], ['x: [1]\n', 'undecided'],
    ['y: 1\n', 'undecided'],
  ];
  for (const [yaml, want] of cases) assert.equal(helm(yaml), want, JSON.stringify(yaml));
  // A nested key under a nil map is absent, not nil: undecided as before.
  assert.equal(helm('a:\n', '.Values.a.b'), 'undecided');
  assert.equal(helm('a:\n  b:\n', '.Values.a.b'), 'false');
});

test('Helm and Jinja: an empty value under a filter other than `| bool` stays undecided (engines read it differently)', () => {
  assert.equal(helm('x:\n', '.Values.x | default true'), 'undecided');
  assert.equal(jinja('x:\n', 'x | default(true)'), 'undecided');
  assert.equal(jinja('x:\n', 'x | string'), 'undecided');
});

test('Jinja: None (`x:`, `~`), {}, [], "" false, also through `| bool`; an absent key undecided', () => {
  const cases: Array<[string, Outcome]> = [
    ['x:\n', 'false'], ['x: ~\n', 'false'], ['x: {}\n', 'false'], ['x: []\n', 'false'], ['x: ""\n', 'false'],
    ['x: false\n', 'false'], ['x: yes\n', 'true'], ['y: 1\n', 'undecided'],
  ];
  for (const [yaml, want] of cases) assert.equal(jinja(yaml), want, JSON.stringify(yaml));
  assert.equal(jinja('x:\n', 'x|bool'), 'false');
  assert.equal(jinja('x: ~\n', 'x | bool'), 'false');
  // Through a reference (`x: "{{ y }}"`, y null) the text it renders to differs by version: undecided.
  assert.equal(jinja('x: "{{ y }}"\ny:\n'), 'undecided');
});

test('ERB: undef (params.pp, a class default) is nil, so false; any quoted string is true; an absent parameter undecided', () => {
  assert.equal(erb('class m::params {\n  $x = undef\n}\n'), 'false');
  assert.equal(erb('class m::params {\n  $x = false\n}\n'), 'false');
  assert.equal(erb('class m::params {\n  $x = true\n}\n'), 'true');
  assert.equal(erb("class m::params {\n  $x = 'on'\n}\n"), 'true');
  // A Ruby String is true whatever it says: `$x = 'false'` takes the `if` branch in Puppet, as it does here.
  assert.equal(erb("class m::params {\n  $x = 'false'\n}\n"), 'true');
  assert.equal(erb("class m::params {\n  $x = 'undef'\n}\n"), 'true');
  assert.equal(erb('class m::params {\n  $y = 1\n}\n'), 'undecided');
  // The class parameter's default `undef` shadows params.pp's value, as in Puppet.
  assert.equal(erb("class m::params {\n  $x = 'on'\n  $z = 1\n}\n", 'class m (\n  $x = undef,\n  $z = 2,\n) inherits m::params {\n}\n'), 'false');
  // Hiera data `m::x: ~` is undef, and Puppet then takes the parameter's default: the default decides.
  const init = 'class m (\n  $x = true,\n) {\n}\n';
  assert.equal(erb('class m::params {\n}\n', init, { '/e/data/common.yaml': 'm::x: ~\n' }), 'true');
  assert.equal(erb('class m::params {\n}\n', init, { '/e/data/common.yaml': 'm::x: false\n' }), 'false');
});
