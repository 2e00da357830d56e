// Runs the Studio's npm steps for the server's build (studio.targets), one process at a time: several builds of the
// server can run at once (a solution build, an IDE, colleagues sharing a working tree), and two `npm ci` or a
// `npm ci` next to a `vite build` in the same folder break each other.
//
//   node scripts/studio-build.mjs ci      npm ci, unless node_modules is already installed from this package-lock.json
//   node scripts/studio-build.mjs build   npm run build (the output folder comes from STUDIO_OUT_DIR)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const studio = join(dirname(fileURLToPath(import.meta.url)), '..');
const lock = join(studio, '.studio-build.lock');
const stamp = join(studio, 'node_modules', '.studio-npm-ci.stamp');
const step = process.argv[2];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function acquire() {
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'owner'), `${process.pid}\n`);
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue;
      }
      if (age > 15 * 60 * 1000) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (!told && Date.now() - started > 2000) {
        console.log('Studio: waiting for another build of the Studio to finish…');
        told = true;
      }
      sleep(500);
    }
  }
}

function release() {
  rmSync(lock, { recursive: true, force: true });
}

function run(args) {
  const r = spawnSync(npm, args, { cwd: studio, stdio: 'inherit', env: process.env, shell: process.platform === 'win32' });
  if (r.status !== 0) {
    release();
    process.exit(r.status ?? 1);
  }
}

function installed() {
  if (!existsSync(stamp)) return false;
  const s = statSync(stamp).mtimeMs;
  return ['package.json', 'package-lock.json'].every((f) => statSync(join(studio, f)).mtimeMs <= s);
}

/** Deletes bundles that this build did not write and that are older than ten minutes. */
function removeOldBundles(assets, started) {
  if (!existsSync(assets)) return;
  const graceMs = 10 * 60 * 1000;
  for (const name of readdirSync(assets)) {
    const file = join(assets, name);
    const modified = statSync(file).mtimeMs;
    if (modified < started && Date.now() - modified > graceMs) rmSync(file, { force: true });
  }
}

acquire();
process.on('exit', release);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));
if (step === 'ci') {
  if (!installed()) {
    console.log('Studio: npm ci');
    run(['ci', '--no-audit', '--no-fund', '--loglevel=error']);
    writeFileSync(stamp, new Date().toISOString() + '\n');
  }
} else if (step === 'build') {
  const outDir = process.env.STUDIO_OUT_DIR || join(studio, '..', 'Designer.Server', 'wwwroot');
  console.log(`Studio: vite build → ${outDir}`);
  const started = Date.now() - 2000;
  run(['run', 'build', '--silent']);
  removeOldBundles(join(outDir, 'assets'), started);
} else {
  console.error('usage: node scripts/studio-build.mjs ci|build');
  process.exit(2);
}
