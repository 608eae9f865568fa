/**
 * Path traversal and local file inclusion: directory escapes ({@code ../} climbing above where the path starts, in
 * any of the encodings and separator spellings servers accept), reads of sensitive operating-system, cloud-runtime and
 * application files, and PHP stream wrappers used to include files. See {@code docs/detectors/path_traversal.md}.
 */
package dev.vigil.shield.detect.pathtraversal;
