// Lists the Chinese strings of the Studio's source that have no English translation in src/i18n/en.ts.
// Usage: node scripts/i18n-check.mjs   (exit code 1 when some are missing)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../src/', import.meta.url).pathname;
// Every English resource file of src/i18n (en.ts, en-<area>.ts) holds translations, not strings to translate.
const englishFiles = readdirSync(join(root, 'i18n')).filter((f) => /^en(-[\w-]+)?\.ts$/.test(f)).map((f) => `i18n/${f}`);
const skip = new Set([...englishFiles, 'i18n/vocabEn.ts', 'i18n/catalog-en.ts', 'domainCodes.ts', 'forms/SchemaForm.tsx', 'catalog.tsx']);
const files = [];
const walk = (dir) => {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(ts|tsx)$/.test(f)) files.push(p);
  }
};
walk(root);
const en = englishFiles.map((f) => readFileSync(join(root, f), 'utf8')).join('\n');
// Keys are quoted ('中文…':) or, when they are plain identifiers, bare (用人单位:).
const known = new Set([...en.matchAll(/^\s*(?:'((?:[^'\\]|\\.)*)'|([^\s'":,{}]+)):/gm)].map((m) => (m[1] ?? m[2]).replace(/\\'/g, "'")));
const missing = new Set();
for (const file of files) {
  const rel = file.slice(root.length);
  if (skip.has(rel)) continue;
  const src = readFileSync(file, 'utf8');
  for (const m of src.matchAll(/'((?:[^'\\\n]|\\.)*[\u4e00-\u9fff（）：，。；“”…][^'\n]*?)'/g)) {
    const s = m[1];
    if (/^(测试申报人|和静县|和静县第一小学|开始|选项一|选项二|流程控制|职称评审|规则与计算)$/.test(s) || /^[：；，、]$/.test(s)) continue;
    if (!known.has(s)) missing.add(`${rel}: ${s}`);
  }
}

// The activity catalog: every activity of the engine (src/Designer.Engine/Activities/**/*.cs) needs its description,
// and every input its display name (and description, when the engine gives one), in src/i18n/catalog-en.ts.
const activitiesDir = new URL('../../Designer.Engine/Activities/', import.meta.url).pathname;
const csFiles = [];
const walkCs = (dir) => {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walkCs(p);
    else if (f.endsWith('.cs')) csFiles.push(p);
  }
};
try {
  walkCs(activitiesDir);
} catch {
  /* the engine's sources are not next to the Studio: skip the catalog check */
}
if (csFiles.length) {
  const ts = (await import('typescript')).default;
  const catalogSrc = readFileSync(join(root, 'i18n/catalog-en.ts'), 'utf8');
  const js = ts.transpileModule(catalogSrc, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2020 } }).outputText;
  const { catalogEn } = await import('data:text/javascript;base64,' + Buffer.from(js).toString('base64'));
  const classes = new Map();
  for (const file of csFiles) {
    const src = readFileSync(file, 'utf8');
    for (const c of src.matchAll(/(?:\[Activity\("([^"]+)"[\s\S]*?\)\]\s*)?public\s+(?:sealed\s+|abstract\s+)*class\s+(\w+)\s*(?::\s*(\w+))?/g)) {
      const start = c.index + c[0].length;
      const next = src.slice(start).search(/\n(?:\[Activity\(|public\s+(?:sealed\s+|abstract\s+)*class\s)/);
      const body = next < 0 ? src.slice(start) : src.slice(start, start + next);
      const inputs = [...body.matchAll(/\[Input\(([\s\S]*?)\)\]\s*public\s+Input<[\s\S]*?>\s+(\w+)\s*\{/g)].map((m) => ({
        name: m[2][0].toLowerCase() + m[2].slice(1),
        hasDescription: /Description\s*=/.test(m[1]),
      }));
      classes.set(c[2], { typeName: c[1], base: c[3], inputs });
    }
  }
  const inputsOf = (cls) => [...(cls.base && classes.has(cls.base) ? inputsOf(classes.get(cls.base)) : []), ...cls.inputs];
  for (const cls of classes.values()) {
    if (!cls.typeName) continue;
    const entry = catalogEn[cls.typeName];
    if (!entry?.description) missing.add(`i18n/catalog-en.ts: ${cls.typeName} (description)`);
    for (const i of inputsOf(cls)) {
      const e = entry?.inputs?.[i.name];
      if (!e?.displayName) missing.add(`i18n/catalog-en.ts: ${cls.typeName}.${i.name} (displayName)`);
      if (i.hasDescription && !e?.description) missing.add(`i18n/catalog-en.ts: ${cls.typeName}.${i.name} (description)`);
    }
  }
}

for (const m of [...missing].sort()) console.log(m);
console.error(`${missing.size} untranslated`);
process.exit(missing.size ? 1 : 0);
