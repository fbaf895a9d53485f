package vn.motcua.gateway.auth;

import java.util.Set;

/** The verified caller of a request: token subject and roles (JWT {@code groups}). */
public record Identity(String subject, Set<String> roles) {
}
