package com.example.workshop.tools.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkippedServerlessYmlPartsTest {

    @TempDir
    Path dir;

    private static final String STEP_BEFORE = """
            provider:
              environment:
                TABLE_NAME: !Ref AccountsTable
            functions:
              getUser:
                handler: a.GetUser
            resources:
              Resources:
                AccountsTable:
                  Type: AWS::DynamoDB::Table
            """;
    private static final String STEP = """
            provider:
              environment:
                TABLE_NAME: !Ref AccountsTable
                ACTIVITY_TABLE_NAME: !Ref ActivityTable
            functions:
              getUser:
                handler: a.GetUser
              activityConsumer:
                handler: a.Consumer
                timeout: 30
                events:
                  - stream:
                      arn: !GetAtt ActivityStream.Arn
            resources:
              Resources:
                AccountsTable:
                  Type: AWS::DynamoDB::Table
                ActivityTable:
                  Type: AWS::DynamoDB::Table
              Outputs:
                ActivityStreamName:
                  Value: !Ref ActivityStream
            """;

    @Test
    void aSkippedEditIsEveryPartItAddsOutermostFirst() throws Exception {
        assertThat(missing(STEP_BEFORE)).containsExactly("provider.environment.ACTIVITY_TABLE_NAME", "functions.activityConsumer",
                "resources.Resources.ActivityTable", "resources.Outputs");
        assertThat(SkippedServerlessYmlParts.inWords(missing(STEP_BEFORE))).isEqualTo("provider.environment.ACTIVITY_TABLE_NAME,"
                + " functions.activityConsumer, resources.Resources.ActivityTable and resources.Outputs");
    }

    @Test
    void aHalfMadeEditIsWhatItStillLacks() throws Exception {
        String withoutTimeoutAndOutputs = STEP.replace("    timeout: 30\n", "").replace("""
                  Outputs:
                    ActivityStreamName:
                      Value: !Ref ActivityStream
                """, "");

        assertThat(missing(withoutTimeoutAndOutputs)).containsExactly("functions.activityConsumer.timeout", "resources.Outputs");
        assertThat(missing(STEP + "custom:\n  mine: 1\n")).as("the step's whole edit, and keys of one's own").isEmpty();
    }

    @Test
    void aPartIndentedUnderAnotherKeyIsSaidWhereItIs() throws Exception {
        String outputsUnderResources = STEP.replace("""
                  Outputs:
                    ActivityStreamName:
                      Value: !Ref ActivityStream
                """, """
                    Outputs:
                      ActivityStreamName:
                        Value: !Ref ActivityStream
                """);
        String timeoutBesideTheFunctions = STEP.replace("    timeout: 30\n", "").replace("functions:\n", "functions:\n  timeout: 30\n");

        assertThat(missing(outputsUnderResources)).containsExactly(
                "resources.Outputs (yours has it at resources.Resources.Outputs: indented under another key)");
        assertThat(missing(timeoutBesideTheFunctions)).containsExactly(
                "functions.activityConsumer.timeout (yours has it at functions.timeout: indented under another key)");
        String functionBelowResources = STEP.replace("""
                  activityConsumer:
                    handler: a.Consumer
                    timeout: 30
                    events:
                      - stream:
                          arn: !GetAtt ActivityStream.Arn
                """, "") + """
                  activityConsumer:
                    handler: a.Consumer
                """;
        assertThat(missing(functionBelowResources)).containsExactly(
                "functions.activityConsumer (yours has it at resources.activityConsumer: indented under another key)");
        assertThat(missing(STEP.replace("    timeout: 30\n", "") + "custom:\n  timeout: 30\n"))
                .as("a key of that name elsewhere, not beside the part's place").containsExactly("functions.activityConsumer.timeout");
    }

    /** A variable typed with one letter more: "lacks" alone would have the attendee paste the guide's block again. */
    @Test
    void aPartSpeltOtherwiseBesideWhereItGoesIsNamed() throws Exception {
        String misspelt = STEP.replace("    ACTIVITY_TABLE_NAME: !Ref ActivityTable", "    ACTIVITY_TABLES_NAME: !Ref ActivityTable");

        assertThat(missing(misspelt)).containsExactly("provider.environment.ACTIVITY_TABLE_NAME (yours has"
                + " provider.environment.ACTIVITY_TABLES_NAME there, which the guide's has not: the same, spelt otherwise?)");
        assertThat(missing(STEP.replace("    ACTIVITY_TABLE_NAME: !Ref ActivityTable\n", "")))
                .as("nothing beside it: lacks, alone").containsExactly("provider.environment.ACTIVITY_TABLE_NAME");
    }

    @Test
    void aFunctionWhoseHandlerIsAnotherClassIsNamedWithTheGuidesAndYours() throws Exception {
        String copiedAndLeft = STEP.replace("handler: a.Consumer", "handler: a.GetUser");

        assertThat(missing(copiedAndLeft)).containsExactly("functions.activityConsumer.handler: a.Consumer (yours names a.GetUser)");
    }

    @Test
    void aFileThatIsNoYamlNamesNothing() throws Exception {
        assertThat(missing("provider: [unclosed")).isEmpty();
    }

    private java.util.List<String> missing(String yours) throws Exception {
        return SkippedServerlessYmlParts.missing(Files.writeString(dir.resolve("yours.yml"), yours),
                Files.writeString(dir.resolve("step.yml"), STEP), Files.writeString(dir.resolve("before.yml"), STEP_BEFORE));
    }
}
