// The bundled returns table (rules/returns.toml, hit policy first) written
// once as data, from which both peer rule sets are built: a json-rules-engine
// rule set (priorities descending in table order) and a GoRules JDM decision
// table with hit policy "first". Keep in step with rules/returns.toml.
'use strict';

const DEFECTS = ['defective', 'damaged_in_transit', 'wrong_item', 'not_as_described'];
const TABLE = [
  { id: 'hygiene-opened', outcome: 'deny', when: { category: ['underwear', 'socks'], condition: ['opened', 'used', 'washed', 'damaged'], reason: ['changed_mind', 'late_delivery'] } },
  { id: 'withdrawal-web-14d', outcome: 'refund', when: { channel: ['web'], condition: ['sealed', 'opened'], days: { max: 14 } } },
  { id: 'legal-guarantee', outcome: 'repair_or_replace', when: { reason: DEFECTS, condition: ['sealed', 'opened', 'used'], days: { max: 730 } } },
  { id: 'withdrawal-web-14d-worn', outcome: 'refund', when: { channel: ['web'], condition: ['used'], days: { max: 14 } } },
  { id: 'withdrawal-web-14d-washed-damaged', outcome: 'review', when: { channel: ['web'], condition: ['washed', 'damaged'], days: { max: 14 } } },
  { id: 'defect-after-guarantee', outcome: 'deny', when: { reason: DEFECTS, days: { min: 731 } } },
  { id: 'care-label-washed', outcome: 'deny', when: { condition: ['washed'] } },
  { id: 'damaged-by-customer', outcome: 'deny', when: { condition: ['damaged'] } },
  { id: 'final-sale', outcome: 'deny', when: { final_sale: true } },
  { id: 'receipt-30d-credit', outcome: 'store_credit', when: { has_receipt: true, condition: ['sealed', 'opened'], days: { max: 30 } } },
  { id: 'store-no-receipt', outcome: 'deny', when: { channel: ['store'], has_receipt: false } },
  { id: 'used-change-of-mind', outcome: 'deny', when: { condition: ['used'], reason: ['changed_mind', 'late_delivery'] } },
  { id: 'after-30-days', outcome: 'deny', when: { days: { min: 31 } } },
];
const OTHERWISE = { id: 'otherwise', outcome: 'review' };
const FIELDS = ['category', 'condition', 'reason', 'channel', 'days', 'final_sale', 'has_receipt'];

function jsonRulesEngineRules() {
  return TABLE.map((rule, i) => {
    const all = [];
    for (const [fact, test] of Object.entries(rule.when)) {
      if (Array.isArray(test)) all.push({ fact, operator: 'in', value: test });
      else if (typeof test === 'boolean') all.push({ fact, operator: 'equal', value: test });
      else {
        if (test.min !== undefined) all.push({ fact, operator: 'greaterThanInclusive', value: test.min });
        if (test.max !== undefined) all.push({ fact, operator: 'lessThanInclusive', value: test.max });
      }
    }
    return { name: rule.id, priority: TABLE.length - i, conditions: { all }, event: { type: rule.outcome, params: { rule: rule.id } } };
  });
}

function zenDecisionTable() {
  const inputs = FIELDS.map((field) => ({ id: `in_${field}`, name: field, field }));
  const cell = (test) => {
    if (test === undefined) return '';
    if (Array.isArray(test)) return test.map((v) => JSON.stringify(v)).join(', ');
    if (typeof test === 'boolean') return String(test);
    if (test.min !== undefined && test.max !== undefined) return `[${test.min}..${test.max}]`;
    return test.min !== undefined ? `>= ${test.min}` : `<= ${test.max}`;
  };
  const rules = [...TABLE, OTHERWISE].map((rule, i) => {
    const row = { _id: `r${i}` };
    for (const field of FIELDS) row[`in_${field}`] = cell(rule.when ? rule.when[field] : undefined);
    row.out_rule = JSON.stringify(rule.id);
    row.out_outcome = JSON.stringify(rule.outcome);
    return row;
  });
  return {
    nodes: [
      { id: 'request', type: 'inputNode', name: 'request', position: { x: 0, y: 0 } },
      {
        id: 'returns', type: 'decisionTableNode', name: 'returns', position: { x: 200, y: 0 },
        content: {
          hitPolicy: 'first', inputs, rules,
          outputs: [{ id: 'out_rule', name: 'rule', field: 'rule' }, { id: 'out_outcome', name: 'outcome', field: 'outcome' }],
        },
      },
      { id: 'response', type: 'outputNode', name: 'response', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'request', targetId: 'returns', type: 'edge' },
      { id: 'e2', sourceId: 'returns', targetId: 'response', type: 'edge' },
    ],
  };
}

module.exports = { TABLE, OTHERWISE, jsonRulesEngineRules, zenDecisionTable };
