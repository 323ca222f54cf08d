// The ChatOps web console: a chat surface of its own. Commands go to /api/console/commands; everything the bot
// says (replies, status cards, reminders, stakeholder posts) arrives through the live stream and is drawn here,
// updated in place when a message with the same key is revised.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const store = {
    get: (k, d) => { try { return JSON.parse(localStorage.getItem('chatops.' + k)) ?? d; } catch { return d; } },
    set: (k, v) => localStorage.setItem('chatops.' + k, JSON.stringify(v)),
  };

  const state = {
    requiresKey: false,
    key: store.get('apiKey', ''),
    user: store.get('user', '') || 'alice',
    channel: decodeURIComponent(location.hash.slice(1)) || store.get('channel', 'general'),
    channels: [],
    joined: store.get('joined', ['general']),
    seen: store.get('seen', {}),
    messages: new Map(),   // key -> { message, order }
    ephemeral: [],         // { channel, order, text, usage, error }
    elements: new Map(),   // key -> DOM node in the open channel
    lastSeq: 0,
    order: 0,
  };

  // ---- API ---------------------------------------------------------------------------------------------------
  function headers(json) {
    const h = {};
    if (json) h['Content-Type'] = 'application/json';
    if (state.key) h['X-Api-Key'] = state.key;
    return h;
  }

  async function api(path, body) {
    const keyUsed = state.key;
    const response = await fetch(path, body === undefined
      ? { headers: headers(false) }
      : { method: 'POST', headers: headers(true), body: JSON.stringify(body) });
    if (response.status === 401 || response.status === 503) {
      const problem = await response.json().catch(() => ({}));
      // A request sent before a new key was entered says nothing about the new key.
      if (keyUsed === state.key) askForKey(problem.error);
      throw new Error(problem.error || 'An API key is needed.');
    }
    return response;
  }

  function askForKey(reason) {
    const dialog = $('key-dialog');
    $('key-error').textContent = state.key ? (reason || 'That key was not accepted.') : '';
    if (!dialog.open) dialog.showModal();
  }

  $('key-form').addEventListener('submit', () => {
    state.key = $('key-input').value.trim();
    store.set('apiKey', state.key);
    restartStream();
    loadChannels();
  });

  // ---- Sending -----------------------------------------------------------------------------------------------
  const me = () => ({ id: state.user.toLowerCase().replace(/\s+/g, '-'), name: state.user });
  const here = () => ({ id: state.channel, name: state.channel });

  $('composer').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = $('command');
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    typed.push(text);
    typedAt = typed.length;
    await send('/api/console/commands', { user: me(), channel: here(), text }, text);
  });

  async function send(path, body, echo) {
    try {
      const response = await api(path, body);
      const result = await response.json();
      if (!result.ok) addEphemeral(echo, result.error, result.usage);
    } catch (error) {
      addEphemeral(echo, error.message);
    }
  }

  function onCardAction({ verb, data, inputs, button }) {
    button.disabled = true;
    const body = { verb, incident: data.incident, inputs, user: me(), channel: here() };
    send('/api/cards/actions', body, `[${button.textContent}] on ${data.incident}`).finally(() => { button.disabled = false; });
  }

  // Up/down arrows walk through what you typed, like a shell.
  const typed = [];
  let typedAt = 0;
  $('command').addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    typedAt = Math.max(0, Math.min(typed.length, typedAt + (event.key === 'ArrowUp' ? -1 : 1)));
    event.target.value = typed[typedAt] ?? '';
    event.preventDefault();
  });

  // ---- Live stream (fetch-based SSE, so the API key travels in a header) ----------------------------------------
  let streamAbort = null;
  function restartStream() {
    if (streamAbort) streamAbort.abort();
    streamAbort = new AbortController();
    runStream(streamAbort.signal);
  }

  async function runStream(signal) {
    let delay = 500;
    while (!signal.aborted) {
      try {
        const response = await api(`/api/console/stream?after=${state.lastSeq}`);
        if (!response.ok || !response.body) throw new Error('stream refused: ' + response.status);
        setConnected(true);
        delay = 500;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        signal.addEventListener('abort', () => reader.cancel(), { once: true });
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value.replace(/\r\n/g, '\n');
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            handleEvent(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch { /* reconnect below */ }
      setConnected(false);
      if (signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 10000);
    }
  }

  function handleEvent(block) {
    let type = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) type = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (type === 'message') receive(JSON.parse(data.join('\n')));
    else if (type === 'incidents') loadChannels();
  }

  function setConnected(on) {
    $('conn').classList.toggle('on', on);
    $('conn').title = on ? 'Live: new messages appear as they arrive' : 'Reconnecting…';
  }

  // ---- Messages ----------------------------------------------------------------------------------------------
  function receive(message) {
    state.lastSeq = Math.max(state.lastSeq, message.sequence);
    const known = state.messages.get(message.key);
    const entry = { message, order: known ? known.order : ++state.order, revised: !!known };
    state.messages.set(message.key, entry);
    if (!state.channels.some((c) => c.name === message.channel)) scheduleChannelLoad();
    if (message.channel === state.channel) {
      drawMessage(entry);
      markSeen();
    } else if (message.sequence > (state.seen[message.channel] || 0)) {
      renderChannels();
    }
  }

  function addEphemeral(text, error, usage) {
    state.ephemeral.push({ channel: state.channel, order: ++state.order, text, error, usage });
    renderMessages();
  }

  function renderMessages() {
    const list = $('messages');
    list.replaceChildren();
    state.elements.clear();
    const items = [...state.messages.values()].filter((e) => e.message.channel === state.channel)
      .concat(state.ephemeral.filter((e) => e.channel === state.channel))
      .sort((a, b) => a.order - b.order);
    if (items.length === 0) list.append(emptyState());
    for (const item of items) {
      if (item.message) drawMessage(item, true);
      else list.append(ephemeralNode(item));
    }
    list.scrollTop = list.scrollHeight;
  }

  function drawMessage(entry, initial) {
    const list = $('messages');
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
    const node = messageNode(entry);
    const existing = state.elements.get(entry.message.key);
    list.querySelector('.empty')?.remove();
    if (existing) {
      existing.replaceWith(node);
      node.classList.add('flash');
    } else {
      list.append(node);
    }
    state.elements.set(entry.message.key, node);
    if (!initial && nearBottom) list.scrollTop = list.scrollHeight;
  }

  function messageNode({ message, revised }) {
    const node = document.createElement('article');
    node.className = 'msg';
    node.dataset.key = message.key;
    node.dataset.sequence = message.sequence;
    const bot = message.author === 'ChatOps';
    const avatar = document.createElement('div');
    avatar.className = 'avatar' + (bot ? ' bot' : '');
    avatar.textContent = bot ? '◆' : initials(message.author);
    if (!bot) avatar.style.background = colour(message.author);
    const main = document.createElement('div');
    const head = document.createElement('div');
    head.innerHTML = `<span class="who"></span><span class="when"></span>${revised || message.key.startsWith('status:') ? '<span class="edited">(updated)</span>' : ''}`;
    head.querySelector('.who').textContent = message.author;
    head.querySelector('.when').textContent = time(message.at);
    const body = document.createElement('div');
    body.className = 'body';
    // A reply says something and may show a card; a delivered card's text is only its plain-text fallback.
    if (!message.card || message.key.startsWith('reply:')) {
      body.innerHTML = linkChannels(window.AdaptiveCardLite.markdown(message.text));
    }
    if (message.card) body.append(window.AdaptiveCardLite.renderCard(message.card, onCardAction));
    main.append(head, body);
    node.append(avatar, main);
    return node;
  }

  function ephemeralNode(item) {
    const node = document.createElement('article');
    node.className = 'msg ephemeral' + (item.error ? ' error' : '');
    node.innerHTML = '<div class="avatar bot">◆</div><div><div><span class="who">ChatOps</span><span class="note">only visible to you</span></div><div class="body"></div></div>';
    const body = node.querySelector('.body');
    const said = document.createElement('div');
    said.className = 'note';
    said.textContent = '› ' + item.text;
    const error = document.createElement('div');
    error.textContent = item.error || '';
    body.append(said, error);
    if (item.usage) {
      const usage = document.createElement('pre');
      usage.textContent = item.usage;
      body.append(usage);
    }
    return node;
  }

  function emptyState() {
    const node = document.createElement('div');
    node.className = 'empty';
    node.innerHTML = `<h2>Nothing here yet</h2>
      <p>Declare an incident to get going:<br><code>incident declare Checkout is failing --sev 2 --service payments</code></p>
      <p>Then <code>ack</code>, <code>update</code>, <code>resolve</code>… or type <code>help</code>.</p>`;
    return node;
  }

  // "#inc-3-db-down" in bot text becomes a link that opens that channel.
  function linkChannels(html) {
    return html.replace(/(^|[\s(])#([a-z0-9][a-z0-9-]*)/gi, '$1<a href="#$2" class="chan-link">#$2</a>');
  }

  // ---- Channels ----------------------------------------------------------------------------------------------
  let channelTimer = null;
  function scheduleChannelLoad() {
    clearTimeout(channelTimer);
    channelTimer = setTimeout(loadChannels, 150);
  }

  async function loadChannels() {
    try {
      const response = await api('/api/console/channels');
      if (response.ok) state.channels = await response.json();
    } catch { /* keep the old list */ }
    renderChannels();
    renderHeader();
  }

  function allChannels() {
    const list = [...state.channels];
    for (const name of [...state.joined, state.channel]) {
      if (!list.some((c) => c.name === name)) list.push({ name, kind: 'chat' });
    }
    return list;
  }

  function unread(name) {
    let newest = 0;
    for (const { message } of state.messages.values()) if (message.channel === name) newest = Math.max(newest, message.sequence);
    return newest > (state.seen[name] || 0) && name !== state.channel;
  }

  function renderChannels() {
    const nav = $('channels');
    nav.replaceChildren();
    const groups = [['incident', 'Incidents'], ['stakeholder', 'Stakeholders'], ['chat', 'Channels']];
    for (const [kind, title] of groups) {
      const items = allChannels().filter((c) => c.kind === kind);
      if (items.length === 0) continue;
      const heading = document.createElement('h2');
      heading.textContent = title;
      nav.append(heading);
      for (const channel of items) nav.append(channelButton(channel));
    }
  }

  function channelButton(channel) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'channel' + (channel.name === state.channel ? ' active' : '') + (unread(channel.name) ? ' unread' : '');
    button.dataset.channel = channel.name;
    button.title = channel.title ? `${channel.incident ?? ''} ${channel.title}`.trim() : channel.name;
    button.innerHTML = '<span class="dot"></span><span class="name"></span>';
    button.querySelector('.name').textContent = '#' + channel.name;
    if (channel.severity) {
      const sev = document.createElement('span');
      const open = !['resolved', 'closed', 'cancelled'].includes(channel.status);
      sev.className = 'sev ' + (open ? 's' + channel.severity.slice(-1) : 'done');
      sev.textContent = open ? channel.severity : channel.status;
      button.append(sev);
    }
    button.addEventListener('click', () => openChannel(channel.name));
    return button;
  }

  function openChannel(name) {
    state.channel = name;
    store.set('channel', name);
    if (!state.joined.includes(name) && !state.channels.some((c) => c.name === name)) {
      state.joined.push(name);
      store.set('joined', state.joined);
    }
    if (location.hash.slice(1) !== name) window.history.replaceState(null, '', '#' + name);
    markSeen();
    renderChannels();
    renderHeader();
    renderMessages();
    $('sidebar').classList.remove('open');
    $('command').focus();
  }

  function markSeen() {
    let newest = state.seen[state.channel] || 0;
    for (const { message } of state.messages.values()) if (message.channel === state.channel) newest = Math.max(newest, message.sequence);
    state.seen[state.channel] = newest;
    store.set('seen', state.seen);
  }

  function renderHeader() {
    const channel = allChannels().find((c) => c.name === state.channel);
    $('channel-title').textContent = '#' + state.channel;
    document.title = `#${state.channel} · ChatOps`;
    const sub = $('channel-sub');
    if (channel && channel.incident) sub.textContent = `${channel.incident} · ${channel.title} · ${channel.severity} · ${channel.status}`;
    else if (channel && channel.title) sub.textContent = channel.title;
    else sub.innerHTML = 'Type <code>help</code> to see every command.';
  }

  $('new-channel').addEventListener('submit', (event) => {
    event.preventDefault();
    const name = $('new-channel-name').value.trim().replace(/^#/, '').toLowerCase().replace(/\s+/g, '-');
    $('new-channel-name').value = '';
    if (name) openChannel(name);
  });
  window.addEventListener('hashchange', () => {
    const name = decodeURIComponent(location.hash.slice(1));
    if (name && name !== state.channel) openChannel(name);
  });
  $('menu').addEventListener('click', () => $('sidebar').classList.toggle('open'));

  // ---- You -----------------------------------------------------------------------------------------------------
  const userInput = $('user-name');
  userInput.value = state.user;
  userInput.addEventListener('change', () => {
    state.user = userInput.value.trim() || 'alice';
    userInput.value = state.user;
    store.set('user', state.user);
  });

  // ---- Helpers -------------------------------------------------------------------------------------------------
  function initials(name) { return (name || '?').split(/\s+/).map((p) => p[0]).join('').slice(0, 2).toUpperCase(); }
  function colour(name) {
    let hash = 0;
    for (const ch of name || '') hash = (hash * 31 + ch.charCodeAt(0)) | 0;
    return `hsl(${Math.abs(hash) % 360} 55% 45%)`;
  }
  function time(at) {
    const date = new Date(at);
    return isNaN(date) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  // ---- Start ---------------------------------------------------------------------------------------------------
  (async function start() {
    try {
      const config = await (await fetch('/console/config.json')).json();
      state.requiresKey = config.requiresKey;
    } catch { /* assume no key */ }
    openChannel(state.channel);
    if (state.requiresKey && !state.key) {
      askForKey();   // the key form starts the stream once there is a key
      return;
    }
    await loadChannels();
    restartStream();
  })();
})();
