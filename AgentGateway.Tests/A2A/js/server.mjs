// A tiny A2A agent built with @a2a-js/sdk (v1.0 with the v0.3 compat layer on), used by the
// gateway tests as a "foreign" agent. Usage: node server.mjs <port>. It prints
// {"listening":<port>} once ready. The message text picks the behaviour:
//   "wait"       -> task stays working until cancelled (for cancel/resubscribe tests)
//   "stream N"   -> N numbered status updates, then completed
//   anything else -> echoes the text as an artifact and completes
import express from 'express';
import { randomUUID } from 'node:crypto';
import { AGENT_CARD_PATH, TaskState, Role } from '@a2a-js/sdk';
import { DefaultRequestHandler, InMemoryTaskStore, AgentEvent } from '@a2a-js/sdk/server';
import { agentCardHandler, jsonRpcHandler, restHandler, UserBuilder } from '@a2a-js/sdk/server/express';

const app = express();
const server = app.listen(Number(process.argv[2] ?? 0), '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const port = server.address().port;
const base = `http://127.0.0.1:${port}`;

const textPart = (text) => ({ content: { $case: 'text', value: text }, metadata: undefined, filename: '', mediaType: 'text/plain' });
const agentMessage = (taskId, contextId, text) => ({
  messageId: randomUUID(), role: Role.ROLE_AGENT, parts: [textPart(text)], taskId, contextId,
  extensions: [], metadata: {}, referenceTaskIds: [],
});
const status = (taskId, contextId, state, text) => AgentEvent.statusUpdate({
  taskId, contextId, metadata: {},
  status: { state, timestamp: new Date().toISOString(), message: text ? agentMessage(taskId, contextId, text) : undefined },
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class EchoExecutor {
  cancelled = new Set();
  cancelTask = async (taskId, bus) => { this.cancelled.add(taskId); };
  async execute(ctx, bus) {
    const { taskId, contextId, userMessage } = ctx;
    const text = userMessage.parts.map((p) => (p.content?.$case === 'text' ? p.content.value : '')).join('');
    if (!ctx.task) {
      bus.publish(AgentEvent.task({ id: taskId, contextId, artifacts: [], history: [userMessage], metadata: {},
        status: { state: TaskState.TASK_STATE_SUBMITTED, timestamp: new Date().toISOString(), message: undefined } }));
    }
    bus.publish(status(taskId, contextId, TaskState.TASK_STATE_WORKING));
    const m = /^stream (\d+)$/.exec(text.trim());
    if (text.trim() === 'wait') {
      while (!this.cancelled.has(taskId)) await sleep(20);
      bus.publish(status(taskId, contextId, TaskState.TASK_STATE_CANCELED, 'cancelled'));
      bus.finished();
      return;
    }
    if (m) {
      for (let i = 1; i <= Number(m[1]); i++) {
        bus.publish(status(taskId, contextId, TaskState.TASK_STATE_WORKING, `event ${i}`));
        await sleep(10);
      }
    } else {
      bus.publish(AgentEvent.artifactUpdate({ taskId, contextId, append: false, lastChunk: true, metadata: {},
        artifact: { artifactId: randomUUID(), name: 'echo', description: '', parts: [textPart(`echo: ${text}`)], metadata: {}, extensions: [] } }));
    }
    bus.publish(status(taskId, contextId, TaskState.TASK_STATE_COMPLETED, 'done'));
    bus.finished();
  }
}

const card = {
  name: 'JS Echo Agent', description: 'Echo agent built with @a2a-js/sdk', version: '1.0.0',
  supportedInterfaces: [
    { url: `${base}/a2a/jsonrpc`, protocolBinding: 'JSONRPC', tenant: '', protocolVersion: '1.0' },
    { url: `${base}/a2a/rest`, protocolBinding: 'HTTP+JSON', tenant: '', protocolVersion: '1.0' },
    { url: `${base}/a2a/jsonrpc`, protocolBinding: 'JSONRPC', tenant: '', protocolVersion: '0.3' },
    { url: `${base}/a2a/rest`, protocolBinding: 'HTTP+JSON', tenant: '', protocolVersion: '0.3' },
  ],
  provider: { organization: 'AgentGateway tests', url: base },
  capabilities: { streaming: true, pushNotifications: false, extensions: [], extendedAgentCard: false },
  securitySchemes: {}, securityRequirements: [], defaultInputModes: ['text'], defaultOutputModes: ['text'],
  skills: [{ id: 'echo', name: 'Echo', description: 'Echoes text', tags: ['echo'], examples: ['hi'], inputModes: ['text'], outputModes: ['text'], securityRequirements: [] }],
  documentationUrl: '', signatures: [],
};

const handler = new DefaultRequestHandler(card, new InMemoryTaskStore(), new EchoExecutor());
app.get('/health', (_req, res) => res.send('ok'));
app.use(`/${AGENT_CARD_PATH}`, agentCardHandler({ agentCardProvider: handler, legacyCompat: { enabled: true } }));
app.use('/a2a/jsonrpc', jsonRpcHandler({ requestHandler: handler, userBuilder: UserBuilder.noAuthentication, legacyCompat: { enabled: true } }));
app.use('/a2a/rest', restHandler({ requestHandler: handler, userBuilder: UserBuilder.noAuthentication, legacyCompat: { enabled: true } }));
console.log(JSON.stringify({ listening: port }));
