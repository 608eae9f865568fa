/** Vigil's shared vocabulary: severities and identifiers used by every module. */
package dev.vigil.core;
