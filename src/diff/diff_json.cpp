// The JSON layout (docs/diff.md): one object, keys in a fixed order.
#include "diff/diff_report.hpp"
#include "report/json_writer.hpp"

namespace fineprint::diff {

namespace {

void witness_json(report::JsonWriter& j, const CheckedWitness& w) {
  j.key("witness").begin_object();
  j.key("summary").value(w.claim.summary);
  j.key("claim").value(w.claim.claim_toml);
  j.key("old").value(w.old_words);
  j.key("new").value(w.new_words);
  j.end_object();
}

void order_json(report::JsonWriter& j, const OrderWitness& o) {
  if (o.witness)
    witness_json(j, *o.witness);
  else
    j.key("no_witness").value(o.no_witness);
}

void returns_json(report::JsonWriter& j, const DiffReport& r) {
  j.key("returns").begin_array();
  for (const ReturnsChange& c : r.returns) {
    j.begin_object();
    j.key("items").value(c.where);
    j.key("was").value(c.was);
    j.key("now").value(c.now);
    witness_json(j, c.witness);
    j.end_object();
  }
  j.end_array();
}

void promotions_json(report::JsonWriter& j, const DiffReport& r) {
  j.key("promotions").begin_array();
  for (const PromotionChange& c : r.promotions) {
    j.begin_object();
    j.key("id").value(c.id);
    j.key("change").value(change_kind_name(c.kind));
    j.key("aspects").begin_array();
    for (const auto& a : c.aspects) {
      j.begin_object();
      j.key("change").value(a.text);
      order_json(j, a.order);
      j.end_object();
    }
    j.end_array();
    if (c.aspects.empty()) order_json(j, c.order);
    j.end_object();
  }
  j.end_array();
}

void replay_json(report::JsonWriter& j, const ReplaySummary& s) {
  j.key("replay").begin_object();
  j.key("claims").value(static_cast<std::int64_t>(s.total));
  j.key("changed").value(static_cast<std::int64_t>(s.changed));
  j.key("refused").value(static_cast<std::int64_t>(s.invalid));
  j.key("transitions").begin_array();
  for (const auto& [t, n] : s.transitions) {
    j.begin_object();
    j.key("from").value(t.first).key("to").value(t.second);
    j.key("count").value(static_cast<std::int64_t>(n));
    j.end_object();
  }
  j.end_array();
  j.key("money").value(core::format_money(s.money, s.minor_digits));
  j.key("per_rule").begin_object();
  for (const auto& [rule, amount] : s.per_rule)
    j.key(rule).value(core::format_money(amount, s.minor_digits));
  j.end_object();
  j.key("examples").begin_array();
  for (const auto& e : s.examples) {
    j.begin_object();
    j.key("claim").value(e.claim).key("old").value(e.old_words).key("new").value(e.new_words);
    j.end_object();
  }
  j.end_array();
  j.end_object();
}

}  // namespace

std::string diff_json(const DiffReport& r) {
  report::JsonWriter j(true);
  j.begin_object();
  j.key("old").value(r.old_label);
  j.key("new").value(r.new_label);
  j.key("changed").value(r.changed());
  j.key("complete").value(r.complete());
  j.key("store").strings(r.store);
  returns_json(j, r);
  promotions_json(j, r);
  // Only when there are any: a diff of rulebooks without goodwill keeps its bytes.
  if (!r.goodwill.empty()) j.key("goodwill").strings(r.goodwill);
  if (r.replay) replay_json(j, *r.replay);
  j.key("notes").strings(r.notes);
  j.end_object();
  return j.str() + "\n";
}

}  // namespace fineprint::diff
