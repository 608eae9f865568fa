/** One adapter per AWS event shape, finding every attacker-controlled string with its location. */
package dev.vigil.shield.aws.events;
