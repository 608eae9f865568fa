/**
 * CRLF injection: line breaks followed by a forged HTTP header, a forged response, a forged log line or a mail/IMAP
 * protocol command.
 */
package dev.vigil.shield.detect.crlf;
