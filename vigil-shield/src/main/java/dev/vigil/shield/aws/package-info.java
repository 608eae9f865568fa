/** AWS Lambda integration: the zero-code {@code WrapperHandler} and the runtime's handler conventions. */
package dev.vigil.shield.aws;
