#include "lint/rules/vague_phrases.hpp"

namespace fineprint::lint {

const std::vector<VaguePhrase>& vague_phrases() {
  static const std::vector<VaguePhrase> phrases{
      // English
      {"en", "while stocks last"},
      {"en", "while supplies last"},
      {"en", "selected items"},
      {"en", "selected products"},
      {"en", "up to"},
      {"en", "etc."},
      {"en", "and more"},
      {"en", "subject to availability"},
      {"en", "reasonabl*"},
      {"en", "at our discretion"},
      // Latvian
      {"lv", "kamēr krājumi pietiek"},
      {"lv", "līdz krājumu beigām"},
      {"lv", "izvēlēt* prec*"},
      {"lv", "līdz pat"},
      {"lv", "u.c."},
      {"lv", "utt."},
      {"lv", "un vēl"},
      {"lv", "atkarībā no pieejamības"},
      {"lv", "saprātīg*"},
      // Lithuanian
      {"lt", "kol yra prekių"},
      {"lt", "kol turime prekių"},
      {"lt", "pasirinkt* prek*"},
      {"lt", "net iki"},
      {"lt", "ir kt."},
      {"lt", "ir t. t."},
      {"lt", "ir daugiau"},
      {"lt", "priklausomai nuo prieinamumo"},
      {"lt", "pagrįst*"},
      // Polish
      {"pl", "do wyczerpania zapasów"},
      {"pl", "wybran* produkt*"},
      {"pl", "nawet do"},
      {"pl", "itp."},
      {"pl", "itd."},
      {"pl", "i więcej"},
      {"pl", "w zależności od dostępności"},
      {"pl", "rozsądn*"},
      // Russian
      {"ru", "пока товар есть в наличии"},
      {"ru", "до исчерпания запасов"},
      {"ru", "пока запасы не закончатся"},
      {"ru", "избранн* товар*"},
      {"ru", "выбранн* товар*"},
      {"ru", "вплоть до"},
      {"ru", "и т.д."},
      {"ru", "и т. д."},
      {"ru", "и др."},
      {"ru", "и многое другое"},
      {"ru", "при наличии"},
      {"ru", "разумн*"},
  };
  return phrases;
}

}  // namespace fineprint::lint
