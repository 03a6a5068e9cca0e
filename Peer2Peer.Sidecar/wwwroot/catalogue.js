// The catalogue page: the same filters, sorting and paging as GET /api/providers, no build step.
'use strict';
const form = document.getElementById('filters');
const rows = document.querySelector('#providers tbody');
const more = document.getElementById('more');
let cursor = null;

function query(extra) {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) {
    if (value !== '') params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra || {})) params.set(key, value);
  return params;
}

function text(value) { return value === null || value === undefined ? '' : String(value); }

function cell(row, value, className) {
  const td = document.createElement('td');
  td.textContent = text(value);
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

function shortKey(id) { return id.length > 24 ? id.slice(0, 16) + '…' + id.slice(-6) : id; }

function percent(value) { return value === null || value === undefined ? '—' : (value * 100).toFixed(1) + ' %'; }

async function load(append) {
  const error = document.getElementById('error');
  error.hidden = true;
  const params = query(append && cursor ? { cursor } : {});
  const response = await fetch('/api/providers?' + params.toString());
  const body = await response.json();
  if (!response.ok) {
    error.textContent = (body.title || 'Error') + ': ' + (body.detail || '');
    error.hidden = false;
    return;
  }
  if (!append) rows.replaceChildren();
  for (const p of body.items) {
    const row = document.createElement('tr');
    row.dataset.id = p.id;
    const id = cell(row, '');
    const code = document.createElement('code');
    code.textContent = shortKey(p.id);
    code.title = p.id;
    id.appendChild(code);
    cell(row, p.locations.join(', '));
    cell(row, p.price ? `${p.price.size} in ${p.price.location}: ${p.price.pricePerHourSc} SC/h` : '');
    cell(row, p.sizes.map(s => `${s.name} ${s.pricePerHourSc} SC/h`).join('; '));
    cell(row, p.online === null ? 'unknown' : (p.online ? 'online' : 'offline'), p.online ? 'online' : 'offline');
    cell(row, percent(p.uptime24h));
    cell(row, p.announcedHeight);
    row.addEventListener('click', () => detail(p.id));
    rows.appendChild(row);
  }
  cursor = body.nextCursor;
  more.hidden = !cursor;
  document.getElementById('count').textContent = `${body.total} provider(s) match; showing ${rows.children.length}`;
}

async function detail(id) {
  const response = await fetch('/api/providers/' + encodeURIComponent(id));
  if (!response.ok) return;
  const p = await response.json();
  document.getElementById('detail-id').textContent = p.id;
  const fields = document.getElementById('detail-fields');
  fields.replaceChildren();
  for (const [label, value] of [['API URL', p.apiUrl], ['Payout address', p.payoutAddress], ['Sia host key', p.siaHostKey || '—'],
    ['Sequence', p.sequence], ['Transaction', p.transactionId], ['First seen at height', p.firstSeenHeight],
    ['Uptime 24 h / 7 d', percent(p.uptime24h) + ' / ' + percent(p.uptime7d)], ['Images', p.images.map(i => `${i.name} (${i.location})`).join(', ')]]) {
    const dt = document.createElement('dt'); dt.textContent = label;
    const dd = document.createElement('dd'); dd.textContent = text(value);
    fields.append(dt, dd);
  }
  const sizes = document.querySelector('#detail-sizes tbody');
  sizes.replaceChildren();
  for (const s of p.sizes) {
    const row = document.createElement('tr');
    for (const value of [s.location, s.name, s.vcpus, s.memoryMiB + ' MiB', s.diskSizesGiB.join(', '), s.pricePerHourSc + ' SC']) cell(row, value);
    sizes.appendChild(row);
  }
  document.getElementById('detail').hidden = false;
}

async function status() {
  try {
    const s = await (await fetch('/api/status')).json();
    const c = s.catalogue || {};
    const chain = s.chain || {};
    document.getElementById('sync').textContent =
      `chain height ${text(chain.tipHeight)}, scanned ${text(chain.checkpointHeight)} (${text(chain.state)}); ${text(c.providers)} provider(s) known`;
  } catch { /* the table still works */ }
}

let pending;
form.addEventListener('input', () => { clearTimeout(pending); pending = setTimeout(() => load(false), 200); });
form.addEventListener('submit', e => { e.preventDefault(); load(false); });
more.addEventListener('click', () => load(true));
load(false);
status();
