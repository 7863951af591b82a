package com.example.workshop.tools.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** check's first look at serverless.yml: the slips that make it no YAML at all, and every stage's file passing. */
class ServerlessYmlSyntaxTest {
    @TempDir
    Path dir;

    static Stream<Path> everyStagesServerlessYml() throws Exception {
        Path root = Path.of(System.getProperty("workshop.root", "../.."));
        try (Stream<Path> stages = Files.list(root.resolve("solutions"))) {
            return stages.map(stage -> stage.resolve("serverless.yml")).filter(Files::isRegularFile).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("everyStagesServerlessYml")
    void everyStagesServerlessYmlIsYaml(Path file) throws Exception {
        assertThat(ServerlessYmlSyntax.error(file)).isEmpty();
    }

    @Test
    void aTabIsNamedWithItsLineAndColumn() throws Exception {
        assertThat(errorIn("provider:\n  name: aws\n  iam:\n\t- x\n"))
                .startsWith("serverless.yml is not valid YAML: line 4, column 1: found character '\\t(TAB)'");
    }

    @Test
    void aListItemIndentedOutOfPlaceNamesItsLineAndTheMappingItBreaks() throws Exception {
        String text = "functions:\n  getUser:\n    handler: a.B\n    events:\n      - http: GET /users\n     - http: GET /x\n";

        assertThat(errorIn(text)).contains("line 6, column 6").contains("block mapping at line 3")
                .endsWith("indent it as they are");
    }

    @Test
    void aValueWithAColonAndNoSpaceBeforeAnotherKeyIsCaught() throws Exception {
        assertThat(errorIn("custom:\n  momentoSecretId: a\n  cacheName: b: c\n")).contains("line 3").contains("needs quotes");
    }

    @Test
    void aTabAfterAKeysColonIsNotCalledIndentation() throws Exception {
        assertThat(errorIn("provider:\n  environment:\n    CACHE_NAME:\taccounts-cache\n"))
                .contains("a tab at line 3, column 16, after text on its line").contains("Type a space").doesNotContain("indentation");
    }

    @Test
    void aQuoteNeverClosedIsNamed() throws Exception {
        String atTheEnd = "provider:\n  iam:\n    Resource: !Sub \"arn:aws:kinesis:${AWS::Region}\n"
                + "functions:\n  getUser:\n    handler: a.B\n";
        // Closed by the next quote in the file, lines later: the parser then stumbles there.
        String byALaterQuote = atTheEnd + "    description: \"the user\"\n";

        assertThat(errorIn(atTheEnd)).contains("the quote opened at line 3 is never closed");
        assertThat(errorIn(byALaterQuote)).contains("line 7").contains("line 3 opens a double quote that is not closed on that"
                + " line").endsWith("close it on line 3");
    }

    @Test
    void aSingleQuoteNeverClosedIsNamedThoughAnApostropheInACommentClosesIt() throws Exception {
        String text = "functions:\n  cacher:\n    handler: a.B\n    events:\n      - stream:\n          type: dynamodb\n"
                + "          arn: '!GetAtt AccountsTable.StreamArn\n          batchSize: 100\n"
                + "          # Report the failed record so Lambda retries from it, not the whole batch's.\n"
                + "          functionResponseType: ReportBatchItemFailures\n";

        assertThat(errorIn(text)).contains("line 7 opens a single quote that is not closed on that line")
                .endsWith("close it on line 7, or remove it");
    }

    @Test
    void aListsKeyOutOfPlaceIsNamedWithTheLineThatStumbles() throws Exception {
        String text = "resources:\n  Resources:\n    ActivityTable:\n      Type: AWS::DynamoDB::Table\n      Properties:\n"
                + "        AttributeDefinitions:\n          - AttributeName: eventId\n            AttributeType: S\n"
                + "      KeySchema:\n        - AttributeName: eventId\n          KeyType: HASH\n        BillingMode: PAY_PER_REQUEST\n";

        assertThat(errorIn(text)).contains("line 12, column 9").contains("line 12 stands as deep as the list that starts at line 10"
                + " but is none of its items; the list's key (line 9) or line 12 is indented out of place");
    }

    @Test
    void aKeyWithoutASpaceAfterItsColonIsNamedByItsLine() throws Exception {
        String text = "provider:\n  environment:\n    TABLE_NAME: accounts\n    CACHE_NAME:${self:custom.cacheName}\n"
                + "  iam:\n    role: x\n";

        assertThat(errorIn(text)).contains("line 4 has no \": \" after its key");
    }

    @Test
    void aNoBreakSpaceInTheIndentationIsNamedWhereItIs() throws Exception {
        String text = "provider:\n  environment:\n  \u00a0 CACHE_NAME: x\n    TABLE_NAME: y\n# a comment\u00a0is fine\n";

        assertThat(errorIn(text)).contains("no-break space (U+00A0) at line 3, column 3");
    }

    @Test
    void aKeyWrittenTwiceInOneBlockIsNamedWithBothLines() throws Exception {
        // Guide 02's environment block pasted under provider, where the starting code has one already.
        String text = "provider:\n  name: aws\n  environment:\n    TABLE_NAME: accounts\n  iam:\n    role: x\n"
                + "  environment:\n    CACHE_NAME: accounts-cache\nfunctions:\n  getUser:\n    handler: a.B\n";

        assertThat(errorIn(text)).contains("provider.environment is written twice in the same block (lines 3 and 7)")
                .contains("keep one");
        assertThat(errorIn("functions:\n  getUser:\n    handler: a.B\n  getUser:\n    handler: a.C\n"))
                .contains("functions.getUser is written twice in the same block (lines 2 and 4)");
    }

    @Test
    void aPropertyBesideAResourcesTypeIsNamedWithWhereItBelongs() throws Exception {
        // Guide 06's StreamSpecification pasted two spaces too far left: YAML, but no template CloudFormation takes.
        String text = "resources:\n  Resources:\n    AccountsTable:\n      Type: AWS::DynamoDB::Table\n      DependsOn: []\n"
                + "      Properties:\n        BillingMode: PAY_PER_REQUEST\n      StreamSpecification:\n"
                + "        StreamViewType: NEW_AND_OLD_IMAGES\n";

        assertThat(errorIn(text)).isEqualTo("serverless.yml, line 8: resources.Resources.AccountsTable.StreamSpecification"
                + " stands beside resources.Resources.AccountsTable's Type, where CloudFormation takes only Condition, CreationPolicy,"
                + " DeletionPolicy, DependsOn, Metadata, Properties, Type, UpdatePolicy, UpdateReplacePolicy: a property? indent it"
                + " under resources.Resources.AccountsTable.Properties:");
        Files.writeString(dir.resolve("serverless.yml"), text.replace("      StreamSpecification:\n", "        StreamSpecification:\n")
                .replace("        StreamViewType", "          StreamViewType"));
        assertThat(ServerlessYmlSyntax.error(dir.resolve("serverless.yml"))).as("where guide 06 puts it").isEmpty();
        Files.writeString(dir.resolve("serverless.yml"), "x-table: &table\n  DeletionPolicy: Retain\nresources:\n  Resources:\n"
                + "    T:\n      <<: *table\n      Type: AWS::DynamoDB::Table\n");
        assertThat(ServerlessYmlSyntax.error(dir.resolve("serverless.yml"))).as("YAML's merge key").isEmpty();
    }

    @Test
    void theSameKeyInTwoBlocksIsNotWrittenTwice() throws Exception {
        Files.writeString(dir.resolve("serverless.yml"), "functions:\n  getUser:\n    handler: a.B\n    environment:\n"
                + "      X: 1\n  getOrganization:\n    handler: a.C\n    environment:\n      X: 1\n");

        assertThat(ServerlessYmlSyntax.error(dir.resolve("serverless.yml"))).isEmpty();
    }

    @Test
    void aVariableNeverClosedIsNamedWithItsLineAndKey() throws Exception {
        String text = "custom:\n  cacheName: accounts-cache\nprovider:\n  environment:\n    TABLE_NAME: accounts\n"
                + "    CACHE_NAME: ${self:custom.cacheName\n";

        assertThat(errorIn(text)).startsWith("serverless.yml, line 6: provider.environment.CACHE_NAME = \"${self:custom.cacheName\"")
                .contains("has no matching '}'").contains("Missing variable closing bracket");
        assertThat(errorIn("provider:\n  iam:\n    - Resource:\n        - !Sub arn:aws:secretsmanager:${AWS::Region:*\n"))
                .contains("provider.iam[0].Resource[0]").contains("CloudFormation refuses it");
    }

    @Test
    void aBraceInsideAQuotedDefaultOrANestedVariableClosesNothing() throws Exception {
        Files.writeString(dir.resolve("serverless.yml"), "custom:\n  a: ${env:X, 'b}c'}\n  b: ${self:custom.${sls:stage}}\n"
                + "  c: \"${env:X, '}'\"\n");

        assertThat(ServerlessYmlSyntax.error(dir.resolve("serverless.yml"))).hasValueSatisfying(error -> assertThat(error)
                .contains("line 4: custom.c"));
    }

    @Test
    void aReferenceToAKeyTheFileDoesNotHaveNamesTheKeyAndWhatStandsThere() throws Exception {
        String custom = "custom:\n  cacheName: accounts-cache\n";
        String environment = "provider:\n  environment:\n    CACHE_NAME: ${self:custom.cacheNam}\n";

        assertThat(errorIn(custom + environment)).isEqualTo("serverless.yml, line 5: provider.environment.CACHE_NAME ="
                + " \"${self:custom.cacheNam}\": serverless.yml has no key 'custom.cacheNam' (custom has cacheName); the"
                + " Serverless Framework refuses it (Value not found at \"self\" source)");
        assertThat(errorIn(environment)).contains("has no key 'custom.cacheNam' (no custom: stands at the top level)");
        assertThat(errorIn("custom:\n  other: x\ncacheNam: accounts-cache\n" + environment))
                .contains("(custom has other; 'cacheNam' is at the top level, line 3: indent it under custom:)");
        assertThat(errorIn("provider:\n  iam:\n    - Resource: !Sub arn:${AWS::Region}:secret:${self:custom.secretId}-??????\n"))
                .startsWith("serverless.yml, line 3: provider.iam[0].Resource = ");
    }

    @Test
    void referencesThatLeadSomewhereOrCannotBeJudgedHereAreLeftAlone() throws Exception {
        String text = "custom:\n  cacheName: accounts-cache\n  names: [a, b]\n  <<: {merged: x}\n"
                + "provider:\n  environment:\n    A: ${self:custom.cacheName}\n    B: ${self:custom.names.1}\n"
                + "    C: ${self:custom.missing, 'default'}\n    D: ${self:custom.${sls:stage}}\n    E: ${self:custom.merged}\n"
                + "    F: ${self:provider.environment.A}\n";
        Files.writeString(dir.resolve("serverless.yml"), text);

        assertThat(ServerlessYmlSyntax.error(dir.resolve("serverless.yml"))).isEmpty();
    }

    @Test
    void aPluginListedTwiceIsNamedWithBothLines() throws Exception {
        assertThat(errorIn("plugins:\n  - serverless-iam-roles-per-function\n  - serverless-iam-roles-per-function\n"))
                .isEqualTo("serverless.yml, line 3: plugins lists serverless-iam-roles-per-function twice (lines 2 and 3):"
                        + " keep one. The Serverless Framework refuses a duplicate plugin definition");
        assertThat(errorIn("plugins:\n  modules:\n    - a\n    - b\n    - a\n")).contains("line 5: plugins lists a twice");
        assertThat(findingIn("plugins:\n  - a\n  - b\n")).isEmpty();
    }

    @Test
    void aBlockPastedIntoAnEnvironmentIsNamedWithWhereItBelongs() throws Exception {
        String iamTooFarRight = "provider:\n  environment:\n    CACHE_NAME: accounts-cache\n    iam:\n      role:\n"
                + "        statements:\n          - Effect: Allow\n";
        assertThat(errorIn(iamTooFarRight)).isEqualTo("serverless.yml, line 4: provider.environment.iam holds a block, where"
                + " an environment variable's value is text (or a CloudFormation function such as !Ref): lines pasted too far"
                + " right? Then iam: belongs beside environment:, as far left as it, under provider:");
        assertThat(errorIn("functions:\n  getUser:\n    environment:\n      events:\n        - http: GET /x\n"))
                .startsWith("serverless.yml, line 4: functions.getUser.environment.events holds a block")
                .endsWith("under functions.getUser:");
    }

    @Test
    void cloudFormationFunctionsAndMergeKeysInAnEnvironmentAreNoBlocks() throws Exception {
        assertThat(findingIn("provider:\n  environment:\n    A: !Ref Table\n    B: !GetAtt [Table, Arn]\n"
                + "    C:\n      Fn::GetAtt: [Table, Arn]\n    D:\n      Ref: Table\n    E: !Sub\n      - x\n      - {}\n"
                + "    <<: {F: f}\n"))
                .isEmpty();
    }

    /** A line lost when a statement was pasted: the Serverless Framework deploys nothing, IAM refuses the policy. */
    @Test
    void anIamStatementWithoutItsResourceOrActionIsNamedWithItsLine() throws Exception {
        String noResource = "functions:\n  getUser:\n    iamRoleStatements:\n      - Effect: Allow\n        Action: dynamodb:GetItem\n"
                + "        Resource: !GetAtt AccountsTable.Arn\n  listMembers:\n    iamRoleStatements:\n      - Effect: Allow\n"
                + "        Action: dynamodb:Query\n";
        assertThat(errorIn(noResource)).isEqualTo("serverless.yml, line 9: functions.listMembers.iamRoleStatements[0] has no"
                + " Resource: an IAM statement needs Effect, Action and Resource (a line lost in the paste?), or IAM refuses the"
                + " function's policy when it deploys");
        assertThat(errorIn("provider:\n  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Resource: '*'\n"))
                .startsWith("serverless.yml, line 5: provider.iam.role.statements[0] has no Action:");
        assertThat(findingIn("provider:\n  iam:\n    role:\n      statements:\n        - Effect: Deny\n          NotAction: a:b\n"
                + "          NotResource: x\n        - <<: {Effect: Allow, Action: a:b, Resource: x}\n")).as("NotAction,"
                + " NotResource and a merge key").isEmpty();
    }

    @Test
    void aFileThatIsNotThereIsLeftToTheLocalCloud() throws Exception {
        assertThat(ServerlessYmlSyntax.error(dir.resolve("serverless.yml"))).isEmpty();
    }

    private Optional<String> findingIn(String text) throws Exception {
        Path file = dir.resolve("serverless.yml");
        Files.writeString(file, text);
        return ServerlessYmlSyntax.error(file);
    }

    private String errorIn(String text) throws Exception {
        Path file = dir.resolve("serverless.yml");
        Files.writeString(file, text);
        return ServerlessYmlSyntax.error(file).orElseThrow();
    }

    /** Step 3's createOrganization: its own statement, and the provider's through the plugin's defaultInherit. */
    @Test
    void aFunctionsRoleAllowsItsOwnActionsAndTheProvidersWhenItInheritsThem() {
        java.util.List<String> yml = java.util.List.of(
                "custom:",
                "  serverless-iam-roles-per-function:",
                "    defaultInherit: true",
                "provider:",
                "  iam:",
                "    role:",
                "      statements:",
                "        - Effect: Allow",
                "          Action: secretsmanager:GetSecretValue",
                "          Resource: '*'",
                "functions:",
                "  createOrganization:",
                "    iamRoleStatements:",
                "      - Effect: Allow",
                "        Action:",
                "          - dynamodb:ConditionCheckItem",
                "          - dynamodb:PutItem",
                "        Resource: !GetAtt AccountsTable.Arn",
                "  admin:",
                "    iamRoleStatements:",
                "      - Effect: Allow",
                "        Action: dynamodb:*",
                "        Resource: '*'");

        assertThat(ServerlessYmlSyntax.allows(yml, "createOrganization", "dynamodb:PutItem")).contains(true);
        assertThat(ServerlessYmlSyntax.allows(yml, "createOrganization", "secretsmanager:GetSecretValue")).contains(true);
        assertThat(ServerlessYmlSyntax.allows(yml, "createOrganization", "dynamodb:GetItem"))
                .as("a Resource of '*' is no action").contains(false);
        assertThat(ServerlessYmlSyntax.allows(yml, "admin", "dynamodb:GetItem")).as("a wildcard action").contains(true);
        assertThat(ServerlessYmlSyntax.allows(yml, "listMembers", "dynamodb:Query")).as("no such function yet").isEmpty();
        assertThat(ServerlessYmlSyntax.allows(java.util.List.of("functions: [a"), "createOrganization", "dynamodb:GetItem"))
                .as("no YAML").isEmpty();
        assertThat(ServerlessYmlSyntax.allows(yml.subList(3, yml.size()), "createOrganization", "secretsmanager:GetSecretValue"))
                .as("a role of its own, not inheriting").contains(false);
    }
}
