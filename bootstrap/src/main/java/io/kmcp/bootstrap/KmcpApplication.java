package io.kmcp.bootstrap;

import io.kmcp.application.KmcpVersion;
import io.kmcp.bootstrap.cli.AuditCommand;
import io.kmcp.bootstrap.cli.CommandLineFlags;
import io.kmcp.bootstrap.cli.InvalidFlagException;
import io.kmcp.bootstrap.config.ClustersConfigured;
import io.kmcp.bootstrap.config.InvalidConfigurationException;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The executable: serves MCP over HTTP, or audits manifests with {@code audit PATH…}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KmcpApplication {

    /** Exit status for a configuration the server cannot start with. */
    static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("audit")) {
            System.exit(AuditCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(CommandLineFlags.usage());
            return;
        }
        if (Arrays.asList(args).contains("--version")) {
            System.out.println("k-mcp " + version());
            return;
        }
        List<String> springArguments;
        try {
            springArguments = CommandLineFlags.toSpringArguments(args);
        } catch (InvalidFlagException e) {
            System.err.println("k-mcp: " + e.getMessage());
            System.exit(EXIT_USAGE);
            return;
        }
        SpringApplication application = new SpringApplication(KmcpApplication.class);
        if (!Boolean.getBoolean("spring.aot.processing")) {
            // The build's AOT processing runs main without any setting to generate the bean definitions.
            application.addListeners(new ClustersConfigured());
        }
        try {
            application.run(springArguments.toArray(String[]::new));
        } catch (RuntimeException e) {
            if (InvalidConfigurationException.in(e) != null) {
                // Already said in one line by InvalidConfigurationReporter.
                System.exit(EXIT_USAGE);
            }
            throw e;
        }
    }

    static String version() {
        return KmcpVersion.current();
    }
}
