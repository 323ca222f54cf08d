// Keeps the status page current: listens to /status/stream and swaps in the freshly rendered main content.
(function () {
  'use strict';
  const main = document.getElementById('status-main');
  const live = document.getElementById('live');

  function localTimes(root) {
    for (const node of root.querySelectorAll('time[datetime]')) {
      const date = new Date(node.getAttribute('datetime'));
      if (!isNaN(date)) {
        node.title = node.textContent;
        node.textContent = date.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
      }
    }
  }

  let pending = null;
  async function refresh() {
    if (pending) return;
    pending = fetch(location.pathname + '?fragment=true', { cache: 'no-store' })
      .then((r) => (r.ok ? r.text() : null))
      .then((html) => {
        if (html !== null) {
          main.innerHTML = html;
          localTimes(main);
        }
      })
      .catch(() => {})
      .finally(() => { pending = null; });
  }

  localTimes(main);
  const source = new EventSource('/status/stream');
  source.addEventListener('ready', () => live.classList.add('on'));
  source.addEventListener('changed', refresh);
  source.addEventListener('ping', refresh);
  source.onerror = () => live.classList.remove('on');
  source.onopen = () => { live.classList.add('on'); refresh(); };
})();
