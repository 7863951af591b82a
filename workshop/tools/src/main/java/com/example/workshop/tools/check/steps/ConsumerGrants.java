package com.example.workshop.tools.check.steps;

import static com.example.workshop.tools.check.ServerlessYmlSyntax.value;

import com.example.workshop.tools.check.ServerlessYmlSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * What step 7's consumer may do to DynamoDB beyond what it needs, read from its own statements
 * ({@code functions.activityConsumer.iamRoleStatements}): it reads the accounts table and writes
 * the activity table, once, with a conditional PutItem. The local cloud enforces what is granted,
 * not what is granted too much, so a wider role works here and on AWS alike: said by {@code check}.
 */
final class ConsumerGrants {

    private static final Set<String> WRITES = Set.of("putitem", "updateitem", "deleteitem", "batchwriteitem");
    private static final Set<String> READS = Set.of("getitem", "batchgetitem", "query", "scan");

    private ConsumerGrants() {
    }

    /** Each grant beyond the consumer's needs, in words ("dynamodb:PutItem on the accounts table: ..."); empty when none. */
    static List<String> beyondItsNeeds(List<String> serverlessYml) {
        Node statements = ServerlessYmlSyntax.ownStatements(serverlessYml, "activityConsumer");
        List<String> beyond = new ArrayList<>();
        if (!(statements instanceof SequenceNode list)) {
            return beyond;
        }
        for (Node statement : list.getValue()) {
            if (value(statement, "Effect") instanceof ScalarNode effect && effect.getValue().equals("Deny")) {
                continue;
            }
            List<String> resources = texts(value(statement, "Resource"));
            for (String action : texts(value(statement, "Action"))) {
                String operation = action.toLowerCase(Locale.ROOT).replaceFirst("^dynamodb:", "");
                boolean dynamoDb = action.toLowerCase(Locale.ROOT).startsWith("dynamodb:");
                if (action.equals("*") || (dynamoDb && operation.contains("*"))) {
                    beyond.add(action + ": every DynamoDB action, where the consumer needs GetItem on the accounts table and"
                            + " PutItem on the activity table");
                } else if (dynamoDb && WRITES.contains(operation) && names(resources, "AccountsTable")) {
                    beyond.add(action + " on the accounts table: the consumer only reads users and organizations there");
                } else if (dynamoDb && READS.contains(operation) && names(resources, "ActivityTable")) {
                    beyond.add(action + " on the activity table: the consumer never reads it; writeOnce's conditional PutItem"
                            + " tells an event recorded already by its refusal, with no read before it (a read, then a put,"
                            + " lets two deliveries of one event both write)");
                }
            }
        }
        return beyond;
    }

    /** Whether the resources name that table (by its logical id, in !GetAtt, !Ref or !Sub) or every resource. */
    private static boolean names(List<String> resources, String table) {
        return resources.stream().anyMatch(resource -> resource.contains(table) || resource.equals("*"));
    }

    /** The texts of a scalar (tagged or not) or of a list of them. */
    private static List<String> texts(Node node) {
        List<Node> nodes = node instanceof SequenceNode many ? many.getValue() : node == null ? List.of() : List.of(node);
        return nodes.stream().filter(ScalarNode.class::isInstance).map(scalar -> ((ScalarNode) scalar).getValue()).toList();
    }
}
