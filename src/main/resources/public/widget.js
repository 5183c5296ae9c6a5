/*
 * Stack Advisor chat widget: one tag on any page gives a chat box where the tag stands.
 *
 *   <script src="https://advisor.example.com/widget.js" data-endpoint="https://advisor.example.com"></script>
 *
 * data-endpoint is where the API lives; it defaults to the origin the script was loaded from, and a relative
 * value ("." or "/") is read against the page, so a page served by Stack Advisor itself can say "this server".
 * Plain modern JavaScript on purpose: no framework, no build step, nothing fetched but the API.
 */
(() => {
  'use strict';

  // currentScript is null only when the script is run from a callback or as a module; then find the tag by name.
  const script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  if (!script) return;

  const endpoint = (() => {
    const url = new URL(script.dataset.endpoint || new URL(script.src, document.baseURI).origin, document.baseURI);
    return url.origin + url.pathname.replace(/\/+$/, ''); // keep a path prefix (reverse proxies), drop the slash
  })();

  const MAX_CHARS = 4000; // the server refuses longer messages (README: message is 1–4,000 characters)
  // Longer than the server's LLM timeout (20 s by default) plus its extractive fallback, so a slow answer is
  // still waited for, but a stalled connection does not leave the user looking at "Thinking…" forever.
  const IDLE_TIMEOUT_MS = 45000;
  const MAX_SAVED_TURNS = 20; // what a reload redraws; the server keeps its own memory of the conversation
  // One conversation per API endpoint: two widgets for two advisors on one page must not share a session.
  const SESSION_KEY = 'stack-advisor:session:' + endpoint;
  const LOG_KEY = 'stack-advisor:log:' + endpoint;
  const SESSION_ID = /^[A-Za-z0-9_-]{1,128}$/; // what the server accepts; anything else in storage is ignored
  const MARKERS = /\[(\d+(?:\s*,\s*\d+)*)\]/g; // [1] and [1, 2]
  const ANSWER_ID = /^[A-Za-z0-9_-]{1,64}$/; // what POST /api/feedback accepts
  const MAX_COMMENT = 2000; // the server refuses longer comments

  // sessionStorage throws when storage is disabled, in sandboxed iframes or over quota: the widget then
  // simply forgets the conversation on reload instead of breaking.
  const store = {
    get(key) { try { return sessionStorage.getItem(key); } catch { return null; } },
    set(key, value) { try { sessionStorage.setItem(key, value); } catch { /* forget on reload */ } },
    remove(key) { try { sessionStorage.removeItem(key); } catch { /* nothing to forget */ } },
  };

  // Colours meet WCAG AA (4.5:1) on white: #1f2937 text, #4b5563 secondary, #1d4ed8 buttons, #9a3412 warnings.
  // `all: initial` stops the page's inherited fonts, colours and line heights leaking in; it is repeated on
  // .panel because a page rule such as `div { color: red }` outranks :host on the host element itself.
  const CSS = `
    :host { all: initial; display: block; max-width: 42rem; margin: 1rem 0; }
    * { box-sizing: border-box; }
    .panel { all: initial; display: block; box-sizing: border-box; border: 1px solid #d1d5db; border-radius: 12px;
             background: #fff; padding: 16px; box-shadow: 0 1px 3px rgba(0,0,0,.08); color: #1f2937; text-align: left;
             font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    header { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
    h2 { font-size: 1.1rem; margin: 0; }
    .intro, .hint { color: #4b5563; font-size: .875rem; margin: 4px 0 12px; }
    .log { max-height: 28rem; overflow-y: auto; display: flex; flex-direction: column; gap: 10px; }
    .log:not(:empty) { margin-bottom: 12px; }
    .msg { border-radius: 10px; padding: 8px 12px; }
    .msg p { margin: 0; white-space: pre-wrap; }
    .msg .text > * + * { margin-top: 6px; }
    .msg ul { margin: 0; padding-left: 1.2em; }
    .compare { border-collapse: collapse; width: 100%; font-size: .875rem; table-layout: fixed; }
    .compare th, .compare td { border: 1px solid #e5e7eb; padding: 4px 6px; vertical-align: top; text-align: left; }
    .compare .corner { width: 6.5em; }
    .compare th[scope="row"] { color: #4b5563; font-weight: 600; }
    .compare thead th { background: #eef2ff; }
    .compare .lang { display: block; font-weight: 400; color: #4b5563; font-size: .75rem; }
    .compare td p + p { margin-top: 4px; }
    .who { display: block; font-size: .75rem; font-weight: 600; color: #4b5563; }
    .user { background: #eff6ff; align-self: flex-end; max-width: 85%; }
    .bot { background: #f9fafb; border: 1px solid #e5e7eb; }
    .bot .text:empty::after { content: "Thinking…"; color: #4b5563; }
    .ungrounded { border-color: #fdba74; background: #fff7ed; }
    .note { color: #9a3412; font-size: .875rem; margin-top: 6px !important; }
    .chip { font: inherit; font-size: .75rem; font-weight: 600; line-height: 1; min-width: 1.6em; margin: 0 2px;
            padding: 3px 6px; border-radius: 999px; border: 1px solid #1d4ed8; background: #e0e7ff;
            color: #1e3a8a; cursor: pointer; vertical-align: baseline; }
    .cites { white-space: nowrap; }
    .chip[aria-expanded="true"] { background: #1d4ed8; color: #fff; }
    .source { margin-top: 8px; padding: 8px 10px; border-left: 3px solid #1d4ed8; background: #fff; }
    .source blockquote { margin: 0 0 4px; font-style: italic; }
    .source .cite { font-size: .8125rem; color: #4b5563; }
    label { display: block; font-weight: 600; margin-bottom: 4px; }
    textarea { width: 100%; font: inherit; color: inherit; padding: 8px 10px; border: 1px solid #6b7280;
               border-radius: 8px; resize: vertical; min-height: 3.2em; background: #fff; }
    .row { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-top: 6px; }
    .row .hint { margin: 0; }
    button.send, button.new { font: inherit; font-weight: 600; border-radius: 8px; cursor: pointer; padding: 6px 16px; }
    button.send { background: #1d4ed8; color: #fff; border: 1px solid #1d4ed8; }
    button.send[aria-disabled="true"] { background: #6b7280; border-color: #6b7280; cursor: progress; }
    button.new { background: #fff; color: #1d4ed8; border: 1px solid #1d4ed8; font-size: .8125rem; padding: 4px 10px; }
    .error:not(:empty) { margin: 0 0 10px; padding: 8px 12px; border-radius: 8px; background: #fef2f2;
                         border: 1px solid #fca5a5; color: #991b1b; }
    .status { margin: 0; min-height: 0; font-size: .875rem; color: #4b5563; }
    .status:not(:empty) { margin-bottom: 8px; }
    /* Keyboard users must always see where they are: a thick outline that survives any background. */
    :focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
    textarea:focus-visible { outline-offset: 0; }
    .feedback { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 8px !important; }
    button.rate { font: inherit; font-size: 1rem; line-height: 1; padding: 4px 10px; border-radius: 8px; cursor: pointer;
                  background: #fff; border: 1px solid #6b7280; }
    button.rate[aria-pressed="true"] { background: #e0e7ff; border-color: #1d4ed8; }
    button.rate:disabled { cursor: default; }
    .feedback form { flex-basis: 100%; }
    .feedback textarea { min-height: 2.4em; }
    .feedback .thanks { font-size: .8125rem; color: #4b5563; }
    [hidden] { display: none !important; }
  `;

  // Static markup only; everything that comes from the server is inserted with textContent, never as HTML.
  // The log is the polite live region: it is marked aria-busy while tokens stream in, so screen readers
  // announce the finished answer once instead of every fragment.
  const HTML = `
    <section class="panel" aria-labelledby="title">
      <header>
        <h2 id="title">Stack Advisor</h2>
        <button type="button" class="new" hidden>New conversation</button>
      </header>
      <p class="intro">Ask which backend framework fits your project. Every answer quotes the articles it comes from.</p>
      <div class="log" role="log" aria-live="polite" aria-label="Conversation" tabindex="0"></div>
      <p class="status" role="status"></p>
      <div class="error" role="alert"></div>
      <form novalidate>
        <label for="question">Your question</label>
        <textarea id="question" rows="2" maxlength="${MAX_CHARS}" aria-describedby="hint"
                  placeholder="e.g. FastAPI or NestJS for an agent backend?"></textarea>
        <div class="row">
          <span id="hint" class="hint">Enter sends · Shift+Enter adds a new line</span>
          <button type="submit" class="send">Ask</button>
        </div>
      </form>
    </section>`;

  // ---- mount: a shadow root keeps the page's CSS out and ours in ----
  // A custom tag name, not a <div>: page rules such as `div { border: … }` then cannot reach the host either.
  const host = document.createElement('stack-advisor-widget');
  const root = host.attachShadow({ mode: 'open' });
  // A constructed stylesheet is not an inline <style>, so sites whose CSP forbids inline styles still work.
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    root.append(Object.assign(document.createElement('style'), { textContent: CSS }));
  }
  const template = document.createElement('template');
  template.innerHTML = HTML;
  root.append(template.content);
  if (script.parentNode && script.closest('body')) {
    script.after(host); // the chat box appears where the tag is
  } else {
    const mount = () => document.body.append(host); // a tag in <head>: there is nowhere to stand yet
    document.body ? mount() : document.addEventListener('DOMContentLoaded', mount);
  }

  const $ = (selector) => root.querySelector(selector);
  const log = $('.log'), statusEl = $('.status'), errorEl = $('.error'), form = $('form');
  const input = $('textarea'), sendButton = $('.send'), newButton = $('.new');

  let busy = false;
  let current = null; // the AbortController of the request in flight
  let blockedUntil = 0; // after a 429: no new question before this time (ms)
  let turnCount = 0; // makes ids unique inside this shadow root
  let pointerOnChip = false; // see chip(): a mouse press must not open a source twice (focus, then click)

  // ---- small helpers ----
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }
  const scrollToEnd = () => { log.scrollTop = log.scrollHeight; };
  const setStatus = (text) => { statusEl.textContent = text; };
  const showError = (text) => { errorEl.textContent = text; };
  function savedSession() {
    const id = store.get(SESSION_KEY);
    return id && SESSION_ID.test(id) ? id : null;
  }
  function saveSession(id) {
    if (typeof id === 'string' && SESSION_ID.test(id)) store.set(SESSION_KEY, id);
    newButton.hidden = !savedSession();
  }
  function savedTurns() {
    try { return JSON.parse(store.get(LOG_KEY) || '[]'); } catch { return []; }
  }
  function saveTurn(question, reply) {
    const { answer, grounded, citations, sections, answerId } = reply; // only what redrawing needs
    store.set(LOG_KEY, JSON.stringify([...savedTurns(), { question, answer, grounded, citations, sections, answerId }]
      .slice(-MAX_SAVED_TURNS)));
  }

  // ---- rendering ----
  function addMessage(who) {
    const msg = el('div', 'msg ' + who);
    msg.append(el('span', 'who', who === 'user' ? 'You' : 'Stack Advisor'), el('div', 'text'));
    log.append(msg);
    scrollToEnd();
    return msg;
  }

  /**
   * Replaces a bubble's text with the authoritative answer. The answer is light Markdown (paragraphs, "- " bullets,
   * **bold**) and is drawn with text nodes and elements only, never parsed as HTML; [n] markers become source
   * chips. A comparison (sections with two or more frameworks) is drawn as a table: a column per framework, a row
   * per kind of claim, each claim with its chip.
   */
  function renderAnswer(msg, reply) {
    const text = msg.querySelector('.text');
    const byNumber = new Map((reply.citations || []).map((c) => [c.n, c]));
    const panel = el('div', 'source');
    panel.id = 'source-' + ++turnCount;
    panel.hidden = true;
    text.replaceChildren();
    const ctx = { byNumber, panel, msg };
    const sections = reply.sections;
    if (sections && Array.isArray(sections.frameworks) && sections.frameworks.length >= 2) {
      text.append(paragraph(sections.verdict || '', ctx), comparison(sections.frameworks, ctx));
      (sections.notes || []).forEach((note) => text.append(paragraph(note, ctx)));
    } else {
      markdown(reply.answer, ctx).forEach((node) => text.append(node));
    }
    msg.querySelectorAll('.note, .source, .feedback').forEach((node) => node.remove());
    if (reply.grounded === false) {
      msg.classList.add('ungrounded');
      msg.append(el('p', 'note', 'Not answered from the sources: the articles do not cover this question.'));
    }
    msg.append(panel);
    if (typeof reply.answerId === 'string' && ANSWER_ID.test(reply.answerId)) {
      msg.append(feedback(reply.answerId, panel.id));
    }
    scrollToEnd();
  }

  /**
   * 👍 / 👎 under an answer: real buttons with labels, so they work from the keyboard and read well. 👍 sends the
   * rating at once; 👎 first opens a comment box (optional) whose Send button sends it. The rating is stored by
   * POST /api/feedback; a failure says so and lets the user try again.
   */
  function feedback(answerId, idBase) {
    const box = el('div', 'feedback');
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', 'Rate this answer');
    const up = el('button', 'rate up', '👍');
    const down = el('button', 'rate down', '👎');
    for (const [button, label] of [[up, 'Helpful'], [down, 'Not helpful']]) {
      button.type = 'button';
      button.setAttribute('aria-label', label);
      button.setAttribute('aria-pressed', 'false');
    }
    down.setAttribute('aria-expanded', 'false');
    const form = el('form');
    form.hidden = true;
    form.noValidate = true;
    const commentId = idBase + '-comment';
    down.setAttribute('aria-controls', commentId);
    const label = el('label', null, 'What was wrong or missing? (optional)');
    label.htmlFor = commentId;
    const comment = el('textarea');
    comment.id = commentId;
    comment.rows = 2;
    comment.maxLength = MAX_COMMENT;
    const row = el('div', 'row');
    const send = el('button', 'send', 'Send feedback');
    send.type = 'submit';
    row.append(send);
    form.append(label, comment, row);
    const thanks = el('span', 'thanks');
    thanks.setAttribute('role', 'status');
    box.append(up, down, thanks, form);

    async function rate(rating, text) {
      const chosen = rating === 'up' ? up : down;
      [up, down, send].forEach((b) => { b.disabled = true; });
      thanks.textContent = 'Sending…';
      try {
        const body = { answerId, rating };
        if (text) body.comment = text;
        const response = await fetch(endpoint + '/api/feedback', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (response.status !== 201) throw new WidgetError(response.status === 503
          ? 'Feedback cannot be saved right now. Please try again later.'
          : `Your feedback could not be sent (error ${response.status}). Please try again.`);
        chosen.setAttribute('aria-pressed', 'true');
        form.hidden = true;
        down.setAttribute('aria-expanded', 'false');
        thanks.textContent = 'Thanks for your feedback.';
      } catch (error) {
        [up, down, send].forEach((b) => { b.disabled = false; });
        thanks.textContent = error instanceof WidgetError ? error.message
          : 'Your feedback could not be sent: Stack Advisor cannot be reached. Please try again.';
      }
    }
    up.addEventListener('click', () => rate('up'));
    down.addEventListener('click', () => {
      form.hidden = !form.hidden;
      down.setAttribute('aria-expanded', String(!form.hidden));
      if (!form.hidden) comment.focus();
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      rate('down', comment.value.trim().slice(0, MAX_COMMENT));
    });
    comment.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { form.hidden = true; down.setAttribute('aria-expanded', 'false'); down.focus(); }
    });
    return box;
  }

  /** Blocks of the answer's Markdown: a run of "- " lines is a list, any other block a paragraph. */
  function markdown(answer, ctx) {
    const nodes = [];
    for (const block of answer.split(/\n{2,}/)) {
      let list = null;
      let lines = [];
      const flush = () => { if (lines.length) { nodes.push(paragraph(lines.join('\n'), ctx)); lines = []; } };
      for (const line of block.split('\n')) {
        if (line.startsWith('- ')) {
          flush();
          if (!list) { list = el('ul'); nodes.push(list); }
          list.append(inline(el('li'), line.slice(2), ctx));
        } else {
          list = null;
          lines.push(line);
        }
      }
      flush();
    }
    return nodes;
  }

  function paragraph(line, ctx) {
    return inline(el('p'), line, ctx);
  }

  /** The frameworks side by side: header row name (language), then a row per kind of claim any of them has. */
  function comparison(frameworks, ctx) {
    const table = el('table', 'compare');
    const head = el('tr');
    head.append(el('td', 'corner'));
    for (const f of frameworks) {
      const th = el('th', null, String(f.name));
      th.scope = 'col';
      if (f.language) th.append(el('span', 'lang', String(f.language)));
      head.append(th);
    }
    const body = el('tbody');
    const thead = el('thead');
    thead.append(head);
    table.append(thead, body);
    const rows = [['overview', 'What it is'], ['fit', 'Fit'], ['strengths', 'Strengths'], ['watchOuts', 'Watch out'],
      ['evidence', 'Case study']];
    for (const [key, label] of rows) {
      if (!frameworks.some((f) => Array.isArray(f[key]) && f[key].length)) continue;
      const tr = el('tr');
      const th = el('th', null, label);
      th.scope = 'row';
      tr.append(th);
      for (const f of frameworks) {
        const td = el('td');
        (Array.isArray(f[key]) ? f[key] : []).forEach((item) => td.append(inline(el('p'), `${item.text} [${item.n}]`, ctx)));
        tr.append(td);
      }
      body.append(tr);
    }
    return table;
  }

  /** Fills {@code node} with a line's text: **bold** as <strong>, [n] markers as chips, all else as text nodes. */
  function inline(node, line, ctx) {
    const parts = String(line).split(/\*\*(\S(?:[^*]*\S)?)\*\*/);
    parts.forEach((part, i) => {
      if (i % 2 === 1) node.append(el('strong', null, part));
      else withChips(node, part, ctx);
    });
    return node;
  }

  function withChips(node, textPart, ctx) {
    let last = 0;
    for (const m of textPart.matchAll(MARKERS)) {
      const numbers = m[1].split(/\s*,\s*/).map(Number);
      node.append(textPart.slice(last, m.index));
      last = m.index + m[0].length;
      // a marker without a citation stays plain text rather than becoming a chip that opens nothing
      if (!numbers.every((n) => ctx.byNumber.has(n))) {
        node.append(m[0]);
        continue;
      }
      // chips and the punctuation right after them wrap as one, so a line never starts with a lone "."
      const group = el('span', 'cites');
      numbers.forEach((n) => group.append(chip(ctx.byNumber.get(n), ctx.panel, ctx.msg)));
      const punctuation = /^[.,;:!?)]+/.exec(textPart.slice(last));
      if (punctuation) {
        group.append(punctuation[0]);
        last += punctuation[0].length;
      }
      node.append(group);
    }
    node.append(textPart.slice(last));
  }

  /**
   * A [n] marker as a button that reveals its quote and source in the answer's panel. Keyboard focus reveals it
   * at once (so tabbing through an answer reads its evidence); a click toggles it. A mouse press also focuses
   * the button, so focus caused by the pointer is left to the click, or the source would open and close at once.
   */
  function chip(citation, panel, msg) {
    const button = el('button', 'chip', String(citation.n));
    button.type = 'button';
    button.setAttribute('aria-label', `Source ${citation.n}: ${citation.title}`);
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', panel.id);
    button.addEventListener('pointerdown', () => { pointerOnChip = true; });
    button.addEventListener('focus', () => {
      if (pointerOnChip) pointerOnChip = false;
      else showSource(button, citation, panel, msg);
    });
    button.addEventListener('click', () => {
      pointerOnChip = false;
      if (button.getAttribute('aria-expanded') === 'true') hideSource(panel, msg);
      else showSource(button, citation, panel, msg);
    });
    button.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') hideSource(panel, msg);
    });
    return button;
  }

  function showSource(button, citation, panel, msg) {
    msg.querySelectorAll('.chip').forEach((b) => b.setAttribute('aria-expanded', String(b === button)));
    const origin = [citation.title, citation.publisher, citation.section && '§ ' + citation.section].filter(Boolean).join(' · ');
    panel.replaceChildren(el('blockquote', 'quote', `“${citation.quote}”`), el('p', 'cite', `[${citation.n}] ${origin}`));
    panel.hidden = false;
    panel.scrollIntoView({ block: 'nearest' }); // the log scrolls: a source opened near its bottom must be seen
  }

  function hideSource(panel, msg) {
    msg.querySelectorAll('.chip').forEach((b) => b.setAttribute('aria-expanded', 'false'));
    panel.hidden = true;
  }

  // ---- talking to the server ----
  class WidgetError extends Error {
    constructor(message, retryAfterSeconds = 0) {
      super(message);
      this.retryAfterSeconds = retryAfterSeconds;
    }
  }

  /** Retry-After is either seconds or an HTTP date. */
  function retryAfter(response) {
    const value = response.headers.get('Retry-After');
    if (!value) return 0;
    const seconds = /^\d+$/.test(value) ? Number(value) : Math.ceil((Date.parse(value) - Date.now()) / 1000);
    return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
  }

  /** A non-2xx reply before the stream started, as something a person can act on. */
  async function httpError(response) {
    let message = '';
    try { message = (await response.json()).error.message || ''; } catch { /* not our JSON (a proxy page) */ }
    const wait = retryAfter(response);
    if (response.status === 429) {
      return new WidgetError(`Stack Advisor is getting a lot of questions right now. Please try again in ${
        wait ? wait + (wait === 1 ? ' second' : ' seconds') : 'a moment'}.`, wait);
    }
    if (response.status === 503) {
      return new WidgetError('Stack Advisor is still starting up. Please try again in a few seconds.', wait);
    }
    if (response.status === 401 || response.status === 403) {
      return new WidgetError('This site is not allowed to ask Stack Advisor' + (message ? ` (${message}).` : '.'));
    }
    if (response.status < 500 && message) {
      return new WidgetError(`Your question could not be sent: ${message}.`.replace(/\.\.$/, '.'));
    }
    return new WidgetError(`Stack Advisor could not answer (error ${response.status}). Please try again.`);
  }

  /**
   * Server-sent events from a fetch() body. EventSource cannot POST, so the stream is read by hand: events are
   * separated by a blank line, `event:` names them and `data:` lines carry JSON. Stopping early (the consumer
   * throws or returns) cancels the reader, which closes the connection and lets the server stop generating.
   */
  async function* serverEvents(body, onData) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
        buffer = buffer.replace(/\r\n/g, '\n'); // the whole buffer, so a CR and LF split across chunks still pair
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = parseEvent(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (event) yield event;
        }
        if (done) break;
        onData();
      }
      const event = parseEvent(buffer); // a last event without its blank line
      if (event) yield event;
    } finally {
      reader.cancel().catch(() => {});
    }
  }

  function parseEvent(block) {
    let name = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue; // comments keep idle connections open
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    }
    return data.length ? { name, data: JSON.parse(data.join('\n')) } : null;
  }

  /** One turn: stream the answer into a new bubble. On failure the turn is undone and the question given back. */
  async function ask(question) {
    busy = true;
    sendButton.setAttribute('aria-disabled', 'true');
    showError('');
    setStatus('Looking through the sources…');
    const mine = addMessage('user');
    mine.querySelector('.text').textContent = question;
    const reply = addMessage('bot');
    const text = reply.querySelector('.text');
    log.setAttribute('aria-busy', 'true');

    const controller = new AbortController();
    current = controller;
    let timedOut = false;
    let idle;
    const stillAlive = () => {
      clearTimeout(idle);
      idle = setTimeout(() => { timedOut = true; controller.abort(); }, IDLE_TIMEOUT_MS);
    };
    stillAlive();
    let streaming = false;
    try {
      const body = { message: question };
      const sessionId = savedSession();
      if (sessionId) body.sessionId = sessionId;
      const response = await fetch(endpoint + '/api/chat/stream', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      if (!response.ok) throw await httpError(response);
      streaming = true;
      let done = null;
      for await (const event of serverEvents(response.body, stillAlive)) {
        if (event.name === 'meta') saveSession(event.data.sessionId);
        else if (event.name === 'token') { text.append(event.data.text); scrollToEnd(); }
        else if (event.name === 'done') done = event.data;
        else if (event.name === 'error') throw new WidgetError(`Stack Advisor could not finish this answer: ${event.data.error.message}`);
      }
      if (!done) throw new WidgetError('The answer was cut off before it was complete. Please try again.');
      saveSession(done.sessionId);
      renderAnswer(reply, done); // the done answer is authoritative: it replaces the streamed text
      saveTurn(question, done);
      setStatus('');
    } catch (error) {
      mine.remove();
      reply.remove();
      setStatus('');
      if (controller.signal.aborted && !timedOut) {
        if (!input.value) input.value = question; // stopped by "New conversation": nothing to report
        return;
      }
      if (error.retryAfterSeconds) blockedUntil = Date.now() + error.retryAfterSeconds * 1000;
      showError(error instanceof WidgetError ? error.message
        : timedOut ? 'Stack Advisor took too long to answer. Please try again.'
        : !navigator.onLine ? 'You seem to be offline. Check your connection, then try again.'
        : streaming ? 'The connection dropped before the answer was complete. Please try again.'
        : `Cannot reach Stack Advisor at ${endpoint}. Check your connection, then try again.`);
      // Give the question back so nothing typed is lost, unless the user has already typed something new.
      if (!input.value.trim()) input.value = question;
      input.focus();
    } finally {
      clearTimeout(idle);
      log.setAttribute('aria-busy', 'false');
      if (current === controller) current = null;
      busy = false;
      sendButton.removeAttribute('aria-disabled');
    }
  }

  // ---- wiring ----
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (busy) return; // one question at a time; the button says so with aria-disabled
    const question = input.value.trim();
    if (!question) {
      showError('Type a question first.');
      input.focus();
      return;
    }
    const wait = Math.ceil((blockedUntil - Date.now()) / 1000);
    if (wait > 0) {
      showError(`Please wait ${wait} more ${wait === 1 ? 'second' : 'seconds'} before asking again.`);
      return;
    }
    input.value = ''; // ask() puts it back if the question does not get through
    ask(question);
  });

  input.addEventListener('keydown', (e) => {
    // isComposing: Enter also confirms IME input (Japanese, Chinese…); that Enter must not send.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });

  newButton.addEventListener('click', () => {
    if (current) current.abort();
    store.remove(SESSION_KEY);
    store.remove(LOG_KEY);
    log.replaceChildren();
    showError('');
    newButton.hidden = true;
    setStatus('New conversation started.');
    input.focus(); // the button just disappeared; put the user where they will type
  });

  // Redraw the conversation this tab already had, so a reload does not hide what the server remembers.
  for (const turn of savedTurns()) {
    if (!turn || typeof turn.question !== 'string' || typeof turn.answer !== 'string') continue;
    addMessage('user').querySelector('.text').textContent = turn.question;
    renderAnswer(addMessage('bot'), turn);
  }
  newButton.hidden = !savedSession();
})();
