package org.partnerhub.onboarding.auth;

import jakarta.enterprise.context.RequestScoped;

/** The credential of the current request, set by {@link CredentialFilter} before a protected endpoint runs. */
@RequestScoped
public class Caller {

    private Credential credential;

    void set(Credential credential) {
        this.credential = credential;
    }

    /**
     * @throws IllegalStateException on a public endpoint, which has no caller; a protected one always has
     */
    public Credential credential() {
        if (credential == null) {
            throw new IllegalStateException("no credential: only endpoints with @RequiresScope have a caller");
        }
        return credential;
    }
}
