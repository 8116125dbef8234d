package cn.consumerexchange.gateway;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code --name=value} arguments of the gateway's operator commands, which run against the ledger's database
 * without starting the gateway: the defaults, then the arguments; {@code --url} is always required.
 */
public final class CommandOptions {

    private CommandOptions() {
    }

    /**
     * The options, or, when an argument is not {@code --name=value} or {@code --url} is missing, the problem and
     * {@code usage} on standard error and exit status 2.
     */
    public static Map<String, String> parse(String[] args, Map<String, String> defaults, String usage) {
        Map<String, String> options = new HashMap<>(defaults);
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                exit("not --name=value: " + arg, usage);
            }
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        if (!options.containsKey("url")) {
            exit("--url is required", usage);
        }
        return options;
    }

    private static void exit(String problem, String usage) {
        System.err.println(problem);
        System.err.println("Arguments: " + usage);
        System.exit(2);
    }
}
