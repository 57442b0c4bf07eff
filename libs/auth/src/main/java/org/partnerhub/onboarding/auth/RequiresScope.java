package org.partnerhub.onboarding.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope a credential needs to call a JAX-RS resource method; on a class it applies to every method that does
 * not name its own. An endpoint with neither this nor {@link PublicEndpoint} answers 401 without a credential and
 * 403 with any.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface RequiresScope {

    Scope value();
}
