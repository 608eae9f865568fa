/**
 * The OS command injection detector ({@code cmdi}): a small shell lexer that reads a value as the tail of a POSIX
 * sh/bash or Windows cmd/PowerShell command line, finds command boundaries and judges whether the word that follows is
 * a command invocation. See {@code docs/detectors/cmdi.md}.
 */
package dev.vigil.shield.detect.cmdi;
