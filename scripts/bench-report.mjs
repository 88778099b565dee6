// The tables scripts/bench.mjs prints: per environment, each scenario's medians, per-round ratios
// and peak RSS, then the targets of issue 17 next to the measured figures (a miss is reported,
// never an error); last, the warm runs of the formatters against --output json.

// Issue 17's targets, per environment: the side's ratio to `node -e 0` measured in the same run.
const TARGETS = {
  unset: [
    { id: 'request', label: 'request', ratio: 2.6 },
    { id: 'skeleton', label: 'skeleton', ratio: 1.6 },
    { id: 'usage', label: 'usage error', ratio: 1.6 },
  ],
  set: [
    { id: 'request', label: 'request', ratio: 1.1 },
    { id: 'skeleton', label: 'skeleton', ratio: 0.6 },
  ],
};
const REQUEST_RSS_MIB = 48;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** The median of the per-round ratios a/b of two sides measured in the same rounds. */
const ratio = (a, b) => (a && b ? median(a.map((m, i) => m.ms / b[i].ms)) : Number.NaN);
const wall = (list) => (list ? median(list.map((m) => m.ms)) : Number.NaN);
const peak = (list) => (list ? Math.max(...list.map((m) => m.rssKb)) : Number.NaN);
const f = (n, digits = 0) => (Number.isNaN(n) ? 'n/a' : n.toFixed(digits));
const ms = (n) => (Number.isNaN(n) ? 'n/a' : `${f(n)} ms`);
const mib = (kb) => (Number.isNaN(kb) ? 'n/a' : `${(kb / 1024).toFixed(1)} MiB`);
const x = (n) => (Number.isNaN(n) ? 'n/a' : `${f(n, 2)}x`);
const verdict = (value, limit) => (Number.isNaN(value) ? 'not measured' : value <= limit ? 'met' : 'missed');

/** One table row: `side` (the clone, or the JS bin run directly) against the floor and aws. */
function row(name, s, side) {
  const { floor, aws } = s.samples;
  const mine = s.samples[side];
  return `| ${name} | ${ms(wall(floor))} | ${ms(wall(mine))} | ${ms(wall(aws))} | ${x(ratio(mine, floor))} | ${x(ratio(aws, mine))} | ${mib(peak(mine))} | ${mib(peak(aws))} |`;
}

/** The target lines of `entry`'s environment, for the scenarios that were measured. */
function targetLines(entry) {
  const byId = new Map(entry.scenarios.map((s) => [s.id, s]));
  const lines = [];
  for (const target of TARGETS[entry.name]) {
    const s = byId.get(target.id);
    if (!s) continue;
    const measured = ratio(s.samples.clone, s.samples.floor);
    lines.push(`${target.label}: ${x(measured)} node -e 0 (target <= ${target.ratio}x: ${verdict(measured, target.ratio)})`);
  }
  const request = byId.get('request');
  if (request) {
    const rssKb = peak(request.samples.clone);
    lines.push(`request peak RSS: ${mib(rssKb)} (target <= ${REQUEST_RSS_MIB} MiB: ${verdict(rssKb / 1024, REQUEST_RSS_MIB)})`);
    if (request.samples.direct)
      lines.push(`request through bin/aws-voiceid: ${x(ratio(request.samples.clone, request.samples.direct))} node bin/aws-voiceid.js`);
  }
  return lines;
}

/** Prints one environment's table and its target lines. */
export function printEnvironment(entry, { haveAws, caFile }) {
  console.log('');
  console.log(`NODE_EXTRA_CA_CERTS ${entry.name === 'set' ? `set (${caFile}), for node -e 0 as well` : 'unset'}${haveAws ? '' : '; no reference CLI'}`);
  console.log('');
  console.log('| scenario | `node -e 0` | clone | aws | clone / `node -e 0` | aws / clone | clone peak RSS | aws peak RSS |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const s of entry.scenarios) {
    console.log(row(s.name, s, 'clone'));
    if (s.samples.direct) console.log(row(`${s.name}, node bin/aws-voiceid.js`, s, 'direct'));
  }
  const lines = targetLines(entry);
  if (lines.length) console.log(['', 'Issue 17 (medians of the per-round ratios):', ...lines.map((line) => `- ${line}`)].join('\n'));
}

/** Prints the warm runs of the request with each --output format against --output json. */
export function printFormats(rows) {
  if (!rows.length) return;
  console.log('');
  console.log('| clone, warm run, NODE_EXTRA_CA_CERTS unset | median | vs --output json (median of pairs) |');
  console.log('|---|---|---|');
  for (const r of rows) console.log(`| request, --output ${r.format} | ${ms(wall(r.samples.other))} | ${x(ratio(r.samples.other, r.samples.json))} |`);
}
