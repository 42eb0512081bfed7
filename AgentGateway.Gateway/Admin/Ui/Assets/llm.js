import { getJson, playground, sseEvents } from './api.js';
import { h, section } from './dom.js';
import { routePicker } from './playground.js';

// An OpenAI-compatible chat through the chosen route: tokens stream in as the gateway sends them, then the usage
// and the provider that answered (from the gateway's GenAI metrics) are shown.
export async function render(main) {
  const pick = await routePicker('llm');
  const model = h('input', { type: 'text', id: 'llm-model', list: 'llm-models', placeholder: 'model or alias' });
  const models = h('datalist', { id: 'llm-models' });
  const prompt = h('textarea', { id: 'llm-prompt' }, 'Say hello in five words.');
  const output = h('div', { id: 'llm-output', class: 'output' });
  const meta = h('div', { id: 'llm-meta', class: 'muted' });

  const loadModels = async () => {
    const res = await playground(pick.path('/models'), { method: 'GET', caller: pick.caller() });
    if (!res.ok) return;
    const list = (await res.json()).data ?? [];
    models.replaceChildren(...list.map(m => h('option', { value: m.id })));
    if (!model.value && list.length) model.value = list[0].id;
  };

  const send = async e => {
    e.preventDefault();
    output.textContent = '';
    meta.textContent = 'streaming…';
    delete output.dataset.done;
    const started = performance.now();
    const res = await playground(pick.path('/chat/completions'), {
      caller: pick.caller(),
      headers: { Accept: 'text/event-stream' },
      body: { model: model.value, stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: prompt.value }] },
    });
    if (!res.ok) {
      output.textContent = `HTTP ${res.status}: ${await res.text()}`;
      output.dataset.done = 'error';
      meta.textContent = '';
      return;
    }
    let usage = null, answeredModel = null, chunks = 0;
    for await (const ev of sseEvents(res)) {
      if (ev.data === '[DONE]') break;
      const chunk = JSON.parse(ev.data);
      answeredModel = chunk.model ?? answeredModel;
      usage = chunk.usage ?? usage;
      const delta = chunk.choices?.[0]?.delta?.content;
      if (delta) { output.append(delta); chunks++; output.dataset.chunks = String(chunks); }
    }
    const { answers } = await getJson('/api/llm/answers');
    const answer = answers.find(a => a.requestModel === model.value) ?? answers[0];
    meta.replaceChildren(
      `${chunks} chunks in ${Math.round(performance.now() - started)} ms · model ${answeredModel ?? '?'}`,
      usage ? ` · usage: ${usage.prompt_tokens} in, ${usage.completion_tokens} out` : ' · no usage reported',
      answer ? h('span', { id: 'llm-provider' }, ` · answered by provider type ${answer.providerType}`) : '');
    output.dataset.done = 'ok';
  };

  main.append(h('h2', {}, 'LLM playground'), section('Chat', pick.form,
    h('form', { class: 'grid', onsubmit: send }, 'Model', h('div', {}, model, models), 'Message', prompt,
      h('span'), h('div', { class: 'row' }, h('button', { type: 'submit', id: 'llm-send', disabled: pick.empty }, 'Send (stream)'),
        h('button', { type: 'button', class: 'secondary', onclick: loadModels }, 'Load models'))),
    h('h3', {}, 'Answer'), output, meta));
}
