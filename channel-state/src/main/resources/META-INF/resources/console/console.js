'use strict';
// The console: reads channel-state's /console/api with the operator's bearer token, kept in this tab's
// sessionStorage. Same origin as the API, so no CORS is involved and no cookie is ever used.
(() => {
  const KEY = 'onboarding-console-token';
  const $ = (selector) => document.querySelector(selector);
  let settings = null;

  function token() { return sessionStorage.getItem(KEY); }

  async function api(path, options = {}) {
    const response = await fetch('/console/api' + path, {
      ...options, headers: { Authorization: 'Bearer ' + token(), Accept: 'application/json' }
    });
    const body = await response.text();
    const json = body ? JSON.parse(body) : null;
    if (response.status === 401 || response.status === 403) {
      throw Object.assign(new Error(json && json.error || response.statusText), { refused: true });
    }
    return { status: response.status, json };
  }

  function cell(row, text, className) {
    const td = row.insertCell();
    td.textContent = text === null || text === undefined ? '–' : String(text);
    if (className) { td.className = className; }
    return td;
  }

  function channelLink(row, channelId) {
    const a = document.createElement('a');
    a.className = 'channel';
    a.textContent = channelId;
    a.addEventListener('click', () => showTimeline(channelId));
    row.insertCell().appendChild(a);
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) { return null; }
    if (seconds < 60) { return seconds + 's'; }
    if (seconds < 3600) { return Math.floor(seconds / 60) + 'm ' + (seconds % 60) + 's'; }
    if (seconds < 86400) { return Math.floor(seconds / 3600) + 'h ' + Math.floor(seconds % 3600 / 60) + 'm'; }
    return Math.floor(seconds / 86400) + 'd ' + Math.floor(seconds % 86400 / 3600) + 'h';
  }

  function time(instant) { return instant ? new Date(instant).toLocaleString() : null; }

  function fail(error) {
    $('#error').textContent = error.message;
    $('#error').hidden = false;
    if (error.refused) { signOut(false); }
  }

  async function loadFunnel() {
    const { json } = await api('/funnel');
    const target = $('#funnel');
    target.replaceChildren();
    if (json.length === 0) { target.textContent = 'No channels yet.'; }
    for (const group of json) {
      const title = document.createElement('h3');
      title.textContent = 'hub ' + group.hubId + ' · tenant ' + (group.tenant ?? '(not known yet)');
      const table = document.createElement('table');
      table.className = 'funnel';
      table.dataset.hub = group.hubId;
      table.dataset.tenant = group.tenant ?? '';
      table.createTHead().innerHTML = '<tr><th>stage</th><th>now</th><th>reached</th><th>to next</th>'
        + '<th>stays</th><th>p50</th><th>p90</th></tr>';
      const body = table.createTBody();
      for (const stage of group.stages) {
        const row = body.insertRow();
        row.dataset.stage = stage.stage;
        cell(row, stage.stage);
        cell(row, stage.channels, 'number now');
        cell(row, stage.reached, 'number');
        cell(row, stage.conversion == null ? null : Math.round(stage.conversion * 100) + ' %', 'number');
        cell(row, stage.stays, 'number');
        cell(row, duration(stage.p50Seconds), 'number');
        cell(row, duration(stage.p90Seconds), 'number');
      }
      target.append(title, table);
    }
  }

  // One row per channel: its id (opening its timeline), hub and tenant, then what the list adds.
  async function channelList(path, table, fill) {
    const { json } = await api(path);
    const body = $(table + ' tbody');
    body.replaceChildren();
    for (const channel of json) {
      const row = body.insertRow();
      row.dataset.channel = channel.channelId;
      channelLink(row, channel.channelId);
      cell(row, channel.hubId);
      cell(row, channel.tenant);
      fill(row, channel);
    }
  }

  function loadStuck() {
    return channelList('/stuck', '#stuck', (row, channel) => {
      cell(row, channel.stage + (channel.status ? ' (' + channel.status + ')' : ''));
      cell(row, channel.waitingFor);
      cell(row, time(channel.since));
    });
  }

  function loadFailed() {
    return channelList('/failed-keys', '#failed', (row, channel) => {
      cell(row, channel.reason);
      cell(row, time(channel.failedAt));
      const actions = row.insertCell();
      if (settings.canRetry) {
        const button = document.createElement('button');
        button.textContent = 'Retry';
        button.className = 'retry';
        const outcome = document.createElement('span');
        outcome.className = 'outcome';
        button.addEventListener('click', async () => {
          button.disabled = true;
          try {
            const { status, json: answer } = await api('/channels/' + encodeURIComponent(channel.channelId)
              + '/api-key/retry', { method: 'POST' });
            outcome.textContent = status === 202 ? 'retrying' : status + ': ' + (answer && answer.error || '');
          } catch (error) {
            fail(error);
          } finally {
            button.disabled = false;
          }
        });
        actions.append(button, outcome);
      }
    });
  }

  async function showTimeline(channelId) {
    $('#channel-id').value = channelId;
    const target = $('#timeline');
    const { status, json } = await api('/channels/' + encodeURIComponent(channelId) + '/timeline');
    target.replaceChildren();
    if (status !== 200) {
      target.textContent = json && json.error || String(status);
      return;
    }
    const channel = json.channel;
    const summary = document.createElement('p');
    summary.id = 'timeline-summary';
    summary.textContent = channel.channelId + ' · hub ' + channel.hubId + ' · tenant ' + (channel.tenant ?? '–')
      + ' · ' + channel.stage + ' (' + (channel.status ?? 'no status') + ') · permission '
      + channel.permission.state + ' · key ' + channel.apiKey.state + ' · version ' + channel.version;
    const table = document.createElement('table');
    table.id = 'timeline-entries';
    table.createTHead().innerHTML = '<tr><th>v</th><th>what</th><th>from</th><th>to</th><th>source</th>'
      + '<th>happened</th><th>note</th><th>event</th></tr>';
    const body = table.createTBody();
    for (const entry of json.entries) {
      const row = body.insertRow();
      if (entry.mark) { row.className = 'mark-' + entry.mark; }
      row.dataset.kind = entry.kind;
      cell(row, entry.version, 'number');
      cell(row, entry.kind);
      cell(row, entry.fromValue);
      cell(row, entry.toValue);
      cell(row, entry.source);
      cell(row, time(entry.occurredAt));
      cell(row, entry.mark, 'mark');
      cell(row, entry.eventId);
    }
    target.append(summary, table);
  }

  async function open() {
    $('#error').hidden = true;
    try {
      settings = (await api('/settings')).json;
    } catch (error) {
      fail(error);
      return;
    }
    $('#sign-in').hidden = true;
    $('#console').hidden = false;
    $('#sign-out').hidden = false;
    $('#who').textContent = 'credential ' + settings.credential;
    $('#stuck-after').textContent = duration(settings.stuckAfterSeconds);
    $('#retry-hint').textContent = settings.canRetry ? 'Retry asks key-provisioner to try the claim again.'
      : settings.retryConfigured ? 'Retrying needs a credential with keys:retry.'
        : 'Retrying is not configured on this channel-state (onboarding.console.key-provisioner.*).';
    await Promise.all([loadFunnel(), loadStuck(), loadFailed()]).catch(fail);
  }

  function signOut(clearError = true) {
    sessionStorage.removeItem(KEY);
    settings = null;
    $('#console').hidden = true;
    $('#sign-out').hidden = true;
    $('#who').textContent = '';
    $('#sign-in').hidden = false;
    if (clearError) { $('#error').hidden = true; }
  }

  $('#sign-in').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY, $('#token').value.trim());
    $('#token').value = '';
    open();
  });
  $('#sign-out').addEventListener('click', () => signOut());
  $('#lookup').addEventListener('submit', (event) => {
    event.preventDefault();
    showTimeline($('#channel-id').value.trim()).catch(fail);
  });

  // A link may carry the token in the fragment (never sent to a server): it is kept and removed from the address.
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromLink) {
    sessionStorage.setItem(KEY, fromLink);
    history.replaceState(null, '', location.pathname);
  }
  if (token()) { open(); } else { signOut(); }
})();
