// A TypeScript SDK MCP server over stdio that speaks one protocol revision: it answers `initialize` with the
// revision given as its argument, whatever the client offered (the SDK itself would answer the client's own).
// Tools echo, countdown (progress), ask (sampling) and confirm (elicitation); resource note://readme; prompt greet —
// the same surface as the C# PinnedMcpServer, for AgentGateway.Tests/Mcp/McpVersionMatrixTests.cs.
//   node pinned-stdio-server.mjs 2025-06-18
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const revision = process.argv[2];
if (!revision) {
  console.error('usage: node pinned-stdio-server.mjs REVISION');
  process.exit(2);
}

const server = new McpServer({ name: `ts-pinned-${revision}`, version: '1.0.0' });

// The SDK registers initialize as `request => this._oninitialize(request)`, so the instance method is the hook.
const sdk = server.server;
const negotiate = sdk._oninitialize.bind(sdk);
sdk._oninitialize = async request => ({ ...(await negotiate(request)), protocolVersion: revision });

server.registerTool('echo', { description: 'Echoes the text', inputSchema: { text: z.string() } },
  async ({ text }) => ({ content: [{ type: 'text', text }] }));

server.registerTool('countdown', { description: "Reports progress from n down to 1, then returns 'liftoff'", inputSchema: { n: z.number() } },
  async ({ n }, extra) => {
    const progressToken = extra._meta?.progressToken;
    for (let i = 0; i < n; i++) {
      if (progressToken !== undefined) {
        await extra.sendNotification({ method: 'notifications/progress', params: { progressToken, progress: i + 1, total: n, message: `${n - i}` } });
      }
      await new Promise(resolve => setTimeout(resolve, 20));
    }
    return { content: [{ type: 'text', text: 'liftoff' }] };
  });

server.registerTool('ask', { description: "Asks the client's model (sampling)", inputSchema: { question: z.string() } },
  async ({ question }) => {
    const answer = await sdk.createMessage({ messages: [{ role: 'user', content: { type: 'text', text: question } }], maxTokens: 50 });
    return { content: [{ type: 'text', text: answer.content.type === 'text' ? answer.content.text : '' }] };
  });

server.registerTool('confirm', { description: 'Asks the user (elicitation) for their name', inputSchema: {} },
  async () => {
    try {
      const answer = await sdk.elicitInput({ message: 'Who are you?', requestedSchema: { type: 'object', properties: { name: { type: 'string', title: 'Name' } } } });
      return { content: [{ type: 'text', text: answer.action === 'accept' ? `hello ${answer.content?.name}` : answer.action }] };
    } catch (error) {
      return { content: [{ type: 'text', text: `elicitation failed: ${error.message}` }] };
    }
  });

server.registerResource('readme', 'note://readme', { mimeType: 'text/plain', description: 'A note' },
  async uri => ({ contents: [{ uri: uri.href, mimeType: 'text/plain', text: 'read me first' }] }));

server.registerPrompt('greet', { description: 'Greets someone', argsSchema: { name: z.string() } },
  ({ name }) => ({ messages: [{ role: 'user', content: { type: 'text', text: `Say hello to ${name}` } }] }));

await server.connect(new StdioServerTransport());
