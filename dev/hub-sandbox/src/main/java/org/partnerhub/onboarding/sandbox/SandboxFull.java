package org.partnerhub.onboarding.sandbox;

/** A bound of the in-memory state is reached; a reset ({@code POST /sandbox/reset}) makes room again. */
final class SandboxFull extends ApiProblem {

    SandboxFull(String what, int limit) {
        super(503, "the sandbox holds " + limit + " " + what + " at most; POST /sandbox/reset to start over");
    }
}
