package org.partnerhub.onboarding.sandbox;

/** A Partner API refusal, answered in 360dialog's error shape by {@link ApiProblemMapper}. */
class ApiProblem extends RuntimeException {

    private final int status;

    ApiProblem(int status, String developerMessage) {
        super(developerMessage, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
