#include "engine/promotion_index.hpp"

#include <algorithm>

#include "model/promotion_eligibility.hpp"

namespace fineprint::engine {

namespace {

WindowIndex::Window window_of(const model::Promotion& p, std::uint32_t rank) {
  return {p.starts.instant, p.ends ? p.ends->instant : core::Instant::max(), rank};
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

PromotionIndex::PromotionIndex(const std::vector<model::Promotion>& promotions) {
  for (std::size_t i : model::consideration_order(promotions)) order_.push_back(&promotions[i]);
  std::vector<WindowIndex::Window> unrestricted;
  std::map<std::string, std::vector<WindowIndex::Window>, std::less<>> per_channel;
  for (std::uint32_t rank = 0; rank < order_.size(); ++rank) {
    const model::Promotion& p = *order_[rank];
    if (!p.channels) {
      unrestricted.push_back(window_of(p, rank));
      continue;
    }
    for (const auto& channel : *p.channels) {
      auto& list = per_channel[channel.value];
      if (list.empty() || list.back().rank != rank) list.push_back(window_of(p, rank));
    }
  }
  for (const model::Promotion* p : order_)  // emplace keeps the first considered
    if (p->code) codes_.emplace(ascii_lower(p->code->value), p);
  every_channel_ = WindowIndex(std::move(unrestricted));
  for (auto& [channel, windows] : per_channel)
    channel_.emplace(channel, WindowIndex(std::move(windows)));
  for (const auto& p : promotions) ids_.emplace(p.id.value, &p);
}

std::vector<std::uint32_t> PromotionIndex::open(core::Instant placed_at,
                                                std::string_view channel) const {
  std::vector<std::uint32_t> ranks;
  every_channel_.holding(placed_at, ranks);
  if (auto it = channel_.find(channel); it != channel_.end()) it->second.holding(placed_at, ranks);
  std::sort(ranks.begin(), ranks.end());
  return ranks;
}

const model::Promotion* PromotionIndex::by_id(std::string_view id) const {
  auto it = ids_.find(id);
  return it == ids_.end() ? nullptr : it->second;
}

const model::Promotion* PromotionIndex::by_code(std::string_view code) const {
  auto it = codes_.find(ascii_lower(code));
  return it == codes_.end() ? nullptr : it->second;
}

}  // namespace fineprint::engine
