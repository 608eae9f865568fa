/** Bounded JSON reading and writing over plain Java values, the Shield's only JSON layer. */
package dev.vigil.shield.json;
