// The peer side of benchmarks/peer/run.sh: bpmn-engine runs the 10-step flow (start, ten user tasks, end), each task
// signalled as soon as it waits, as the Designer engine resumes its ten person steps. Prints microseconds per instance
// (median of the rounds) as JSON.
import { Engine } from 'bpmn-engine';
import { EventEmitter } from 'node:events';

const instances = Number(process.argv[2] ?? 200);
const rounds = Number(process.argv[3] ?? 5);
const tasks = Array.from({ length: 10 }, (_, i) => `step${i + 1}`);
const source = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="ten" targetNamespace="http://bpmn.io/schema/bpmn">
  <process id="tenSteps" isExecutable="true">
    <startEvent id="start" />
    ${tasks.map((t) => `<userTask id="${t}" />`).join('\n    ')}
    <endEvent id="end" />
    ${['start', ...tasks, 'end'].slice(0, -1).map((from, i, all) => `<sequenceFlow id="f${i}" sourceRef="${from}" targetRef="${i + 1 < all.length ? all[i + 1] : 'end'}" />`).join('\n    ')}
  </process>
</definitions>`;

function runOnce() {
  return new Promise((resolve, reject) => {
    const listener = new EventEmitter();
    let signalled = 0;
    listener.on('wait', (api) => { signalled++; api.signal({ action: 'approve' }); });
    const engine = new Engine({ name: 'ten', source });
    engine.once('end', () => (signalled === 10 ? resolve() : reject(new Error(`signalled ${signalled}`))));
    engine.once('error', reject);
    engine.execute({ listener }).catch(reject);
  });
}

for (let i = 0; i < 50; i++) await runOnce();   // warm-up
const perInstance = [];
for (let r = 0; r < rounds; r++) {
  const started = process.hrtime.bigint();
  for (let i = 0; i < instances; i++) await runOnce();
  perInstance.push(Number(process.hrtime.bigint() - started) / 1000 / instances);
}
perInstance.sort((a, b) => a - b);
console.log(JSON.stringify({ engine: 'bpmn-engine', instances, rounds, microsecondsPerInstance: perInstance[Math.floor(rounds / 2)], rounds_us: perInstance }));
