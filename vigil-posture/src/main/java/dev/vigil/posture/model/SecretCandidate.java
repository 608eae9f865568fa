package dev.vigil.posture.model;

import dev.vigil.posture.source.Location;

/**
 * A template value that may put a secret in the template: a documented secret property ({@code MasterUserPassword},
 * {@code EventSourceToken} …), credentials in {@code AWS::CloudFormation::Authentication}, a parameter default, or any
 * other value that has a token's shape or sits under a secret-like name. Function environments are not here (they
 * are {@link Function#environment()}). The secrets checks decide; the value is never printed unmasked.
 *
 * @param subject the resource's logical id, or the parameter/output/mapping name
 * @param resourceType e.g. {@code AWS::RDS::DBInstance}; {@code Parameter}, {@code Output} or {@code Mapping} outside
 *     {@code Resources}
 * @param setting the property path, e.g. {@code LoginProfile.Password}
 * @param name the name the value goes by (the last key, or the {@code Name} next to a {@code Value})
 * @param source what kind of place this is
 * @param provenance how the value is given
 * @param parameter the template parameter the value comes from, or null
 * @param value the value (literal text for literals and parameter defaults)
 * @param location where to report: the property's key
 */
public record SecretCandidate(
        String subject,
        String resourceType,
        String setting,
        String name,
        Source source,
        Provenance provenance,
        String parameter,
        Value value,
        Location location) {

    /** The kind of place a candidate was found. */
    public enum Source {
        /** A property the resource type documents as a secret. */
        SECRET_PROPERTY,
        /** Credentials in {@code Metadata: AWS::CloudFormation::Authentication}. */
        AUTHENTICATION,
        /** A template parameter's {@code Default}. */
        PARAMETER,
        /** Any other value (token shape, or under a secret-like name). */
        VALUE
    }

    /** How a candidate's value is given. */
    public enum Provenance {
        /** Written in the template. */
        LITERAL,
        /** A {@code Ref} to a parameter whose {@code Default} holds it (without {@code NoEcho}). */
        PARAMETER_DEFAULT,
        /** A {@code Ref} to a {@code NoEcho} parameter that still has a {@code Default}. */
        NO_ECHO_DEFAULT,
        /** A {@code Ref} to a parameter without {@code NoEcho} and without a default: shown by DescribeStacks. */
        PARAMETER_SHOWN,
        /** A {@code {{resolve:ssm:…}}} reference: a plain (unencrypted) SSM parameter. */
        SSM_PLAINTEXT,
        /** Any other reference (a resource attribute, an import): the template names where it comes from. */
        REFERENCE
    }
}
