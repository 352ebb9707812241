# intake/: claims written without hand-written TOML (issue 16): shop order
# exports read, and the claim written out. Only this folder's files.
list(APPEND FINEPRINT_CORE_SOURCES
  src/intake/json_tree.cpp
  src/intake/order_fields.cpp
  src/intake/order_import.cpp
  src/intake/shopify_order.cpp
  src/intake/woocommerce_order.cpp
  src/intake/claim_writer.cpp
  src/intake/claim_form.cpp
  src/intake/item_questions.cpp
  src/intake/guided_intake.cpp
)
