// Drives the @a2a-js/sdk client against an agent URL (the gateway route in the tests) and prints one JSON
// object with what it saw, for the C# test to assert on.
//
//   node client.mjs <baseUrl> <protocolVersion 1.0|0.3> <binding JSONRPC|HTTP+JSON> <agent planner|echo>
//
// Steps: card discovery, blocking send, streaming send, get, then a long task that is resubscribed to and
// canceled. Any failure prints {"error": "..."} and exits 1.
import { randomUUID } from 'node:crypto';
import { ClientFactory, JsonRpcTransportFactory, RestTransportFactory } from '@a2a-js/sdk/client';

const [baseUrl, version, binding, agent] = process.argv.slice(2);
const legacy = version === '0.3';

const textOf = (parts) => (parts ?? []).map((p) => (p.content?.$case === 'text' ? p.content.value : '')).join('');
const stateName = (s) => (typeof s === 'number' ? ['UNSPECIFIED', 'SUBMITTED', 'WORKING', 'COMPLETED', 'FAILED', 'CANCELED', 'INPUT_REQUIRED', 'REJECTED', 'AUTH_REQUIRED'][s] : String(s));
const message = (text, extra = {}) => ({
  messageId: randomUUID(), role: 1, parts: [{ content: { $case: 'text', value: text }, metadata: undefined, filename: '', mediaType: 'text/plain' }],
  contextId: '', taskId: '', metadata: undefined, extensions: [], referenceTaskIds: [], ...extra,
});
const request = (msg, returnImmediately = false) => ({
  tenant: '', message: msg, metadata: undefined,
  configuration: { acceptedOutputModes: ['text'], taskPushNotificationConfig: undefined, returnImmediately },
});
const describe = (ev) => {
  const p = ev.payload ?? ev;
  switch (p.$case) {
    case 'task': return { kind: 'task', taskId: p.value.id, state: stateName(p.value.status?.state) };
    case 'message': return { kind: 'message', text: textOf(p.value.parts) };
    case 'statusUpdate': return { kind: 'status', taskId: p.value.taskId, state: stateName(p.value.status?.state), text: textOf(p.value.status?.message?.parts) };
    case 'artifactUpdate': return { kind: 'artifact', taskId: p.value.taskId, text: textOf(p.value.artifact?.parts) };
    default: return { kind: 'unknown' };
  }
};

async function main() {
  const out = { version, binding };

  // 1. Discovery through the given URL: the card as the SDK client fetches it (A2A-Version: 1.0), and the v0.3 card.
  const cardV1 = await (await fetch(`${baseUrl}/.well-known/agent-card.json`, { headers: { 'A2A-Version': '1.0' } })).json();
  const cardV03 = await (await fetch(`${baseUrl}/.well-known/agent-card.json`)).json();
  out.cardUrls = [
    ...(cardV1.supportedInterfaces ?? []).map((i) => i.url),
    cardV03.url, ...(cardV03.additionalInterfaces ?? []).map((i) => i.url),
  ].filter(Boolean);

  // 2. A client for exactly the requested version and binding, chosen from the gateway's card.
  const chosen = (cardV1.supportedInterfaces ?? []).filter((i) => i.protocolBinding === binding && i.protocolVersion.startsWith(legacy ? '0.3' : '1.'));
  if (chosen.length === 0) throw new Error(`card has no ${binding} interface for ${version}`);
  const factory = new ClientFactory({
    transports: [new JsonRpcTransportFactory({ legacyCompat: { enabled: legacy } }), new RestTransportFactory({ legacyCompat: { enabled: legacy } })],
  });
  const client = await factory.createFromAgentCard({ ...cardV1, supportedInterfaces: chosen });
  out.interfaceUrl = chosen[0].url;

  // 3. Blocking send.
  const input = agent === 'planner' ? 'book flights, reserve hotel then rent a car' : 'hello gateway';
  const sent = await client.sendMessage(request(message(input)));
  const task = sent.payload?.$case === 'task' ? sent.payload.value : sent;
  out.send = { taskId: task.id, state: stateName(task.status?.state), artifact: textOf(task.artifacts?.[0]?.parts) };

  // 4. Get it back.
  const got = await client.getTask({ tenant: '', id: task.id, historyLength: undefined });
  out.get = { taskId: got.id, state: stateName(got.status?.state) };

  // 5. Streaming send.
  out.stream = [];
  for await (const ev of client.sendMessageStream(request(message('stream 5')))) out.stream.push(describe(ev));

  // 6. A task that waits: resubscribe to it, cancel it, and watch the resubscription end with the cancel.
  const waiting = await client.sendMessage(request(message('wait'), true));
  const waitingTask = waiting.payload?.$case === 'task' ? waiting.payload.value : waiting;
  const resubscribed = [];
  const seenFirst = new Promise((resolve) => {
    out.resubscribeDone = (async () => {
      for await (const ev of client.resubscribeTask({ tenant: '', id: waitingTask.id })) { resubscribed.push(describe(ev)); resolve(); }
    })();
  });
  await seenFirst;
  const canceled = await client.cancelTask({ tenant: '', id: waitingTask.id, metadata: undefined });
  await out.resubscribeDone;
  delete out.resubscribeDone;
  out.cancel = { taskId: canceled.id, state: stateName(canceled.status?.state) };
  out.resubscribe = resubscribed;

  console.log(JSON.stringify(out));
}

main().catch((e) => { console.log(JSON.stringify({ error: String(e?.stack ?? e) })); process.exit(1); });
