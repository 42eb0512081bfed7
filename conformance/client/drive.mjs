// Drives one client scenario of the conformance suite THROUGH the gateway: this script is an ordinary MCP
// client (the TypeScript SDK) talking to the gateway's route; the gateway is the MCP client the suite's test
// server sees. It does what the scenario's server expects a client to do (connect, list tools, call the
// scenario's tool) and exits non-zero when the gateway hands back something wrong.
//   node drive.mjs GATEWAY_ROUTE_URL SCENARIO
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const [url, scenario] = process.argv.slice(2);
if (!url || !scenario) {
  console.error('usage: node drive.mjs GATEWAY_ROUTE_URL SCENARIO');
  process.exit(2);
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

// The gateway is started just before this script; retry the connection until it answers.
async function connect(capabilities, configure) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const client = new Client({ name: 'agentgateway-conformance-driver', version: '1.0.0' }, { capabilities });
    configure?.(client);
    try {
      await client.connect(new StreamableHTTPClientTransport(new URL(url)));
      return client;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(250);
    }
  }
}

// The gateway connects to its targets in the background: a target's tools appear once it is up.
async function waitForTool(client, name) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { tools } = await client.listTools();
    if (name === undefined || tools.some(t => t.name === name)) return tools;
    if (Date.now() > deadline) throw new Error(`tool '${name}' never appeared; tools: ${tools.map(t => t.name).join(', ')}`);
    await sleep(250);
  }
}

function text(result) {
  return (result.content ?? []).filter(c => c.type === 'text').map(c => c.text).join('\n');
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

const scenarios = {
  // The suite's server records the gateway's initialize (version, clientInfo).
  async initialize() {
    const client = await connect({});
    await waitForTool(client);
    await client.close();
  },

  async tools_call() {
    const client = await connect({});
    await waitForTool(client, 'add_numbers');
    const result = await client.callTool({ name: 'add_numbers', arguments: { a: 5, b: 3 } });
    expect(!result.isError && text(result).includes('8'), `unexpected add_numbers result: ${JSON.stringify(result)}`);
    await client.close();
  },

  // The suite's server closes the tools/call stream after a priming event; the gateway must reconnect with
  // Last-Event-ID after the announced retry delay and deliver the answer that arrives on the new stream.
  async 'sse-retry'() {
    const client = await connect({});
    await waitForTool(client, 'test_reconnection');
    const result = await client.callTool({ name: 'test_reconnection', arguments: {} }, undefined, { timeout: 20_000 });
    expect(text(result).includes('Reconnection test completed successfully'), `unexpected result: ${JSON.stringify(result)}`);
    await client.close();
  },

  // The gateway forwards the server's elicitation to this client, which accepts with an empty form; the SDK's
  // applyDefaults fills in the schema's defaults. Passes only if the defaults survive the gateway both ways.
  async 'elicitation-sep1034-client-defaults'() {
    const client = await connect({ elicitation: { form: { applyDefaults: true } } }, c =>
      c.setRequestHandler(ElicitRequestSchema, async () => ({ action: 'accept', content: {} })));
    await waitForTool(client, 'test_client_elicitation_defaults');
    const result = await client.callTool({ name: 'test_client_elicitation_defaults', arguments: {} });
    expect(text(result).startsWith('Elicitation completed'), `unexpected result: ${JSON.stringify(result)}`);
    await client.close();
  },
};

const run = scenarios[scenario];
if (!run) {
  console.error(`scenario '${scenario}' is not driven through the gateway (known: ${Object.keys(scenarios).join(', ')})`);
  process.exit(2);
}

try {
  await run();
  console.log(`${scenario}: driven through the gateway`);
} catch (error) {
  console.error(`${scenario}: ${error?.stack ?? error}`);
  process.exit(1);
}
