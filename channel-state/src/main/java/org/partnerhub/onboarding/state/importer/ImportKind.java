package org.partnerhub.onboarding.state.importer;

/** The Partner API listings an import pages through, in the order it reads them. */
public enum ImportKind {
    /** {@code GET /partners/{partner_id}/clients}: their {@code partner_payload} binds tenants. */
    CLIENTS("clients"),
    /** {@code GET /partners/{partner_id}/channels}. */
    CHANNELS("channels");

    private final String wire;

    ImportKind(String wire) {
        this.wire = wire;
    }

    /** As stored in {@code import_cursor.kind} and shown on the terminal. */
    public String wire() {
        return wire;
    }
}
