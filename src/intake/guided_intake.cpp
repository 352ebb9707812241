#include "intake/guided_intake.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include <fmt/format.h>

#include "core/limits.hpp"
#include "intake/claim_form.hpp"
#include "intake/item_questions.hpp"
#include "load/claim_diagnostics.hpp"

namespace fineprint::intake {

namespace {

struct AnswersEnded {
  std::string question;
};

class Prompter {
 public:
  Prompter(std::istream& in, std::ostream& out, bool echo) : in_(in), out_(out), echo_(echo) {}

  // The next answer to `question`, trimmed; throws AnswersEnded at the end of input.
  std::string ask(const std::string& question) {
    out_ << question << ' ' << std::flush;
    std::string line;
    if (!std::getline(in_, line)) {
      out_ << '\n';
      throw AnswersEnded{question};
    }
    if (echo_) out_ << line << '\n';
    auto first = line.find_first_not_of(" \t\r");
    auto last = line.find_last_not_of(" \t\r");
    return first == std::string::npos ? "" : line.substr(first, last - first + 1);
  }

  void say(const std::string& text) { out_ << text << '\n'; }

  // An index into `options`, answered by number or by name.
  std::size_t menu(const std::string& question, const std::vector<std::string>& options,
                   std::string (*help)(const std::string&)) {
    say(question);
    for (std::size_t i = 0; i < options.size(); ++i)
      say(fmt::format("  {}) {} — {}", i + 1, options[i], help(options[i])));
    for (;;) {
      std::string answer = ask("Number or name:");
      if (auto index = pick(answer, options)) return *index;
      say(fmt::format("Please answer with a number from 1 to {} or a name from the list.",
                      options.size()));
    }
  }

  static std::optional<std::size_t> pick(const std::string& answer,
                                         const std::vector<std::string>& options) {
    std::size_t number = 0;
    auto [ptr, error] = std::from_chars(answer.data(), answer.data() + answer.size(), number);
    if (error == std::errc{} && ptr == answer.data() + answer.size() && number >= 1 &&
        number <= options.size())
      return number - 1;
    auto found = std::find(options.begin(), options.end(), answer);
    if (found != options.end()) return static_cast<std::size_t>(found - options.begin());
    return std::nullopt;
  }

 private:
  std::istream& in_;
  std::ostream& out_;
  bool echo_;  // answers come from a pipe: repeat them, so the transcript reads as a dialogue
};

void ask_filed(Prompter& prompt, const model::Rulebook& rulebook, model::Claim& claim) {
  for (;;) {
    auto filed = parse_filed(
        prompt.ask("When did the customer make the claim? A date (2027-01-05) or a date-time "
                   "with offset:"),
        rulebook.store.zone);
    if (filed) {
      claim.filed_at = *filed;
      return;
    }
    prompt.say(
        "Please answer with a date such as 2027-01-05 or a date-time such as "
        "2027-01-05T14:30:00+02:00.");
  }
}

// Asked only when a returns rule looks at has_receipt; otherwise left out
// (the channel's default, docs/format.md §2.1).
void ask_receipt(Prompter& prompt, const model::Rulebook& rulebook, model::Claim& claim) {
  if (!rulebook.returns) return;
  const auto& rules = rulebook.returns->rules;
  if (std::none_of(rules.begin(), rules.end(), [](const auto& r) { return r.when.has_receipt; }))
    return;
  for (;;) {
    std::string answer =
        prompt.ask("Does the customer have a receipt or order confirmation? (y/n)");
    if (answer == "y" || answer == "yes" || answer == "n" || answer == "no") {
      claim.has_receipt = answer.front() == 'y';
      return;
    }
    prompt.say("Please answer y or n.");
  }
}

// The order line that comes back (its index), or nullopt when the agent is done.
std::optional<std::size_t> ask_line(Prompter& prompt, const model::Claim& claim) {
  const auto& lines = claim.order.lines;
  for (;;) {
    std::string answer = prompt.ask(
        claim.items.empty() ? "Which line comes back? Its number or sku:"
                            : "Another line coming back? Its number or sku, or Enter when done:");
    if (answer.empty() && !claim.items.empty()) return std::nullopt;
    std::vector<std::string> skus;
    for (const auto& line : lines) skus.push_back(line.sku);
    if (auto index = Prompter::pick(answer, skus)) {
      bool taken = std::any_of(claim.items.begin(), claim.items.end(),
                               [&](const auto& item) { return item.sku == skus[*index]; });
      if (!taken) return index;
      prompt.say(fmt::format("{} is already on the claim.", skus[*index]));
      continue;
    }
    prompt.say(fmt::format("Please answer with a number from 1 to {} or a sku of the order.",
                           lines.size()));
  }
}

std::int64_t ask_qty(Prompter& prompt, const model::OrderLine& line) {
  if (line.qty == 1) return 1;
  for (;;) {
    std::string answer = prompt.ask(fmt::format("How many of the {} come back?", line.qty));
    std::int64_t qty = 0;
    auto [ptr, error] = std::from_chars(answer.data(), answer.data() + answer.size(), qty);
    if (error == std::errc{} && ptr == answer.data() + answer.size() && qty >= 1 && qty <= line.qty)
      return qty;
    prompt.say(fmt::format("Please answer with a number from 1 to {}.", line.qty));
  }
}

// Reason, then condition, each asked only when its answer changes the decision.
void ask_item_facts(Prompter& prompt, const model::Rulebook& rulebook, const model::Claim& claim,
                    model::ClaimItem& item, std::vector<std::string>& notes) {
  ItemQuestions questions(rulebook, claim, item);
  const auto& reasons = questions.reasons();
  const auto& conditions = questions.conditions();
  if (questions.reason_matters()) {
    item.reason =
        reasons[prompt.menu(fmt::format("Why does {} come back?", item.sku), reasons, reason_help)];
  } else {
    item.reason = reasons.front();
    notes.push_back(
        fmt::format("{}: reason not asked, every answer decides the same; "
                    "recorded as {}.",
                    item.sku, item.reason));
  }
  if (questions.condition_matters(item.reason)) {
    item.condition = conditions[prompt.menu(fmt::format("In what condition is {}?", item.sku),
                                            conditions, condition_help)];
  } else {
    item.condition = conditions.front();
    notes.push_back(
        fmt::format("{}: condition not asked, every answer decides the same; "
                    "recorded as {}.",
                    item.sku, item.condition));
  }
}

// The item's decision as soon as its facts are in (the whole claim's follows
// at the end: a refund of several items may share out the order's discounts).
void show_item_decision(Prompter& prompt, const model::Rulebook& rulebook,
                        const model::Claim& claim, const model::ClaimItem& item) {
  auto decided = decide_alone(engine::CompiledRulebook(rulebook), claim, item);
  if (!decided) return;
  prompt.say(fmt::format("→ {} × {}: {} {} {} under rule `{}`", item.sku, item.qty,
                         model::outcome_name(decided->outcome),
                         core::format_money(decided->amount, rulebook.store.currency.minor_digits),
                         rulebook.store.currency.code, decided->rule));
}

// A return without an order: the sku that comes back, a product of the
// catalog, or nullopt when the agent is done.
std::optional<std::string> ask_product(Prompter& prompt, const model::Rulebook& rulebook,
                                       const model::Claim& claim) {
  std::optional<core::Suggester> skus;
  for (;;) {
    std::string answer =
        prompt.ask(claim.items.empty() ? "Which sku comes back?"
                                       : "Another sku coming back? Its sku, or Enter when done:");
    if (answer.empty() && !claim.items.empty()) return std::nullopt;
    const model::Product* product = rulebook.catalog ? rulebook.catalog->product(answer) : nullptr;
    if (product) {
      bool taken = std::any_of(claim.items.begin(), claim.items.end(),
                               [&](const auto& item) { return item.sku == answer; });
      if (!taken) return answer;
      prompt.say(fmt::format("{} is already on the claim.", answer));
      continue;
    }
    prompt.say(fmt::format("The catalog has no product {}{}", answer,
                           load::detail::nearest_product(rulebook, answer, skus)));
  }
}

std::int64_t ask_units(Prompter& prompt, const std::string& sku) {
  for (;;) {
    std::string answer = prompt.ask(fmt::format("How many {} come back?", sku));
    std::int64_t qty = 0;
    auto [ptr, error] = std::from_chars(answer.data(), answer.data() + answer.size(), qty);
    if (error == std::errc{} && ptr == answer.data() + answer.size() && qty >= 1 &&
        qty <= core::limits::kMaxQty)
      return qty;
    prompt.say(fmt::format("Please answer with a number from 1 to {}.", core::limits::kMaxQty));
  }
}

// The questions about an imported order: its lines, one by one.
void ask_about_order(Prompter& prompt, const model::Rulebook& rulebook, model::Claim& claim,
                     std::vector<std::string>& notes) {
  prompt.say(fmt::format("Order {}:", claim.order.id));
  for (std::size_t i = 0; i < claim.order.lines.size(); ++i) {
    const auto& line = claim.order.lines[i];
    prompt.say(fmt::format("  {}) {} × {}", i + 1, line.sku, line.qty));
  }
  ask_filed(prompt, rulebook, claim);
  ask_receipt(prompt, rulebook, claim);
  while (claim.items.size() < claim.order.lines.size()) {
    auto index = ask_line(prompt, claim);
    if (!index) break;
    model::ClaimItem item;
    item.sku = claim.order.lines[*index].sku;
    item.qty = ask_qty(prompt, claim.order.lines[*index]);
    ask_item_facts(prompt, rulebook, claim, item, notes);
    show_item_decision(prompt, rulebook, claim, item);
    claim.items.push_back(std::move(item));
  }
}

// A store return without a receipt (issue 16, item 5): no order, no receipt
// question; the skus are the catalog's products.
void ask_without_order(Prompter& prompt, const model::Rulebook& rulebook, model::Claim& claim,
                       std::vector<std::string>& notes) {
  prompt.say(fmt::format(
      "A return without a receipt in channel {}: no order; each sku's category and price are the catalog's.",
      claim.channel.value_or("")));
  ask_filed(prompt, rulebook, claim);
  while (claim.items.size() < core::limits::kMaxClaimItems) {
    auto sku = ask_product(prompt, rulebook, claim);
    if (!sku) break;
    model::ClaimItem item;
    item.sku = *sku;
    item.qty = ask_units(prompt, *sku);
    ask_item_facts(prompt, rulebook, claim, item, notes);
    show_item_decision(prompt, rulebook, claim, item);
    claim.items.push_back(std::move(item));
  }
}

}  // namespace

core::Result<GuidedClaim> guided_intake(const model::Rulebook& rulebook, model::Claim claim,
                                        std::istream& in, std::ostream& out, bool echo) {
  Prompter prompt(in, out, echo);
  GuidedClaim guided;
  try {
    if (claim.has_order)
      ask_about_order(prompt, rulebook, claim, guided.notes);
    else
      ask_without_order(prompt, rulebook, claim, guided.notes);
  } catch (const AnswersEnded& ended) {
    return core::Error{
        "import/answers-ended",
        fmt::format("the answers ended before the claim was complete, at \"{}\"", ended.question)};
  }
  for (const auto& note : guided.notes) prompt.say(note);
  guided.claim = std::move(claim);
  return guided;
}

}  // namespace fineprint::intake
