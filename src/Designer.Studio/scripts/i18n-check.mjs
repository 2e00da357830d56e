// Lists the Chinese strings of the Studio's source that have no English translation in src/i18n/en.ts.
// Usage: node scripts/i18n-check.mjs   (exit code 1 when some are missing)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../src/', import.meta.url).pathname;
const skip = new Set(['i18n/en.ts', 'i18n/vocabEn.ts', 'domainCodes.ts', 'forms/SchemaForm.tsx', 'catalog.tsx']);
const files = [];
const walk = (dir) => {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(ts|tsx)$/.test(f)) files.push(p);
  }
};
walk(root);
const en = readFileSync(join(root, 'i18n/en.ts'), 'utf8');
const known = new Set([...en.matchAll(/^\s*'((?:[^'\\]|\\.)*)':/gm)].map((m) => m[1].replace(/\\'/g, "'")));
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
for (const m of [...missing].sort()) console.log(m);
console.error(`${missing.size} untranslated`);
process.exit(missing.size ? 1 : 0);
