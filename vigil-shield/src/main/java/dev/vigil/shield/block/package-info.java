/** Blocking in the shape each trigger expects: HTTP refusals, dropped or failed batch records. */
package dev.vigil.shield.block;
