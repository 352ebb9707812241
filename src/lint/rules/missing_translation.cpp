// text/missing-translation: a customer-facing text that a declared language
// lacks.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "lint/rules/checks.hpp"
#include "lint/rules/rulebook_texts.hpp"

namespace fineprint::lint {

namespace {

void check_missing_translation(const LintContext& context, core::Diagnostics& out) {
  const std::vector<std::string>& declared = context.rulebook.store.languages;
  for (const TextSite& site : rulebook_texts(context.rulebook)) {
    std::vector<std::string> missing;
    for (const auto& language : declared)
      if (!site.text->in(language)) missing.push_back(language);
    if (missing.empty()) continue;
    bool plain = site.text->by_language.size() == 1 && missing.size() + 1 == declared.size() &&
                 site.text->in(declared.front());
    out.push_back(finding(
        kTextMissingTranslation,
        fmt::format("`{}` of {} has no text in {} (the store answers in {})", site.key, site.owner,
                    fmt::join(missing, ", "), fmt::join(declared, ", ")),
        site.text->where,
        plain
            ? fmt::format(
                  "a plain string is the text in \"{}\" only; write a table of every language: {} = \"…\", …",
                  declared.front(), declared.front())
            : fmt::format("add {} to the table", fmt::join(missing, ", ")),
        site.subject));
  }
}

}  // namespace

const Rule kTextMissingTranslation{
    .name = "text/missing-translation",
    .severity = core::Severity::error,
    .summary = "a customer-facing text lacks a language the store declares",
    .doc =
        "A customer-facing text (`name` and `[store.letter]` of [store], `title` and `terms` of a promotion, `because` and `cite` of a returns rule or `otherwise`, `basis` of an exemption, `because` of an assert) that has no text in one of the languages `languages` of [store] declares: a table of languages without one of them, or a plain string (the default language's text) when the store declares more than one language. A plain-string `name` is the store's name in every language and never fires. Points at the text and names the missing languages.",
    .why =
        "A customer who is answered in their language must get every text in it: a letter or published terms that fall back to another language mid-sentence are neither polite nor clear.",
    .example =
        "[store]\nlanguages = [\"lv\", \"en\"]\n[[returns.rule]]\nid = \"USED\"\noutcome = \"deny\"\nbecause = { lv = \"Lietotas preces netiek pieņemtas atpakaļ.\" }",
    .fix =
        "Write the text in every declared language, `because = { lv = \"…\", en = \"…\" }`, or stop declaring the language.",
    .when = RunWhen::always,
    .check = check_missing_translation,
};

}  // namespace fineprint::lint
