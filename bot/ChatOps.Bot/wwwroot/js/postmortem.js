// The post-mortem draft of the incident named in the address (/postmortem.html#INC-7), read from the API with the
// key the console keeps (localStorage 'chatops.apiKey'); Slack's channel bookmark links here. Outside Development the
// API asks for a key, so without one (or with a refused one) the page asks for it and keeps it like the console does.
(() => {
  const $ = (id) => document.getElementById(id);
  const id = decodeURIComponent(location.hash.slice(1)).trim().toUpperCase();
  const storedKey = () => { try { return JSON.parse(localStorage.getItem('chatops.apiKey')) || ''; } catch { return ''; } };

  async function show() {
    $('title').textContent = `Post-mortem draft · ${id || 'no incident named'}`;
    if (!/^INC-\d+$/.test(id)) { $('problem').textContent = 'Name an incident in the address: /postmortem.html#INC-7.'; return; }
    const key = storedKey();
    const response = await fetch(`/api/incidents/${encodeURIComponent(id)}/postmortem`, { headers: key ? { 'X-Api-Key': key } : {} });
    if (response.status === 401) {
      $('key-form').hidden = false;
      $('problem').textContent = key ? 'That key was not accepted.' : 'This ChatOps needs an API key to show drafts.';
      return;
    }
    if (!response.ok) {
      let error = `The draft could not be read (HTTP ${response.status}).`;
      try { error = (await response.json()).error || error; } catch { /* not JSON: keep the status */ }
      $('problem').textContent = error;
      return;
    }
    $('key-form').hidden = true;
    $('problem').textContent = '';
    $('draft').textContent = await response.text();
    $('draft').hidden = false;
  }

  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    localStorage.setItem('chatops.apiKey', JSON.stringify($('key-input').value.trim()));
    show();
  });
  window.addEventListener('hashchange', () => location.reload());
  show();
})();
