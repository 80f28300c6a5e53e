package io.vocengine.engine.model;

/**
 * Personal data found in the raw text and masked in the cleaned text with a typed placeholder. The raw text itself is
 * kept as received; what is shown, indexed or exported decides whether to use the mask.
 *
 * @param type        PHONE, LANDLINE, ID_CARD, BANK_CARD, EMAIL, PLATE, WECHAT, QQ, NAME
 * @param raw         the personal data's span in the raw text (UTF-16 units)
 * @param placeholder the text that replaced it in the cleaned text, e.g. ⟨PHONE⟩
 */
public record PiiMask(String type, Span raw, String placeholder) {
}
