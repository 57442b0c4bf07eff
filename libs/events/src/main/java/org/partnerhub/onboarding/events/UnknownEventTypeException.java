package org.partnerhub.onboarding.events;

/** A {@code ce_type} this version of the library does not know. */
public class UnknownEventTypeException extends EventDecodingException {

    private final String ceType;

    public UnknownEventTypeException(String ceType) {
        super("unknown event type: " + ceType);
        this.ceType = ceType;
    }

    public String ceType() {
        return ceType;
    }
}
