package dev.vigil.shield.auth;
public record AuthResult(boolean ok, String code, String reason, String name) { public static AuthResult success(){ return new AuthResult(true, null, null, null);} }
