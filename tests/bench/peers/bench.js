// `make bench-peers`: the same generated return claims through
// json-rules-engine and GoRules zen-engine, each item's outcome and rule
// checked equal to fineprint's decision, throughput printed next to it.
//   node bench.js CLAIMS.jsonl FINEPRINT-OUT.jsonl FINEPRINT_SECONDS
// The peers get each item's facts ready-made (days counted in the store zone
// beforehand, untimed): they are timed on the rule evaluation alone, which
// favours them; fineprint's time is the whole batch (parse, check, price,
// decide, write the record).
'use strict';
const fs = require('fs');
const { Engine } = require('json-rules-engine');
const { ZenEngine } = require('@gorules/zen-engine');
const { jsonRulesEngineRules, zenDecisionTable } = require('./returns-table');

const [claimsPath, fineprintPath, fineprintSeconds] = process.argv.slice(2);
const claims = fs.readFileSync(claimsPath, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l));
const decisions = fs.readFileSync(fineprintPath, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l));
if (claims.length !== decisions.length) throw new Error('claim and decision counts differ');

const rigaDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' });
const dayNumber = (iso) => Date.parse(`${rigaDay.format(new Date(iso))}T00:00:00Z`) / 86400000;

// Each item's facts, as fineprint's returns table sees them.
const items = [];
for (const c of claims) {
  const order = c.order;
  const days = dayNumber(c.claim.filed_at) - dayNumber(order.delivered_at);
  const receipt = c.claim.has_receipt !== undefined ? c.claim.has_receipt : order.channel === 'web';
  for (const item of c.claim.items) {
    const line = order.lines.find((l) => l.sku === item.sku);
    items.push({ category: line.category, condition: item.condition, reason: item.reason, channel: order.channel, days, final_sale: line.final_sale === true, has_receipt: receipt });
  }
}
const expected = [];
for (const d of decisions) for (const item of d.items) expected.push({ rule: item.rule, outcome: item.outcome });

async function runJsonRulesEngine() {
  const engine = new Engine(jsonRulesEngineRules(), { allowUndefinedFacts: true });
  const got = [];
  const start = process.hrtime.bigint();
  for (const facts of items) {
    const { events } = await engine.run(facts);
    // First hit: the highest priority success (events come in priority order).
    got.push(events.length ? { rule: events[0].params.rule, outcome: events[0].type } : { rule: 'otherwise', outcome: 'review' });
  }
  return { got, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

async function runZen() {
  const engine = new ZenEngine();
  const decision = engine.createDecision(zenDecisionTable());
  const got = [];
  const start = process.hrtime.bigint();
  for (const facts of items) {
    const { result } = await decision.evaluate(facts);
    got.push({ rule: result.rule, outcome: result.outcome });
  }
  return { got, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

function mismatches(got) {
  let bad = 0;
  for (let i = 0; i < expected.length; ++i)
    if (got[i].rule !== expected[i].rule || got[i].outcome !== expected[i].outcome) {
      if (bad < 3) console.error(`item ${i}: fineprint ${JSON.stringify(expected[i])}, peer ${JSON.stringify(got[i])}, facts ${JSON.stringify(items[i])}`);
      ++bad;
    }
  return bad;
}

(async () => {
  const jre = await runJsonRulesEngine();
  const zen = await runZen();
  const n = claims.length;
  const rows = [
    ['fineprint batch (whole claims)', Number(fineprintSeconds), 0],
    ['GoRules zen-engine (first-hit table)', zen.seconds, mismatches(zen.got)],
    ['json-rules-engine', jre.seconds, mismatches(jre.got)],
  ];
  console.log(`${n} return claims, ${items.length} items\n`);
  console.log('| engine | seconds | claims/s | items/s | outcomes differing from fineprint |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, s, bad] of rows)
    console.log(`| ${name} | ${s.toFixed(2)} | ${Math.round(n / s)} | ${Math.round(items.length / s)} | ${bad} |`);
  const fastestPeer = Math.min(zen.seconds, jre.seconds);
  console.log(`\nfineprint / fastest peer: ${(fastestPeer / Number(fineprintSeconds)).toFixed(1)}x`);
  if (rows.some((r) => r[2] > 0)) process.exit(1);
})();
