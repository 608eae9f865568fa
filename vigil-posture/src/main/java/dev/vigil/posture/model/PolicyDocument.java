package dev.vigil.posture.model;

import dev.vigil.posture.source.Location;
import java.util.List;

/**
 * A policy document.
 *
 * @param name the policy name when it has one (inline policy name, managed policy name), else null
 * @param statements statements in order
 * @param location where the document is written: the key that holds it (e.g. {@code PolicyDocument}), or the
 *     document itself for a standalone file
 */
public record PolicyDocument(String name, List<Statement> statements, Location location) {

    public PolicyDocument {
        statements = List.copyOf(statements);
    }
}
