package org.partnerhub.onboarding.state.rebuild;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.partnerhub.onboarding.state.importer.FirstInstallImport;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Runs the service, or runs one command and exits:
 * <ul>
 * <li>{@code rebuild} (with the {@code rebuild} profile, which keeps the consumer, the relay and the reconciler off)
 * rebuilds the projection;</li>
 * <li>{@code import [hub ...]} (with the {@code import} profile, likewise) imports the clients and channels 360dialog
 * already holds ({@link FirstInstallImport}); exit code 0 when every listing was read to its end, 1 with the reason
 * on standard error when not (run it again to go on), 2 for a wrong command line.</li>
 * </ul>
 */
@QuarkusMain
public class ChannelStateMain implements QuarkusApplication {

    private static final Logger LOG = Logger.getLogger(ChannelStateMain.class);

    @Inject
    ProjectionRebuild rebuild;

    @Inject
    FirstInstallImport firstInstallImport;

    @ConfigProperty(name = "mp.messaging.incoming.facts.enabled", defaultValue = "true")
    boolean consuming;

    @Override
    public int run(String... args) {
        if (args.length == 1 && "rebuild".equals(args[0])) {
            rebuild.rebuild();
            return 0;
        }
        if (args.length >= 1 && "import".equals(args[0])) {
            return importCommand(Arrays.asList(args).subList(1, args.length));
        }
        if (args.length > 0) {
            LOG.errorf("Unknown arguments %s; the commands are 'rebuild' and 'import [hub ...]'",
                    String.join(" ", args));
            return 2;
        }
        Quarkus.waitForExit();
        return 0;
    }

    private int importCommand(List<String> hubs) {
        if (consuming) {
            // Otherwise this process would also join the service's consumer group, relay and reconcile.
            System.err.println("import: run it with the import profile: QUARKUS_PROFILE=prod,import java -jar"
                    + " quarkus-app/quarkus-run.jar import [hub ...]");
            return 2;
        }
        try {
            List<FirstInstallImport.Listed> listed = firstInstallImport.run(hubs, Clock.systemUTC(),
                    FirstInstallImport.Pause.SLEEP, System.out::println);
            listed.forEach(done -> System.out.printf("import: hub %s, %s: %d read by this run, %d in all%s%n",
                    done.hubId(), done.kind().wire(), done.read(), done.total(),
                    done.alreadyDone() ? " (imported before)" : ""));
            System.out.println("import: done");
            return 0;
        } catch (RuntimeException failed) {
            // Partner API messages name the operation and status only, never a credential.
            System.err.println("import failed: " + failed.getMessage());
            return 1;
        }
    }
}
