/** What the Shield inspects: extracted values with their locations, their decoded variants, and HTTP requests. */
package dev.vigil.shield.inspect;
