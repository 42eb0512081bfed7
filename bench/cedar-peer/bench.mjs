// Times the Cedar reference implementation (Rust compiled to Wasm, @cedar-policy/cedar-wasm) on the same
// policies, entities and request as the .NET benchmark (bench/cedar). Prints µs per decision.
// Entities and context are passed as JSON per call (that is the Wasm API), so each decision includes parsing them.
//   node bench.mjs [iterations]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'cedar');
const policies = readFileSync(join(dataDir, 'policies.cedar'), 'utf8');
const entities = JSON.parse(readFileSync(join(dataDir, 'entities.json'), 'utf8'));
const request = JSON.parse(readFileSync(join(dataDir, 'request.json'), 'utf8'));
const iterations = Number(process.argv[2] ?? 2000);
const warmup = Math.max(200, Math.floor(iterations / 10));

function check(answer, label) {
  if (answer.type !== 'success') {
    throw new Error(`${label}: ${JSON.stringify(answer.errors)}`);
  }
  const { decision, diagnostics } = answer.response;
  if (decision !== 'allow' || diagnostics.reason.length !== 1 || diagnostics.reason[0] !== 'policy43') {
    throw new Error(`${label}: unexpected ${decision} ${JSON.stringify(diagnostics)}`);
  }
}

// Wall time is what a caller waits; CPU time (process.cpuUsage) is steadier on a shared, loaded machine.
function time(label, fn) {
  for (let i = 0; i < warmup; i++) fn();
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  const wallUs = Number(process.hrtime.bigint() - start) / 1000 / iterations;
  const used = process.cpuUsage(cpu);
  const cpuUs = (used.user + used.system) / iterations;
  console.log(`cedar-wasm ${cedar.getCedarVersion()} ${label}: ${wallUs.toFixed(1)} us/decision wall, ${cpuUs.toFixed(1)} us/decision cpu, over ${iterations} iterations (101 policies)`);
}

const pre = cedar.preparsePolicySet('bench', { staticPolicies: policies });
if (pre.type !== 'success') throw new Error(JSON.stringify(pre.errors));

const statefulCall = { ...request, preparsedPolicySetId: 'bench', entities };
const statelessCall = { ...request, policies: { staticPolicies: policies }, entities };
// Only the entities this request touches (alice and her groups): isolates the cost of the entity JSON parse.
const needed = entities.filter(e => e.uid.type !== 'Tool');
const statefulSmallCall = { ...request, preparsedPolicySetId: 'bench', entities: needed };
check(cedar.statefulIsAuthorized(statefulCall), 'statefulIsAuthorized');
check(cedar.isAuthorized(statelessCall), 'isAuthorized');
check(cedar.statefulIsAuthorized(statefulSmallCall), 'statefulIsAuthorized (small)');

time(`statefulIsAuthorized (pre-parsed policies, ${entities.length} entities)`, () => cedar.statefulIsAuthorized(statefulCall));
time(`statefulIsAuthorized (pre-parsed policies, ${needed.length} entities)`, () => cedar.statefulIsAuthorized(statefulSmallCall));
time('isAuthorized (parses policies per call)', () => cedar.isAuthorized(statelessCall));
