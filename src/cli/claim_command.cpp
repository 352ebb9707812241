// `fineprint claim new`: a claim file written from a shop's order export and
// the facts an agent adds with flags (issue 16; docs/import.md). The claim is
// loaded by the real claim reader against the rulebook before it is written.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "batch/output.hpp"
#include "cli/commands.hpp"
#include "cli/decision_support.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "cli/rulebook_option.hpp"
#include "core/limits.hpp"
#include "core/shell_word.hpp"
#include "engine/decision.hpp"
#include "intake/claim_form.hpp"
#include "intake/claim_writer.hpp"
#include "intake/guided_intake.hpp"
#include "intake/order_import.hpp"
#include "load/toml_document.hpp"
#include "report/decision_text.hpp"

namespace fineprint::cli {

namespace {

struct NewOptions {
  RulebookChoice rules;  // as given; `rulebook` once settled
  std::string rulebook, order, from, format = "toml", output;
  std::optional<std::string> channel, delivered, filed, id;
  std::vector<std::string> items;
  std::optional<bool> receipt;
  bool force = false;
  bool guided = false;  // ask the agent (issue 16, item 3)
};

// --id, else the order's id and "-return"; without an order the id says
// what the claim is and the local day it was made: "store-return-2027-01-05".
std::string default_claim_id(const NewOptions& o, const model::Store& store,
                             const model::Claim& claim) {
  if (o.id) return *o.id;
  if (claim.has_order) return claim.order.id + "-return";
  return "store-return-" + core::format_instant(store.zone, claim.filed_at).substr(0, 10);
}

// The order file → the claim's order and customer; nullopt after printing the error.
std::optional<intake::ImportedOrder> import(const NewOptions& o, const model::Rulebook& rulebook) {
  auto source = intake::parse_order_source(o.from);
  if (!source) {
    fail(fmt::format("--from must be shopify or woocommerce, not \"{}\"", o.from));
    return std::nullopt;
  }
  intake::ImportOptions options;
  options.channel = o.channel;
  if (o.delivered) {
    options.delivered_at = core::parse_rfc3339(*o.delivered);
    if (!options.delivered_at) {
      fail(fmt::format(
          "--delivered \"{}\" must be a date-time with offset such as 2027-01-05T14:30:00+02:00",
          *o.delivered));
      return std::nullopt;
    }
  }
  std::string error;
  auto text = load::read_file(o.order, error);
  if (!text) {
    fail(fmt::format("cannot read {}: {}", o.order, error));
    return std::nullopt;
  }
  if (text->size() > core::limits::kMaxFileBytes) {
    fail(fmt::format("{} is larger than {} bytes (docs/limits.md)", o.order,
                     core::limits::kMaxFileBytes));
    return std::nullopt;
  }
  auto imported = intake::import_order(*text, *source, rulebook, options);
  if (!imported) {
    fail(fmt::format("{}: {} [{}]", o.order, imported.error().message, imported.error().rule));
    return std::nullopt;
  }
  return std::move(imported.value());
}

// --item, --filed, --receipt and --id onto the claim; false after printing the error.
bool add_claim_facts(const NewOptions& o, const model::Store& store, model::Claim& claim) {
  // fail() prints and returns exit code 2; this function answers "done or not".
  auto refuse = [](const std::string& message) {
    fail(message);
    return false;
  };
  if (!o.filed) return refuse("--item needs --filed: when the customer made the claim");
  auto filed = intake::parse_filed(*o.filed, store.zone);
  if (!filed) return refuse(filed.error().message);
  claim.filed_at = *filed;
  claim.has_receipt = o.receipt;
  // Without an order the claim's id says what it is and when it was made.
  claim.id = default_claim_id(o, store, claim);
  for (const auto& spec : o.items) {
    auto item = intake::parse_item(spec);
    if (!item) return refuse(item.error().message);
    claim.items.push_back(std::move(item.value()));
  }
  return true;
}

// Writes `text` to stdout, or to -o FILE: a new file, or with --force a
// replaced one (whole or not at all, as batch -o).
int write_out(const NewOptions& o, const std::string& text) {
  if (o.output.empty()) {
    std::cout << text;
    return kExitOk;
  }
  try {
    if (!o.force) {
      int fd = ::open(o.output.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
      if (fd < 0 && errno == EEXIST)
        return fail(fmt::format("{} exists; give --force to replace it", o.output));
      if (fd < 0) return fail(fmt::format("cannot write {}: {}", o.output, std::strerror(errno)));
      bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
      if (::close(fd) != 0 || !written) {
        ::unlink(o.output.c_str());
        return fail(fmt::format("cannot write {}: {}", o.output, std::strerror(errno)));
      }
      return kExitOk;
    }
    batch::BatchOutput out(o.output, -1, "");
    if (::write(out.fd(), text.data(), text.size()) != static_cast<ssize_t>(text.size()))
      return fail(fmt::format("cannot write {}: {}", o.output, std::strerror(errno)));
    out.commit();
  } catch (const std::runtime_error& error) {
    return fail(error.what());
  }
  return kExitOk;
}

// The claim as written, read back by the real claim reader against the
// rulebook: what is written will load. Its errors are printed.
std::optional<load::LoadedClaim> read_back(const std::string& toml, bool has_claim,
                                           const model::Rulebook& rulebook) {
  load::ClaimLoadOptions check;
  check.order_only = !has_claim;
  auto reread = load::load_claim_text(toml, "<written claim>", rulebook, check);
  if (print_claim_diagnostics(reread.diagnostics)) return std::nullopt;
  return reread;
}

// What to run next on the written claim: the decision and the letter
// (issue 16), on standard error. A claim written to standard output is
// being piped somewhere already; only the guided intake, which a person
// reads, names the pipe then.
void show_next_commands(const NewOptions& o, bool guided) {
  // The rulebook options as the agent gave them: the next command settles
  // the rulebook the same way this one did.
  // Every path is quoted for the shell, so the line works when pasted.
  std::string rules;
  if (!o.rules.given.empty()) rules += " --rules " + core::shell_word(o.rules.given);
  if (!o.rules.config.file.empty()) rules += " --config " + core::shell_word(o.rules.config.file);
  if (o.rules.config.none) rules += " --no-config";
  if (!o.output.empty()) {
    const std::string output = core::shell_word(o.output);
    std::cerr << fmt::format("\nDecide it:       fineprint resolve{} {}\n", rules, output);
    std::cerr << fmt::format("Write the reply: fineprint reply{} {}\n", rules, output);
  } else if (guided) {
    std::cerr << fmt::format(
        "\nPipe the claim into `fineprint resolve{} -` to decide it and `fineprint reply{} -` for the letter.\n",
        rules, rules);
  }
}

// Guided intake ends with the decision and the commands that give it again.
void show_decision(const model::Rulebook& rulebook, const model::Claim& claim) {
  auto decision = engine::decide(rulebook, claim);
  if (!decision) return;
  std::cerr << "\n" << report::decision_text(*decision, false);
}

// The claim as TOML or JSON, read back first; then what to run next.
int write_claim(const NewOptions& o, const model::Rulebook& rulebook,
                const intake::ClaimText& text) {
  std::string toml = intake::claim_toml(text, rulebook.store);
  auto reread = read_back(toml, text.has_claim, rulebook);
  if (!reread) return kExitCannot;
  int written = o.format == "json" ? write_out(o, intake::claim_json(text, rulebook.store) + "\n")
                                   : write_out(o, toml);
  if (written != kExitOk) return written;
  if (o.guided) show_decision(rulebook, reread->claim);
  if (text.has_claim) show_next_commands(o, o.guided);
  return written;
}

// A store return without a receipt (issue 16, item 5): no order to import;
// the items' facts come from the catalog when the claim is read.
int claim_without_order(const NewOptions& o, const model::Rulebook& rulebook) {
  if (o.guided && (!o.items.empty() || o.filed))
    return fail("give --item and --filed, or answer the questions, not both");
  if (!o.guided && o.items.empty())
    return fail("a store return without a receipt needs --item (or --guided, to be asked)");
  model::Claim claim;
  claim.has_order = false;
  claim.channel = o.channel;
  claim.has_receipt = false;
  std::vector<std::string> notes;
  if (o.guided) {
    // Asked about nothing a claim without an order cannot be (an online channel).
    if (model::is_distance_channel(rulebook.store, *o.channel))
      return fail(fmt::format(
          "`{}` is a distance channel: a purchase made at a distance always has its order (give --order)",
          *o.channel));
    auto guided = intake::guided_intake(rulebook, std::move(claim), std::cin, std::cerr,
                                        ::isatty(STDIN_FILENO) != 1);
    if (!guided) return fail(guided.error().message);
    claim = std::move(guided.value().claim);
    claim.id = default_claim_id(o, rulebook.store, claim);
    notes = std::move(guided->notes);
  } else if (!add_claim_facts(o, rulebook.store, claim)) {
    return kExitCannot;
  }
  intake::ClaimText text{claim, true, notes,
                         "Written by `fineprint claim new --no-receipt`: no receipt, no order."};
  return write_claim(o, rulebook, text);
}

int claim_new(NewOptions& o) {
  const bool without_order =
      o.order.empty() && o.from.empty() && o.receipt == false && o.channel && !o.delivered;
  if (!without_order && (o.order.empty() || o.from.empty()))
    return fail(
        "claim new needs --order FILE and --from shopify|woocommerce, or for a store return without a receipt --no-receipt and --channel (see --help)");
  if (o.format != "toml" && o.format != "json")
    return fail(fmt::format("--format must be toml or json, not \"{}\"", o.format));
  // Before any question is asked (write_out checks again, atomically).
  std::error_code ignored;
  if (!o.output.empty() && !o.force && std::filesystem::exists(o.output, ignored))
    return fail(fmt::format("{} exists; give --force to replace it", o.output));
  auto loaded = load_rules_for_claims(o.rulebook, false);
  if (!loaded) return kExitCannot;
  const model::Rulebook& rulebook = loaded->rulebook;
  if (without_order) return claim_without_order(o, rulebook);
  auto imported = import(o, rulebook);
  if (!imported) return kExitCannot;

  model::Claim claim;
  claim.order = imported->order;
  if (imported->customer_id) claim.customer.id = *imported->customer_id;
  const bool has_claim = !o.items.empty() || o.guided;
  if (o.guided && (!o.items.empty() || o.filed || o.receipt))
    return fail("give --item, --filed and --receipt, or answer the questions, not both");
  if (!has_claim && (o.filed || o.receipt || o.id))
    return fail("--filed, --receipt, --no-receipt and --id describe returned items: give --item");
  if (o.guided) {
    // The order must load before anyone is asked about it.
    intake::ClaimText order_only{claim, false, {}, {}};
    if (!read_back(intake::claim_toml(order_only, rulebook.store), false, rulebook))
      return kExitCannot;
    auto guided = intake::guided_intake(rulebook, std::move(claim), std::cin, std::cerr,
                                        ::isatty(STDIN_FILENO) != 1);
    if (!guided) return fail(guided.error().message);
    claim = std::move(guided.value().claim);
    claim.id = o.id ? *o.id : claim.order.id + "-return";
    imported->notes.insert(imported->notes.end(), guided->notes.begin(), guided->notes.end());
  } else if (has_claim && !add_claim_facts(o, rulebook.store, claim)) {
    return kExitCannot;
  }

  intake::ClaimText text{
      claim, has_claim, imported->notes,
      fmt::format("Written by `fineprint claim new --from {}` from {}.", o.from, o.order)};
  return write_claim(o, rulebook, text);
}

}  // namespace

int run_claim(const Args& args) {
  // `claim --help` is `claim new --help`: new is the only verb, and one
  // usage text serves --help, `fineprint help claim` and the man page.
  if (!args.empty() && (args.front() == "--help" || args.front() == "-h"))
    return run_claim({"new", "--help"});
  if (args.empty() || args.front() != "new")
    return fail("claim needs a verb: `fineprint claim new` (see `fineprint claim new --help`)");
  NewOptions o;
  po::options_description options("claim new options");
  declare_rulebook_options(options, o.rules);
  options.add_options()("order", po::value(&o.order)->value_name("FILE"),
                        "the order as the shop system exports it (JSON)")(
      "from", po::value(&o.from)->value_name("SYSTEM"), "the shop system: shopify or woocommerce")(
      "channel", po::value<std::string>()->value_name("NAME"),
      "the order's channel (default: the store's first distance channel); with --no-receipt and no --order, the store channel of a return without an order")(
      "delivered", po::value<std::string>()->value_name("WHEN"),
      "when the order was delivered (RFC 3339), if the export does not say")(
      "item", po::value(&o.items)->value_name("SKU:QTY:CONDITION:REASON"),
      "a returned item, SKU:QTY:CONDITION:REASON (repeat for several)")(
      "filed", po::value<std::string>()->value_name("WHEN"),
      "when the claim was made: RFC 3339, or a date (the end of that day)")(
      "receipt", "the customer has a proof of purchase")("no-receipt",
                                                         "the customer has no proof of purchase")(
      "id", po::value<std::string>()->value_name("ID"),
      "the claim's id (default: the order id and \"-return\")")(
      "format", po::value(&o.format)->value_name("FORMAT"), "toml or json (default toml)")(
      "output,o", po::value(&o.output)->value_name("FILE"),
      "write to FILE instead of standard output")("force", "replace an existing -o FILE")(
      "guided",
      "ask for the claim's facts line by line (the default in a terminal without --item)");
  po::variables_map vm;
  if (auto done =
          parse_options(Args(args.begin() + 1, args.end()),
                        "fineprint claim new --order FILE --from shopify|woocommerce [options]\n"
                        "       fineprint claim new --no-receipt --channel CHANNEL [options]",
                        options, {}, vm))
    return *done;
  auto optional = [&](const char* name, std::optional<std::string>& into) {
    if (vm.count(name)) into = vm[name].as<std::string>();
  };
  optional("channel", o.channel);
  optional("delivered", o.delivered);
  optional("filed", o.filed);
  optional("id", o.id);
  if (vm.count("receipt") && vm.count("no-receipt"))
    return fail("give --receipt or --no-receipt, not both");
  if (vm.count("receipt")) o.receipt = true;
  if (vm.count("no-receipt")) o.receipt = false;
  o.force = vm.count("force") > 0;
  // In a terminal without --item the agent is asked; a script is not.
  o.guided = vm.count("guided") > 0 ||
             (o.items.empty() && !o.filed && !o.receipt && ::isatty(STDIN_FILENO) == 1);
  auto rulebook = chosen_rulebook(o.rules, vm);
  if (!rulebook) return kExitCannot;
  o.rulebook = *rulebook;
  // Standard input is read once: by the rulebook, the order, or the
  // guided intake's answers, never two of them.
  std::vector<std::string> inputs{o.rulebook, o.order};
  if (o.guided) inputs.emplace_back("-");
  if (auto done = stdin_at_most_once(inputs)) return *done;
  return claim_new(o);
}

}  // namespace fineprint::cli
