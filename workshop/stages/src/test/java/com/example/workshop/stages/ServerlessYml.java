package com.example.workshop.stages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A serverless.yml as the framework hands it to CloudFormation: the short-form tags as their
 * long forms ({@code !GetAtt T.Arn} is {@code {"Fn::GetAtt": ["T", "Arn"]}}) and {@code ${self:custom.x}}
 * replaced, so its statements compare with a packaged template's.
 */
final class ServerlessYml {
    private static final Pattern SELF_CUSTOM = Pattern.compile("\\$\\{self:custom\\.([A-Za-z0-9_-]+)}");

    private ServerlessYml() {
    }

    static JsonNode read(Path file) throws IOException {
        String text = Files.readString(file);
        Object document = new Yaml(new CloudFormationTags()).load(text);
        Map<?, ?> custom = (Map<?, ?>) ((Map<?, ?>) document).get("custom");
        Matcher variables = SELF_CUSTOM.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (variables.find()) {
            Object value = custom == null ? null : custom.get(variables.group(1));
            variables.appendReplacement(resolved, Matcher.quoteReplacement(value == null ? variables.group() : value.toString()));
        }
        variables.appendTail(resolved);
        return new ObjectMapper().valueToTree(new Yaml(new CloudFormationTags()).load(resolved.toString()));
    }

    /** {@code !Ref}, {@code !GetAtt} and {@code !Sub} on scalars, as serverless.yml uses them. */
    private static final class CloudFormationTags extends SafeConstructor {
        CloudFormationTags() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), scalar(value -> Map.of("Ref", value)));
            yamlConstructors.put(new Tag("!Sub"), scalar(value -> Map.of("Fn::Sub", value)));
            yamlConstructors.put(new Tag("!GetAtt"), scalar(value -> Map.of("Fn::GetAtt", List.of(value.split("\\.", 2)))));
        }

        private AbstractConstruct scalar(java.util.function.Function<String, Object> longForm) {
            return new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return longForm.apply(((ScalarNode) node).getValue());
                }
            };
        }
    }
}
