/** Small helpers shared inside the Shield. */
package dev.vigil.shield.util;
