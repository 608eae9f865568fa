/**
 * NoSQL injection: MongoDB query operators smuggled into keys and bracket parameters, JavaScript injected into
 * server-side {@code $where}/{@code mapReduce} code, and ORM lookup operators ({@code field__gte}) in parameter names.
 */
package dev.vigil.shield.detect.nosqli;
