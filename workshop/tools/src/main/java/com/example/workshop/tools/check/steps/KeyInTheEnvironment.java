package com.example.workshop.tools.check.steps;

import com.example.workshop.tools.check.LocalService;
import com.example.workshop.tools.check.ProbeFailure;
import com.example.workshop.tools.check.ServerlessYmlSyntax;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Step 2's lesson that no probe can see: the API key never sits in an environment variable. Locally
 * such a variable is empty and the code falls back to the secret, so every probe passes; deployed
 * from a shell that has it set, the key lands in the function's configuration, which anyone who may
 * read the function's settings can read. So serverless.yml and the code are read for it.
 */
final class KeyInTheEnvironment {
    /** A variable that names a key or token itself; its secret's name or ARN is the one that may stand there. */
    private static final Pattern KEY_NAME = Pattern.compile("(?i)(?!.*SECRET).*(API_?KEY|AUTH_?TOKEN|MOMENTO_?KEY|MOMENTO_?TOKEN).*");
    /** The Serverless Framework's way of putting a secret's value into the environment at deploy time. */
    private static final String SECRET_AT_DEPLOY = "${ssm:/aws/reference/secretsmanager/";
    /** {@code System.getenv("MOMENTO_API_KEY")} in the code. */
    private static final Pattern READ_FROM_THE_ENVIRONMENT = Pattern.compile("getenv\\s*\\(\\s*\"([^\"]+)\"");

    private KeyInTheEnvironment() {
    }

    /** Fails, naming the variable and where it stands, when serverless.yml or the code puts the key in the environment. */
    static void expectNone(LocalService service) throws ProbeFailure {
        for (String variable : environmentVariables(service)) {
            String[] nameAndValue = variable.split("=", 2);
            if (KEY_NAME.matcher(nameAndValue[0].substring(nameAndValue[0].lastIndexOf('.') + 1)).matches()
                    || nameAndValue[1].contains(SECRET_AT_DEPLOY)) {
                throw ProbeFailure.inTheFile("serverless.yml, " + nameAndValue[0] + ": the key itself must never sit in an environment"
                        + " variable (deployed, it is part of the function's configuration, which anyone who may read the"
                        + " function's settings reads): keep only the secret's name there (MOMENTO_API_KEY_SECRET_ID), and read"
                        + " the key from Secrets Manager during Init", "serverless.yml");
            }
        }
        for (String read : service.foundInCode(READ_FROM_THE_ENVIRONMENT)) {
            String file = read.substring(0, read.indexOf(':'));
            String name = read.substring(read.indexOf(": ") + 2);
            if (KEY_NAME.matcher(name).matches()) {
                throw ProbeFailure.inTheFile(file + " reads the key from the environment variable " + name + ": the key itself must"
                        + " never sit in an environment variable, even as a fallback; read it from the secret that"
                        + " MOMENTO_API_KEY_SECRET_ID names", file);
            }
        }
    }

    /** "provider.environment.NAME=value" and "functions.f.environment.NAME=value" for every variable serverless.yml sets. */
    private static List<String> environmentVariables(LocalService service) {
        List<String> variables = new ArrayList<>();
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(String.join("\n", service.serverlessYml())));
        } catch (RuntimeException notYaml) {
            return variables; // the check says so before the build
        }
        ServerlessYmlSyntax.environments(root).forEach((path, environment) -> addVariables(environment, path, variables));
        return variables;
    }

    private static void addVariables(Node environment, String path, List<String> variables) {
        if (environment instanceof MappingNode mapping) {
            for (NodeTuple variable : mapping.getValue()) {
                if (variable.getKeyNode() instanceof ScalarNode name) {
                    String value = variable.getValueNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
                    variables.add(path + "." + name.getValue() + "=" + value);
                }
            }
        }
    }
}
