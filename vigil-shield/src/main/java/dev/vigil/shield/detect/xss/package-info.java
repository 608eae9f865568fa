/**
 * Cross-site scripting detection: a small tolerant HTML tokenizer modelled on the HTML5 tokenizer states (data, tag
 * open, tag name, attribute name and value, end tags, {@code <!} and {@code <?}) that judges tags and attributes, plus
 * a JavaScript-context judge for values that break out of an attribute or a script string. See
 * {@code docs/detectors/xss.md}.
 */
package dev.vigil.shield.detect.xss;
