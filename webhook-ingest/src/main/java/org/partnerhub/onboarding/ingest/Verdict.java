package org.partnerhub.onboarding.ingest;

/** What the intake decided about one request: publish it, or refuse it for a reason. */
sealed interface Verdict permits Accepted, Rejection {
}
