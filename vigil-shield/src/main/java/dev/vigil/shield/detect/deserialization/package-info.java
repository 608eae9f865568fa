/**
 * Insecure-deserialization detector: serialized object streams (Java, PHP, .NET, Python), polymorphic type keys and
 * YAML tags that construct classes, and gadget or sensitive class names in values.
 */
package dev.vigil.shield.detect.deserialization;
