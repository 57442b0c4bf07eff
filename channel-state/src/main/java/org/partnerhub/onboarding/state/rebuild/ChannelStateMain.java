package org.partnerhub.onboarding.state.rebuild;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Runs the service, or with the argument {@code rebuild} (and the {@code rebuild} profile, which keeps the consumer,
 * the relay and the reconciler off) rebuilds the projection and exits.
 */
@QuarkusMain
public class ChannelStateMain implements QuarkusApplication {

    private static final Logger LOG = Logger.getLogger(ChannelStateMain.class);

    @Inject
    ProjectionRebuild rebuild;

    @Override
    public int run(String... args) {
        if (args.length == 1 && "rebuild".equals(args[0])) {
            rebuild.rebuild();
            return 0;
        }
        if (args.length > 0) {
            LOG.errorf("Unknown arguments %s; the only command is 'rebuild'", String.join(" ", args));
            return 2;
        }
        Quarkus.waitForExit();
        return 0;
    }
}
