package dev.vigil.server.store;

/**
 * A person who uses the dashboard or API.
 *
 * @param id stable id
 * @param username unique name
 * @param role what they may do
 * @param disabled whether they are locked out
 * @param createdAt when the user was created
 */
public record User(long id, String username, Role role, boolean disabled, long createdAt) {}
