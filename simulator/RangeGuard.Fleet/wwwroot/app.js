// RangeGuard Fleet page: the vehicle list from /api/vehicles, kept live by /api/events (server-sent events), a vehicle's
// detail (alert timeline, route position, commands) from /api/vehicles/{id}.
'use strict';
const vehicles = new Map();
let selected = null;
const sevRank = { critical: 4, warning: 3, advisory: 2, info: 1 };
const $ = id => document.getElementById(id);
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const pct = x => x == null ? '–' : x.toFixed(1) + ' %';
const km = m => m == null ? '–' : (m / 1000).toFixed(1) + ' km';
const time = ms => ms == null ? '–' : new Date(ms).toLocaleTimeString();

async function api(path, options) {
  const r = await fetch(path, Object.assign({ headers: { 'X-RangeGuard-Csrf': '1', 'Content-Type': 'application/json' } }, options));
  if (r.status === 401) { location.href = '/login'; throw new Error('signed out'); }
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function badges(active) {
  return (active || []).slice().sort((a, b) => (sevRank[b.sev] || 0) - (sevRank[a.sev] || 0))
    .map(a => `<span class="sev sev-${esc(a.sev)}" title="${esc(a.text)}">${esc(a.code)}${a.acked ? ' ✓' : ''}</span>`).join('');
}

function routeBar(v, chargers) {
  const end = v.route_end_m;
  if (end == null || end <= 0 || v.pos_m == null) return '<span class="muted">no plan</span>';
  const p = Math.max(0, Math.min(100, 100 * v.pos_m / end));
  let marks = '';
  for (const c of chargers || []) marks += `<span class="charger" style="left:${Math.min(100, 100 * (v.pos_m + c.dist_m) / end)}%" title="${esc(c.name)}"></span>`;
  const strand = v.forecast && v.forecast.strand_m >= 0 ? v.pos_m + v.forecast.strand_m : null;
  if (strand != null) marks += `<span class="strand" style="left:${Math.min(100, 100 * strand / end)}%" title="strands here"></span>`;
  return `<div class="bar" title="${km(v.pos_m)} of ${km(end)}"><span class="fill" style="width:${p}%"></span>${marks}</div><small>${km(v.pos_m)} / ${km(end)}</small>`;
}

function render() {
  const list = [...vehicles.values()].sort((a, b) => (b.top_sev - a.top_sev) || a.id.localeCompare(b.id));
  $('vehicles').tBodies[0].innerHTML = list.map(v => `<tr data-id="${esc(v.id)}" class="${v.id === selected ? 'selected' : ''}">
    <td><b>${esc(v.name || v.id)}</b>${v.name ? ` <small class="muted">${esc(v.id)}</small>` : ''}${v.registered ? '' : ' <small class="error">unregistered</small>'}</td>
    <td class="state-${esc(v.state)}">${esc(v.state || '–')}</td>
    <td class="soc">${pct(v.soc_pct)}</td>
    <td class="band">${v.dest_p50 == null ? '–' : `${pct(v.dest_p10)} · <b>${pct(v.dest_p50)}</b> · ${pct(v.dest_p90)}`}</td>
    <td>${routeBar(v)}</td>
    <td class="alerts">${badges(v.active)}</td>
    <td>${time(v.updated_ms)}</td></tr>`).join('');
  const crit = list.filter(v => v.top_sev >= 4).length;
  $('summary').textContent = `${list.length} vehicles · ${crit} critical`;
}

async function showDetail(id) {
  selected = id;
  render();
  const v = await api('/api/vehicles/' + encodeURIComponent(id));
  $('detail').hidden = false;
  $('d-title').innerHTML = `${esc(v.name || v.id)} — SOC ${pct(v.soc_pct)} — ${badges(v.active)}`;
  $('d-route').innerHTML = routeBar(v, v.forecast && v.forecast.chargers);
  $('d-timeline').innerHTML = v.alerts.map(a => `<li data-seq="${a.seq}"><span class="sev sev-${esc(a.sev)}">${esc(a.code)}</span>
    <b>${esc(a.event)}</b> #${a.seq} ${new Date(a.t).toLocaleString()} — ${esc(a.text)}</li>`).join('') || '<li class="muted">no alerts</li>';
  $('d-seq').textContent = `last seq ${v.last_seq} (series ${v.alert_series}); missing now ${v.missing_seq}; duplicates dropped ${v.duplicates}; ` +
    v.seq_events.slice(0, 5).map(e => `${e.kind} at #${e.seq}${e.missing ? ` (${e.missing} missing)` : ''}`).join(', ');
  renderCommands(v.commands);
}

function renderCommands(list) {
  $('d-commands').innerHTML = list.map(c => `<li data-request="${esc(c.request_id)}"><b>${esc(c.name)}</b> ${esc(c.request_id)}:
    <span class="cmd-state">${c.state === 'sent' ? 'sent, waiting for the car' : c.state === 'ok' ? 'ok' : 'refused: ' + esc(c.error_field) + ' — ' + esc(c.error_reason)}</span></li>`).join('');
}

async function send(name, body) {
  $('cmd-error').hidden = true;
  try {
    await api(`/api/vehicles/${encodeURIComponent(selected)}/commands/${name}`, { method: 'POST', body: JSON.stringify(body) });
    await showDetail(selected);
  } catch (e) { $('cmd-error').textContent = e.message; $('cmd-error').hidden = false; }
}

$('vehicles').addEventListener('click', e => { const tr = e.target.closest('tr[data-id]'); if (tr) showDetail(tr.dataset.id); });
$('f-precondition').addEventListener('submit', e => {
  e.preventDefault();
  const f = e.target, action = f.action.value, body = { action };
  if (action === 'start') body.minutes = Number(f.minutes.value);
  if (action === 'schedule') body.depart_ms = new Date(f.depart.value).getTime();
  send('precondition', body);
});
$('f-route').addEventListener('submit', e => {
  e.preventDefault();
  let body;
  try { body = JSON.parse(e.target.route.value); } catch (err) { $('cmd-error').textContent = 'route is not JSON: ' + err.message; $('cmd-error').hidden = false; return; }
  send('route', body);
});

async function start() {
  for (const v of await api('/api/vehicles')) vehicles.set(v.id, v);
  render();
  const es = new EventSource('/api/events');
  es.onopen = () => { $('live').textContent = 'live'; $('live').className = 'live on'; };
  es.onerror = () => { $('live').textContent = 'reconnecting…'; $('live').className = 'live off'; };
  es.addEventListener('vehicle', e => {
    const v = JSON.parse(e.data);
    vehicles.set(v.id, v);
    render();
    if (v.id === selected) showDetail(selected);
  });
  es.addEventListener('command', e => { const c = JSON.parse(e.data); if (c.vehicle_id === selected) showDetail(selected); });
}
start();
