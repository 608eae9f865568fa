/**
 * SQL injection detection by lexing and shape: {@link dev.vigil.shield.detect.sqli.SqliDetector} reads a value as SQL
 * in the contexts an injection starts from (bare, after an opening single quote, after an opening double quote), folds
 * the token stream, and judges whether it leaves its context and continues the query (a condition, a UNION, a stacked
 * statement, a cutting comment, a dangerous built-in). See {@code docs/detectors/sqli.md}.
 */
package dev.vigil.shield.detect.sqli;
