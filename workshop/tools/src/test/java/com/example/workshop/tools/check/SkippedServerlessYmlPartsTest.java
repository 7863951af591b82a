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
    /** Set in the function that reads it, or a custom value under a name of the attendee's own: not lacking. */
    @Test
    void aPartMadeInAWayOfYourOwnThatServerlessTakesIsNotLacking() throws Exception {
        String step = "custom:\n  momentoSecretId: accounts/MomentoApiKey\nprovider:\n  environment:\n"
                + "    SECRET_ID: ${self:custom.momentoSecretId}\n    ACTIVITY_TABLE_NAME: a\nfunctions:\n  getUser:\n    handler: a.GetUser\n";
        String before = "provider:\n  environment:\n    TABLE_NAME: t\nfunctions:\n  getUser:\n    handler: a.GetUser\n";
        String yours = "custom:\n  momento:\n    apiKeySecret: accounts/MomentoApiKey\nprovider:\n  environment:\n"
                + "    SECRET_ID: ${self:custom.momento.apiKeySecret}\nfunctions:\n  getUser:\n    handler: a.GetUser\n"
                + "    environment:\n      ACTIVITY_TABLE_NAME: a\n";

        assertThat(missing(yours, step, before)).isEmpty();
        assertThat(missing(yours.replace("${self:custom.momento.apiKeySecret}", "${self:custom.momentoSecretId}"), step, before))
                .as("a custom value the file reads and lacks").containsExactly("custom.momentoSecretId (yours has"
                        + " custom.momento there, which the guide's has not: the same, spelt otherwise?)");
        assertThat(missing(yours.replace("      ACTIVITY_TABLE_NAME: a\n", ""), step, before))
                .containsExactly("provider.environment.ACTIVITY_TABLE_NAME");
    }

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
        return missing(yours, STEP, STEP_BEFORE);
    }

    private java.util.List<String> missing(String yours, String step, String before) throws Exception {
        return SkippedServerlessYmlParts.missing(Files.writeString(dir.resolve("yours.yml"), yours),
                Files.writeString(dir.resolve("step.yml"), step), Files.writeString(dir.resolve("before.yml"), before));
    }
}
