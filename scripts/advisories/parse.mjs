// Parses one WSO2 security advisory (Markdown with YAML front matter) into a record. Pure functions, no I/O, so
// the tests can feed them the awkward files directly. The format is described in
// shared-rules/data/advisories/README.md; every regex here is linear (no nested quantifiers over file content).

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Product-name spellings (lower case, "wso2 " prefix removed, whitespace collapsed) → CarbonLint advisory product id. Order matters: longer names first. */
export const PRODUCT_NAMES = [
  [/^(identity server|is) as key manager$/, 'is-km'],
  [/^open banking (is-km|km)$/, 'ob-km'],
  [/^open banking (iam)( accelerator)?$/, 'ob-iam'],
  [/^open banking (am)( accelerator)?$/, 'ob-am'],
  [/^api manager analytics$/, 'apim-analytics'],
  [/^(api manager universal gateway|universal gateway)$/, 'ug'],
  [/^(api management traffic manager|traffic manager)$/, 'tm'],
  [/^api control plane$/, 'acp'],
  [/^api manager$/, 'apim'],
  [/^identity server analytics$/, 'is-analytics'],
  [/^identity server$/, 'is'],
  [/^enterprise integrator analytics$/, 'ei-analytics'],
  [/^enterprise integrator$/, 'ei'],
  [/^micro integrator (monitoring )?dashboard$/, 'mi-dashboard'],
  [/^micro integrator$/, 'mi'],
  [/^(api microgateway toolkit|micro gateway toolkit)( linux| mac| windows)?$/, 'mgw-toolkit'],
  [/^(api microgateway|micro gateway)$/, 'mgw'],
  [/^(stream integrator|streaming integrator) tooling$/, 'si-tooling'],
  [/^(stream integrator|streaming integrator)$/, 'si'],
  [/^stream processor$/, 'sp'],
  [/^iot server$/, 'iot'],
  [/^app manager$/, 'appm'],
  [/^application server$/, 'as'],
  [/^business rules server$/, 'brs'],
  [/^dashboard server$/, 'ds'],
  [/^data analytics server$/, 'das'],
  [/^complex event processor$/, 'cep'],
  [/^business process server$/, 'bps'],
  [/^data services server$/, 'dss'],
  [/^message broker$/, 'mb'],
  [/^enterprise mobility manager$/, 'emm'],
  [/^enterprise service bus analytics$/, 'esb-analytics'],
  [/^enterprise service buss?$/, 'esb'],
  [/^governance registry$/, 'greg'],
  [/^machine learner$/, 'ml'],
  [/^enterprise store$/, 'es'],
  [/^storage server$/, 'ss'],
  [/^elastic load balancer$/, 'elb'],
  [/^integration control plane$/, 'icp'],
  [/^integration studio$/, 'integration-studio'],
];

/** The vendor's product codes (updates/product.txt, code-style table rows) → product id. */
export const PRODUCT_CODES = {
  wso2am: 'apim', 'wso2am-acp': 'acp', 'wso2am-tm': 'tm', 'wso2am-universal-gw': 'ug', wso2is: 'is', 'wso2is-km': 'is-km',
  wso2ei: 'ei', wso2esb: 'esb', wso2emm: 'emm', wso2mi: 'mi', 'wso2-obam': 'ob-am', 'wso2-obkm': 'ob-km', 'wso2-obiam': 'ob-iam',
};

/** A product cell or bullet name → product id, or undefined. */
export function productId(name) {
  const raw = name.replace(/\s+/g, ' ').trim().toLowerCase();
  if (PRODUCT_CODES[raw]) return PRODUCT_CODES[raw];
  // "WWSO2 API Manager" (2023/WSO2-2022-2023) and "WSO2 | Application Server" split cells are typos of the prefix.
  const n = raw.replace(/^w?wso2\s*/, '').replace(/[\s:,\-]+$/, '').trim();
  for (const [re, id] of PRODUCT_NAMES) if (re.test(n)) return id;
  return undefined;
}

/** Date in any of the forms the files use → YYYY-MM-DD, or undefined. */
export function isoDate(s) {
  if (!s) return undefined;
  const t = s.trim().replace(/^["']|["']$/g, '');
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return t;
  m = /^([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})$/.exec(t) ?? null;
  let month, day, year;
  if (m) [, month, day, year] = m;
  else {
    m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+),?\s+(\d{4})$/.exec(t); // "7th September 2021"
    if (!m) return undefined;
    [, day, month, year] = m;
  }
  const i = MONTHS.indexOf(month.toLowerCase());
  if (i < 0) return undefined;
  return `${year}-${String(i + 1).padStart(2, '0')}-${String(Number(day)).padStart(2, '0')}`;
}

/** Flat YAML front matter (all keys are scalars in these files): key → unquoted string. */
export function frontMatter(text) {
  const lines = text.split('\n');
  const out = {};
  if (lines[0].trim() !== '---') return { fm: out, bodyStart: 0 };
  let i = 1;
  for (; i < lines.length && lines[i].trim() !== '---'; i++) {
    const m = /^([A-Za-z][A-Za-z0-9 _-]*?)\s*:\s*(.*)$/.exec(lines[i]);
    if (!m) continue;
    let v = m[2].trim();
    if (v.length >= 2 && ((v[0] === '"' && v.endsWith('"')) || (v[0] === "'" && v.endsWith("'")))) v = v.slice(1, -1);
    out[m[1].toLowerCase()] = v;
  }
  return { fm: out, bodyStart: i + 1 };
}

const SEVERITIES = { critical: 'critical', high: 'high', medium: 'medium', low: 'low', 'not applicable': 'none', 'n/a': 'none', informative: 'none' };
const RANK = { critical: 4, high: 3, medium: 2, low: 1, none: 0, unknown: -1 };

export function normSeverity(s) {
  return s ? SEVERITIES[s.trim().toLowerCase()] : undefined;
}

function band(score) {
  return score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : score > 0 ? 'low' : 'none';
}

/** Every "<score> (CVSS:x.y/<vector>)" in a string (parentheses optional, as in 2024/WSO2-2023-2987). */
export function cvssScores(s) {
  const out = [];
  const re = /(\d{1,2}(?:\.\d)?)\s*\(?\s*(CVSS:(\d\.\d)\/[A-Za-z0-9:/]+)/g;
  let m;
  while ((m = re.exec(s))) out.push({ score: Number(m[1]), vector: m[2], version: m[3] });
  return out;
}

function docInfo(lines) {
  const out = [];
  for (const l of lines) {
    const m = /^<p class="doc-info">(.*?):\s*(.*)<\/p>\s*$/.exec(l.trim());
    if (m) out.push([m[1].replace(/<[^>]*>/g, '').trim().toLowerCase(), m[2]]);
  }
  return out;
}

const VERSION = /\d+(?:\.\d+)+/g;
const RANGE = /\s*(?:or\s+ea?rlier|or\s+ealier|and\s+below)\b/i;

/**
 * Per-file fix-ups of typos the README documents (section 7.3). Applied to the AFFECTED text before parsing;
 * each one is a literal replacement that must match, so a changed upstream file shows up as a converter error.
 */
export const FIXUPS = {
  'WSO2-2021-1738': [['5.9.0, 5.1.0, 5.11.0', '5.9.0, 5.10.0, 5.11.0']], // its update-level table has 5.10.0
  'WSO2-2020-0716': [['Key Manager : .5.0 ,', 'Key Manager : 5.5.0 ,']],
  'WSO2-2020-0787': [['5 .5.0', '5.5.0']],
  'WSO2-2017-0235': [], // trailing backslash: the version regex ignores it
};

/** One AFFECTED bullet → { product, versions, range, rawName, quirky }. */
export function parseBullet(line) {
  let t = line.replace(/^\s*[*\-•]\s+/, '').replace(/\*\*/g, '').trim();
  let condition;
  const cut = /\s+-\s+Only if|\s+limited to the following profiles/i.exec(t);
  if (cut) {
    condition = t.slice(cut.index).replace(/^\s*-\s*/, '').trim();
    t = t.slice(0, cut.index);
  }
  const range = RANGE.test(t);
  if (range) t = t.replace(new RegExp(RANGE.source, 'gi'), '');
  t = t.replace(/^w?wso2(?=\s)/i, 'WSO2'); // the "2" of the brand is not a version
  const d = /\.?\d/.exec(t.slice(4));
  if (d) d.index += 4;
  const rawName = (d ? t.slice(0, d.index) : t).replace(/[:,\-\s]+$/, '').trim();
  const rest = d ? t.slice(d.index) : '';
  const versions = (rest.match(VERSION) ?? []).map((v) => v.split('.').slice(0, 3).join('.'));
  const quirky = /[^\d.,\s\\]/.test(rest.replace(VERSION, ''));
  return { product: productId(rawName), rawName, versions, range, quirky, ...(condition ? { condition } : {}) };
}

/** The lines of the AFFECTED section (or the headless bullets right after the doc-info rule), admonitions dropped. */
export function affectedLines(body) {
  const lines = body.split('\n');
  let start = lines.findIndex((l) => /^###\s*AFFECTED PRODUCTS/i.test(l));
  let headless = false;
  if (start < 0) {
    // 2023/WSO2-2022-2023: bullets follow the doc-info block directly, before the first heading.
    const firstHeading = lines.findIndex((l) => /^###\s/.test(l));
    const before = lines.slice(0, firstHeading < 0 ? lines.length : firstHeading);
    if (!before.some((l) => /^[*\-•]\s+\S/.test(l))) return { lines: [], headless: false, found: false };
    start = before.findLastIndex((l) => /^(---|<p class="doc-info">)/.test(l.trim()));
    headless = true;
  }
  const out = [];
  let inAdmonition = false;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i];
    if (/^#{1,3}\s/.test(l)) break;
    if (/^(!!!|\?\?\?)/.test(l)) { inAdmonition = true; continue; }
    if (inAdmonition) {
      if (l.trim() === '' || /^\s/.test(l)) continue;
      inAdmonition = false;
    }
    out.push(l);
  }
  return { lines: out, headless, found: true };
}

function splitRow(l) {
  return l.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.replace(/\*\*/g, '').trim());
}

/** Pipe tables: a `|…|` line followed by a `|---|` separator line. */
export function tables(body) {
  const lines = body.split('\n');
  const out = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!/^\s*\|/.test(lines[i]) || !/^\s*\|?\s*:?-{3,}/.test(lines[i + 1])) continue;
    const header = splitRow(lines[i]).map((h) => h.toLowerCase());
    const rows = [];
    let j = i + 2;
    for (; j < lines.length && /^\s*\|/.test(lines[j]); j++) rows.push(splitRow(lines[j]));
    out.push({ header, rows });
    i = j - 1;
  }
  return out;
}

/** Column roles of a table; kind from the header (README section 12). */
export function tableKind(header) {
  const h = header.join('|');
  if (h.includes('update level')) return 'update-level';
  if (h.includes('safe version')) return 'safe';
  if (h.includes('patch')) return 'patch';
  // 2016/WSO2-2016-0168: "Code | Product | Version" without a patch column lists the affected versions too.
  if (/(^|\|)code\|product\|version($|\|)/.test(h)) return 'patch';
  return 'other';
}

function rowsOf(t) {
  const product = t.header.findIndex((h) => h.startsWith('product') && !h.includes('version'));
  const version = t.header.findIndex((h) => h.includes('version'));
  const level = t.header.findIndex((h) => h.includes('update level'));
  if (product < 0 || version < 0) return [];
  return t.rows.map((r) => ({ product: productId(r[product] ?? ''), rawProduct: r[product] ?? '', versions: (r[version] ?? '').match(VERSION) ?? [], level: level >= 0 ? r[level] : undefined }));
}

/**
 * One advisory file → record. `releases` maps product id → released versions (for "or earlier").
 * Returns { record, stats, problems }: problems are strings for the coverage report.
 */
export function parseAdvisory(id, folder, text, releases) {
  const problems = [];
  for (const [from, to] of FIXUPS[id] ?? []) {
    if (!text.includes(from)) problems.push(`fix-up "${from}" no longer matches`);
    text = text.replace(from, to);
  }
  const { fm, bodyStart } = frontMatter(text);
  const lines = text.split('\n');
  const body = lines.slice(bodyStart).join('\n');
  const info = docInfo(lines.slice(bodyStart, bodyStart + 40));
  const infoGet = (k) => info.find(([l]) => l === k)?.[1];

  // Severity: front matter, else the doc-info lines (per-product ones too: take the worst), else the CVSS band.
  const cvssText = [fm.cvss ?? fm['cvss score'] ?? '', ...info.filter(([l]) => l.startsWith('cvss')).map(([, v]) => v)].join(' ');
  const scores = cvssScores(cvssText);
  const cvss3 = scores.find((s) => s.version.startsWith('3'));
  const cvss4 = scores.find((s) => s.version === '4.0');
  let severity = normSeverity(fm.severity);
  if (!severity) {
    const all = info.filter(([l]) => l.includes('severity')).map(([, v]) => normSeverity(v.replace(/<[^>]*>/g, '').replace(/^.*?:\s*/, ''))).filter(Boolean);
    severity = all.sort((a, b) => RANK[b] - RANK[a])[0];
  }
  if (!severity && scores.length) severity = band(Math.max(...scores.map((s) => s.score)));
  severity ??= 'unknown';

  // Own CVE ids: title, doc-info CVE line, cve-id key (not the body, which names third-party CVEs).
  const cveSrc = [fm.title ?? '', fm['cve-id'] ?? '', infoGet('cve ids') ?? ''].join(' ');
  const cves = [...new Set(cveSrc.match(/CVE-\d{4}-\d{4,7}/g) ?? [])].sort();

  // Affected pairs from the bullets.
  const aff = affectedLines(body);
  const pairs = new Map(); // "product@version" → pair
  const unknownNames = [];
  let ranges = 0;
  let bulletPairs = 0;
  const add = (p, v, extra) => {
    const k = `${p}@${v}`;
    const old = pairs.get(k);
    if (old) {
      if (old.range && !extra.range) delete old.range; // an explicit mention beats a range expansion
      return;
    }
    pairs.set(k, { p, v, ...extra });
  };
  for (const l of aff.lines) {
    if (!/^[*\-•]\s+\S/.test(l)) continue; // top-level bullets only; indented ones are profiles
    const b = parseBullet(l);
    if (!b.product) {
      if (b.rawName) unknownNames.push(b.rawName);
      continue;
    }
    if (b.condition && /only if/i.test(b.condition)) {
      for (const v of b.versions) add(b.product, v, { cond: b.condition });
      bulletPairs += b.versions.length;
      continue;
    }
    if (b.range) {
      const max = b.versions[b.versions.length - 1];
      const explicit = b.versions.slice(0, -1);
      for (const v of explicit) add(b.product, v, {});
      const known = releases[b.product];
      if (!known) problems.push(`no release list for ${b.product} ("${max} or earlier")`);
      else {
        ranges++;
        for (const v of known) if (cmp(v, max) <= 0) add(b.product, v, v === max ? {} : { range: `≤${max}` });
      }
      bulletPairs += b.versions.length;
      continue;
    }
    for (const v of b.versions) add(b.product, v, {});
    bulletPairs += b.versions.length;
  }
  for (const n of unknownNames) problems.push(`unknown product "${n}"`);

  // Tables: update levels per (product, version); patch tables as a fallback source of pairs (classes D and E).
  const levels = new Map();
  let levelRows = 0;
  let fromTables = 0;
  const ts = tables(body);
  for (const t of ts) {
    const kind = tableKind(t.header);
    if (kind !== 'update-level' && kind !== 'patch') continue;
    for (const r of rowsOf(t)) {
      if (!r.product) {
        if ((kind === 'update-level' || bulletPairs === 0) && r.rawProduct && !/^-+$/.test(r.rawProduct)) problems.push(`unknown product in table "${r.rawProduct}"`);
        continue;
      }
      for (const v0 of r.versions) {
        const v = v0.split('.').slice(0, 3).join('.');
        if (kind === 'update-level') {
          levelRows++;
          const lv = /^\d+$/.test((r.level ?? '').trim()) ? Number(r.level.trim()) : undefined;
          const note = lv === undefined && r.level && !/^n\/?a$/i.test(r.level) ? r.level.replace(/\s+/g, ' ').slice(0, 120) : undefined;
          // 5 files (2026/WSO2-2024-3115, -3352, -3581, 2025-4337, -4727) give one (product, version) two levels,
          // e.g. API-M 3.2.0 → 432 and 434: keep the highest, so a level between the two is not reported fixed.
          const prev = levels.get(`${r.product}@${v}`);
          if (prev?.level !== undefined && (lv === undefined || lv < prev.level)) continue;
          levels.set(`${r.product}@${v}`, { level: lv, note });
          // The table only adds rows in a few files (README 8.1): a row means the update fixes that version, so it was affected.
          if (!pairs.has(`${r.product}@${v}`)) { add(r.product, v, { table: 1 }); fromTables++; }
        } else if (bulletPairs === 0) {
          add(r.product, v, { table: 1 });
          fromTables++;
        }
      }
    }
  }
  for (const [k, pr] of pairs) {
    const l = levels.get(k);
    if (l?.level !== undefined) pr.l = l.level;
    else if (l?.note) pr.n = /no need to get the update/i.test(l.note) ? 'config-only' : l.note;
  }
  const affected = [...pairs.values()].sort((a, b) => (a.p < b.p ? -1 : a.p > b.p ? 1 : cmp(b.v, a.v)));
  const manual = affected.length === 0 ? (ts.some((t) => tableKind(t.header) === 'safe') ? 'only a "safe version" table (fixed versions, not affected ones)' : 'no product versions in the file') : undefined;
  if (manual) problems.push(manual);

  const published = isoDate(fm.published) ?? isoDate(infoGet('published'));
  if (!published) problems.push(`unparsed published date "${fm.published}"`);
  const updated = isoDate(fm.updated);
  const titleText = (fm.title ?? id).replace(/^Security Advisory\s*/i, '').trim();
  const overview = section(body, 'OVERVIEW');
  const record = {
    id,
    title: overview ? overview.slice(0, 200) : titleText,
    published,
    ...(updated ? { updated } : {}),
    severity,
    ...(cvss3 ? { cvss3: { score: cvss3.score, vector: cvss3.vector } } : {}),
    ...(cvss4 ? { cvss4: { score: cvss4.score, vector: cvss4.vector } } : {}),
    cves,
    url: `https://security.docs.wso2.com/en/latest/security-announcements/security-advisories/${folder}/${id}/`,
    affected,
    ...(manual ? { manual } : {}),
  };
  return {
    record,
    stats: { ranges, pairs: affected.length, levelRows, levelPairs: levels.size, fromTables, headless: aff.headless, hasAffected: aff.found },
    problems,
  };
}

/** First paragraph of a ### section, one line. */
function section(body, name) {
  const m = new RegExp(`^###\\s*${name}\\s*$`, 'im').exec(body);
  if (!m) return undefined;
  const rest = body.slice(m.index + m[0].length).split('\n');
  const para = [];
  for (const l of rest) {
    if (/^#{1,4}\s/.test(l)) break;
    if (l.trim() === '') { if (para.length) break; continue; }
    para.push(l.trim());
  }
  return para.join(' ').replace(/\s+/g, ' ').trim() || undefined;
}

/** Numeric comparison of dotted versions. */
export function cmp(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}
