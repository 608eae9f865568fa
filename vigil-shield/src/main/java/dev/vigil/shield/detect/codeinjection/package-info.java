/**
 * Code injection into interpreters: PHP (tags, dangerous calls, superglobals, variable functions, serialized objects,
 * configuration directives, script uploads), Node.js (runtime objects, module loading, Function constructor), and
 * Perl, Ruby and Python (interpolation, process and import calls).
 */
package dev.vigil.shield.detect.codeinjection;
