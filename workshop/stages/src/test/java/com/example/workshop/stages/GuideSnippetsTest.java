package com.example.workshop.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The guides cannot drift from the code. A fenced block that shows project code names the file
 * it comes from, and must match it:
 * <pre>
 *   ```java file=solutions/step-2-momento-client/src/main/java/com/example/accounts/Clients.java
 * </pre>
 * The block must appear in that file as consecutive lines (indentation may differ by a constant
 * amount). A line that starts with an elision marker ({@code // ...}, {@code # ...},
 * {@code <!-- ...} or {@code ...}) skips any number of lines. In a guide's "The edits" section the
 * attendee types every block, so an elision there must say what it skips: code already in the
 * file ({@code // ... unchanged}) or a file the start command brings ({@code // ... from path}).
 * Java, XML and YAML blocks
 * without {@code file=} must be marked {@code example} (code that is not in the project).
 * And every repository path a guide mentions in backticks must exist (a working-copy path such
 * as {@code src/...} may instead exist in one of the stages: a file the guide has you create).
 */
class GuideSnippetsTest {
    static final Path ROOT = StageChainTest.ROOT;
    static final Pattern FENCE = Pattern.compile("^(\\s*)(```+|~~~+)\\s*(.*)$");
    static final Pattern FILE_ATTRIBUTE = Pattern.compile("(?:^|\\s)file=(\\S+)");
    static final Set<String> PROJECT_LANGUAGES = Set.of("java", "xml", "yaml", "yml");
    static final Pattern ELISION = Pattern.compile("^(//|#|<!--)?\\s*\\.\\.\\.(\\s.*)?$");
    /** What an elision in a block the attendee types must say: "unchanged", or "from <an existing path>". */
    static final Pattern SAYS_WHAT_IT_ELIDES = Pattern.compile("\\bunchanged\\b|\\bfrom `?((?:src|solutions|workshop)/[^`\\s]+)`?");
    static final Pattern INLINE_PATH = Pattern.compile("`((?:solutions|workshop|src|\\.ci|\\.mvn)/[^`\\s*{}]+|[A-Za-z.-]+\\.(?:md|xml|yml))`");

    record Snippet(Path guide, int line, String info, List<String> lines) {
        String where() {
            return ROOT.relativize(guide) + ":" + line;
        }
    }

    @Test
    void everyProjectCodeBlockMatchesTheFileItQuotes() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path guide : guides()) {
            for (Snippet snippet : snippets(guide)) {
                Matcher file = FILE_ATTRIBUTE.matcher(snippet.info());
                String language = snippet.info().split("\\s+")[0];
                if (file.find()) {
                    checked++;
                    Path source = ROOT.resolve(file.group(1));
                    if (!Files.isRegularFile(source)) {
                        problems.add(snippet.where() + ": quotes " + file.group(1) + ", which does not exist");
                    } else if (!appearsIn(snippet.lines(), lines(source))) {
                        problems.add(snippet.where() + ": no longer matches " + file.group(1));
                    }
                } else if (PROJECT_LANGUAGES.contains(language) && !snippet.info().contains("example")) {
                    problems.add(snippet.where() + ": a " + language + " block needs file=<path> (or 'example' if it is not project code)");
                }
            }
        }
        assertThat(problems).as("guide snippets").isEmpty();
        assertThat(checked).as("snippets checked").isPositive();
    }

    static boolean isElision(String line) {
        return ELISION.matcher(line.strip()).matches();
    }

    @Test
    void noBlockTheAttendeeTypesElidesCode() {
        List<String> problems = new ArrayList<>();
        for (Path guide : guides()) {
            List<String> text = lines(guide);
            for (Snippet snippet : snippets(guide)) {
                if (!FILE_ATTRIBUTE.matcher(snippet.info()).find() || !inEditsSection(text, snippet.line())) {
                    continue;
                }
                for (String line : snippet.lines()) {
                    if (!isElision(line)) {
                        continue;
                    }
                    Matcher says = SAYS_WHAT_IT_ELIDES.matcher(line);
                    boolean ok = says.find() && (says.group(1) == null || Files.exists(ROOT.resolve(says.group(1))));
                    if (!ok) {
                        problems.add(snippet.where() + ": '" + line.strip() + "' elides code the attendee must write;"
                                + " show it, or say '... unchanged' (already in the file) or '... from <path>'");
                    }
                }
            }
        }
        assertThat(problems).as("elisions in blocks the attendee types").isEmpty();
    }

    /**
     * A guide is complete: every line its step adds to the service (main code, pom.xml,
     * serverless.yml, compared with the step before, blank lines and indentation aside) appears in
     * one of the guide's blocks quoting that file, or the file is one the start command brings.
     */
    @Test
    void everyLineAStepAddsIsInItsGuide() throws IOException {
        List<String> missing = new ArrayList<>();
        List<Path> stages;
        try (Stream<Path> dirs = Files.list(ROOT.resolve("solutions"))) {
            stages = dirs.filter(dir -> dir.getFileName().toString().matches("step-\\d+-.*"))
                    .sorted(java.util.Comparator.comparingInt(GuideSnippetsTest::stepNumber)).toList();
        }
        for (int i = 1; i < stages.size(); i++) {
            Path before = stages.get(i - 1);
            Path stage = stages.get(i);
            int step = stepNumber(stage);
            Path guide = guides().stream().filter(g -> g.getFileName().toString().startsWith(String.format("%02d-", step)))
                    .findFirst().orElse(null);
            if (guide == null) {
                missing.add("step " + step + " has no guide workshop/" + String.format("%02d", step) + "-*.md");
                continue;
            }
            Map<String, List<String>> quoted = quotedLines(guide);
            for (String file : serviceFiles(stage)) {
                List<String> added = addedLines(before.resolve(file), stage.resolve(file));
                if (added.isEmpty() || providedByStart(guide, file)) {
                    continue;
                }
                List<String> inGuide = quoted.getOrDefault(file, List.of());
                List<String> notShown = added.stream().filter(line -> !inGuide.contains(line)).toList();
                if (!notShown.isEmpty()) {
                    missing.add(ROOT.relativize(guide) + " never shows " + notShown.size() + " line(s) step " + step + " adds to "
                            + file + ", e.g. '" + notShown.get(0) + "'");
                }
            }
        }
        assertThat(missing).as("lines a step adds that its guide does not show").isEmpty();
    }

    private static int stepNumber(Path stage) {
        return Integer.parseInt(stage.getFileName().toString().split("-")[1]);
    }

    /** pom.xml, serverless.yml and src/main of a stage, as paths relative to it. */
    private static List<String> serviceFiles(Path stage) throws IOException {
        List<String> files = new ArrayList<>(List.of("pom.xml", "serverless.yml"));
        try (Stream<Path> walk = Files.walk(stage.resolve("src/main"))) {
            walk.filter(Files::isRegularFile).forEach(file -> files.add(stage.relativize(file).toString().replace('\\', '/')));
        }
        return files;
    }

    /** The lines of {@code after} that {@code before} does not have as often (stripped, blank lines aside). */
    static List<String> addedLines(Path before, Path after) {
        Map<String, Integer> old = new java.util.HashMap<>();
        if (Files.isRegularFile(before)) {
            lines(before).stream().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> old.merge(l, 1, Integer::sum));
        }
        List<String> added = new ArrayList<>();
        for (String line : lines(after).stream().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            if (old.getOrDefault(line, 0) > 0) {
                old.merge(line, -1, Integer::sum);
            } else {
                added.add(line);
            }
        }
        return added;
    }

    /** For each stage file a guide quotes (path after solutions/step-N-x/), the stripped lines of its blocks. */
    private static Map<String, List<String>> quotedLines(Path guide) {
        Map<String, List<String>> quoted = new java.util.HashMap<>();
        for (Snippet snippet : snippets(guide)) {
            Matcher file = FILE_ATTRIBUTE.matcher(snippet.info());
            if (file.find() && file.group(1).startsWith("solutions/")) {
                String inStage = file.group(1).replaceFirst("^solutions/[^/]+/", "");
                snippet.lines().forEach(line -> quoted.computeIfAbsent(inStage, k -> new ArrayList<>()).add(line.strip()));
            }
        }
        return quoted;
    }

    /** A guide says the start command brings a file by naming it on a line with "start" and "brings". */
    private static boolean providedByStart(Path guide, String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return lines(guide).stream().anyMatch(line -> line.contains("brings") && line.contains("`" + file + "`")
                || line.contains("brings") && line.contains("`" + name + "`") && line.contains("start"));
    }

    /** True when {@code line} (1-based) is under a "## The edits" heading, before the next "## " heading. */
    static boolean inEditsSection(List<String> text, int line) {
        for (int i = line - 2; i >= 0; i--) {
            String heading = text.get(i);
            if (heading.startsWith("## ")) {
                return heading.strip().equalsIgnoreCase("## The edits");
            }
        }
        return false;
    }

    @Test
    void everyPathAGuideMentionsExists() {
        List<String> missing = new ArrayList<>();
        for (Path guide : guides()) {
            List<String> text = lines(guide);
            for (int i = 0; i < text.size(); i++) {
                Matcher path = INLINE_PATH.matcher(text.get(i));
                while (path.find()) {
                    String mentioned = path.group(1);
                    boolean exists = Files.exists(ROOT.resolve(mentioned))
                            || Files.exists(guide.getParent().resolve(mentioned))
                            || inSomeStage(mentioned); // a file the guide asks you to create
                    if (!exists) {
                        missing.add(ROOT.relativize(guide) + ":" + (i + 1) + ": " + mentioned);
                    }
                }
            }
        }
        assertThat(missing).as("paths named in the guides").isEmpty();
    }

    private static boolean inSomeStage(String path) {
        try (Stream<Path> stages = Files.list(ROOT.resolve("solutions"))) {
            return stages.anyMatch(stage -> Files.exists(stage.resolve(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Classes and tests a guide names in backticks, e.g. `AccountCache` or `AccountCacheTest.aHitDoesNotAskTheDatabase`. */
    static final Pattern INLINE_CLASS = Pattern.compile("`([A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+)(?:\\.([A-Za-z]+))?`");
    /** Names from the SDKs and AWS, not from this project. */
    static final Set<String> EXTERNAL_NAMES = Set.of("CacheClient", "CredentialProvider", "GetResponse", "SetResponse",
            "SetIfNotExistsResponse", "SetIfNotExists", "JsonNode", "GetItem", "PutItem", "ConditionCheckItem", "ConditionCheck", "TransactWriteItems",
            "GetSecretValue", "ObjectMapper", "CompletableFuture", "BatchGetItem", "UnprocessedKeys", "AccessDeniedException", "SecretsManagerException", "DynamoDbException",
            "LastEvaluatedKey", "ExclusiveStartKey", "TransactionCanceledException", "KinesisEvent", "NoClassDefFoundError", "ByteBuffer", "NullPointerException", "IllegalStateException", "DynamoDbClient", "ExecutionInterceptor", "ByteString",
            "KinesisClient", "ReportBatchItemFailures", "HttpURLConnection", "DynamoDbRetryPolicy", "ApiCallTimeoutException",
            "InternalServerErrorException", "ClassNotFoundException", "DescribeTable", "LocalDynamoDBServerHandler", "JniHelper");
    /** The stage tools' subcommands, as their {@code @Command(name = ...)} declare them. */
    static final Set<String> TOOL_COMMANDS = toolCommands();
    static final Pattern MAVEN_FILE = Pattern.compile("\\s-f\\s+(\\S+)");
    static final Pattern STAGE_OPTION = Pattern.compile("-Dstage=(\\S+)");
    static final Pattern TOOL_ARGS = Pattern.compile("-Dexec\\.args=\"([a-z-]+)");

    private static Set<String> toolCommands() {
        Pattern command = Pattern.compile("@Command\\(name = \"([a-z-]+)\"");
        try (Stream<Path> files = Files.walk(ROOT.resolve("workshop/tools/src/main/java"))) {
            Set<String> names = new TreeSet<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher name = command.matcher(Files.readString(file));
                while (name.find()) {
                    names.add(name.group(1));
                }
            }
            names.remove("workshop"); // the tool itself, not a subcommand
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyClassAGuideNamesExists() {
        List<String> missing = new ArrayList<>();
        for (Path guide : documents()) {
            List<String> text = lines(guide);
            for (int i = 0; i < text.size(); i++) {
                Matcher name = INLINE_CLASS.matcher(text.get(i));
                while (name.find()) {
                    if (EXTERNAL_NAMES.contains(name.group(1))) {
                        continue;
                    }
                    List<Path> sources = javaSources(name.group(1));
                    String member = name.group(2);
                    boolean exists = !sources.isEmpty()
                            && (member == null || member.equals("java") || sources.stream().anyMatch(source -> String.join("\n", lines(source)).contains(member)));
                    if (!exists) {
                        missing.add(ROOT.relativize(guide) + ":" + (i + 1) + ": " + name.group()
                                + " (not in the project; if it belongs to a library, add it to EXTERNAL_NAMES)");
                    }
                }
            }
        }
        assertThat(missing).as("classes named in the guides").isEmpty();
    }

    @Test
    void everyCommandAGuideShowsNamesWhatExists() {
        List<String> problems = new ArrayList<>();
        for (Snippet snippet : commandBlocks(documents())) {
            for (String line : snippet.lines()) {
                if (!line.strip().startsWith("./mvnw")) {
                    continue;
                }
                Matcher file = MAVEN_FILE.matcher(line);
                if (file.find() && !Files.exists(ROOT.resolve(file.group(1)))) {
                    problems.add(snippet.where() + ": -f " + file.group(1) + " does not exist");
                }
                Matcher stage = STAGE_OPTION.matcher(line);
                if (stage.find() && !Files.isDirectory(ROOT.resolve(stage.group(1)))) {
                    problems.add(snippet.where() + ": -Dstage=" + stage.group(1) + " does not exist");
                }
                Matcher tool = TOOL_ARGS.matcher(line);
                if (line.contains("workshop/tools") && tool.find() && !TOOL_COMMANDS.contains(tool.group(1))) {
                    problems.add(snippet.where() + ": the stage tools have no command '" + tool.group(1) + "'");
                }
            }
        }
        assertThat(problems).as("commands in the guides").isEmpty();
    }

    /**
     * zsh, the Mac's shell, runs a pasted {@code # comment} as a command (its interactive shells
     * have no comments unless told), and an unquoted {@code *}, {@code ?} or {@code [} is a pattern
     * that fails where no file matches it (a {@code ?} in a URL, say), where bash passes it on as it
     * is: a block the reader pastes holds commands only, and every such word is quoted.
     */
    @Test
    void everyCommandBlockPastesIntoZshAsIntoBash() {
        List<String> problems = new ArrayList<>();
        for (Snippet snippet : commandBlocks(everyMarkdownFile())) {
            for (int i = 0; i < snippet.lines().size(); i++) {
                String line = snippet.lines().get(i);
                String unquoted = line.replaceAll("'[^']*'|\"[^\"]*\"", "");
                String where = ROOT.relativize(snippet.guide()) + ":" + (snippet.line() + 1 + i) + ": ";
                if (COMMENT.matcher(unquoted).find()) {
                    problems.add(where + "a comment, which zsh runs as a command: say it in the text (" + line.strip() + ")");
                } else if (Arrays.stream(unquoted.strip().split("\\s+")).anyMatch(GuideSnippetsTest::isPattern)) {
                    problems.add(where + "an unquoted *, ? or [, a pattern that zsh refuses when no file matches"
                            + " (bash passes it on as it is): quote that word (" + line.strip() + ")");
                }
            }
        }
        assertThat(problems).as("command blocks that zsh reads otherwise than bash").isEmpty();
    }

    /**
     * Text that GitHub would render otherwise than it reads in the file: a wrapped line that starts
     * with {@code #} becomes a heading in the middle of a paragraph, and a word in angle brackets
     * outside a code span is taken for an HTML tag and hidden. Fenced blocks are left alone.
     */
    @Test
    void everyMarkdownFileRendersItsTextAsWritten() {
        List<String> problems = new ArrayList<>();
        for (Path document : everyMarkdownFile()) {
            List<String> text = lines(document);
            List<String> paragraph = new ArrayList<>();
            String fence = null;
            for (int i = 0; i <= text.size(); i++) {
                String line = i < text.size() ? text.get(i) : "";
                String where = ROOT.relativize(document) + ":" + (i + 1) + ": ";
                if (fence != null) {
                    fence = line.strip().startsWith(fence) ? null : fence;
                    continue;
                }
                Matcher open = FENCE.matcher(line);
                if (open.matches() || line.isBlank()) {
                    tagsOutsideCodeSpans(String.join("\n", paragraph)).forEach(tag -> problems.add(where
                            + "the paragraph above it has " + tag + " outside a code span, which GitHub hides as HTML: put it in backticks"));
                    paragraph.clear();
                    fence = open.matches() ? open.group(2) : null;
                    continue;
                }
                if (!paragraph.isEmpty() && WRAPPED_HEADING.matcher(line).matches()) {
                    problems.add(where + "a wrapped line that starts with #, which GitHub renders as a heading: wrap it elsewhere ("
                            + line.strip() + ")");
                }
                paragraph.add(line);
            }
        }
        assertThat(problems).as("Markdown that renders otherwise than it reads").isEmpty();
    }

    /**
     * Every relative link of every Markdown file leads somewhere: the file or folder exists, and an
     * anchor ({@code #what-you-need}) is a heading of the file it names, as GitHub makes anchors.
     * Links in code blocks and code spans are text, not links.
     */
    @Test
    void everyRelativeLinkAndAnchorResolves() {
        List<String> broken = new ArrayList<>();
        for (Path document : everyMarkdownFile()) {
            String text = CODE_SPAN.matcher(String.join("\n", outsideFences(lines(document)))).replaceAll("");
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue; // https:, mailto:
                }
                String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path file = path.isEmpty() ? document : document.getParent().resolve(path).normalize();
                String where = ROOT.relativize(document) + ": (" + target + ")";
                if (!Files.exists(file)) {
                    broken.add(where + ": no such file");
                } else if (anchor != null && file.toString().endsWith(".md") && !anchors(file).contains(anchor)) {
                    broken.add(where + ": no heading of " + ROOT.relativize(file) + " makes that anchor");
                }
            }
        }
        assertThat(broken).as("relative links and anchors").isEmpty();
    }

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    /** The anchors GitHub gives a file's headings: lower case, punctuation out, spaces to hyphens, repeats numbered. */
    static Set<String> anchors(Path markdown) {
        Set<String> anchors = new java.util.HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : outsideFences(lines(markdown))) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = heading.group(1).strip().toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                int before = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(before == 0 ? slug : slug + "-" + before);
            }
        }
        return anchors;
    }

    private static final Pattern HEADING = Pattern.compile("#{1,6}\\s+(.*)");

    /** The lines of a Markdown file outside its fenced blocks. */
    private static List<String> outsideFences(List<String> text) {
        List<String> outside = new ArrayList<>();
        String fence = null;
        for (String line : text) {
            Matcher open = FENCE.matcher(line);
            if (fence != null) {
                fence = line.strip().startsWith(fence) ? null : fence;
            } else if (open.matches()) {
                fence = open.group(2);
            } else {
                outside.add(line);
            }
        }
        return outside;
    }

    private static final Pattern WRAPPED_HEADING = Pattern.compile("\\s*#{1,6}(\\s.*)?");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(\\s[^<>]*)?/?>");

    static List<String> tagsOutsideCodeSpans(String paragraph) {
        return TAG.matcher(CODE_SPAN.matcher(paragraph).replaceAll("")).results().map(MatchResult::group).toList();
    }

    /** The blocks a reader pastes into a shell: marked shell, sh or bash, or not marked at all. */
    private static List<Snippet> commandBlocks(List<Path> documents) {
        return documents.stream().flatMap(document -> snippets(document).stream())
                .filter(snippet -> List.of("", "shell", "sh", "bash").contains(snippet.info().split("\\s+")[0])).toList();
    }

    private static final Pattern COMMENT = Pattern.compile("(^|\\s)#");

    /** A word with *, ? or [ in it, but not the test command {@code [ ... ]} itself, {@code $?}, or an escaped one. */
    private static boolean isPattern(String word) {
        String unescaped = word.replaceAll("\\\\.|\\$[?*]", "");
        return !word.equals("[") && !word.equals("[[") && unescaped.matches(".*[*?\\[].*");
    }

    /** Every Markdown file of the repository, the modules' READMEs included, outside build output and node_modules. */
    private static List<Path> everyMarkdownFile() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(file -> file.toString().endsWith(".md"))
                    .filter(file -> ROOT.relativize(file).toString().replace('\\', '/')
                            .matches("(?!.*(^|/)(target|node_modules|\\.git)/).*"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The guides, the README and CONTRIBUTING.md. */
    static List<Path> documents() {
        List<Path> documents = new ArrayList<>(guides());
        documents.add(ROOT.resolve("README.md"));
        documents.add(ROOT.resolve("CONTRIBUTING.md"));
        return documents;
    }

    private static List<Path> javaSources(String className) {
        return JAVA_SOURCES.getOrDefault(className + ".java", List.of());
    }

    /**
     * Every .java file of the repository outside build output ({@code target/}), by file name: one
     * walk of the tree for all the names the guides mention (after a build, the tree holds every
     * stage's classes and the local cloud's test copies).
     */
    static final Map<String, List<Path>> JAVA_SOURCES = javaSourcesByName();

    private static Map<String, List<Path>> javaSourcesByName() {
        Map<String, List<Path>> sources = new HashMap<>();
        try {
            Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                    return directory.getFileName() != null && directory.getFileName().toString().equals("target")
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".java")) {
                        sources.computeIfAbsent(name, any -> new ArrayList<>()).add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    @Test
    void anchorsAreMadeAsGitHubMakesThem() throws IOException {
        Path file = Files.createTempFile("anchors", ".md");
        try {
            Files.writeString(file, "# Step 1: Lambda and DynamoDB\n\n### 1. `pom.xml`: the Momento SDK\n\n```text\n# not a heading\n```\n\n"
                    + "## No network in the room: the instructor's copy\n\n## Notes\n\n## Notes\n");
            assertThat(anchors(file)).containsExactlyInAnyOrder("step-1-lambda-and-dynamodb", "1-pomxml-the-momento-sdk",
                    "no-network-in-the-room-the-instructors-copy", "notes", "notes-1");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void theRenderingCheckSeesTagsOnlyOutsideCodeSpans() {
        assertThat(tagsOutsideCodeSpans("IAM refused <action>, as above")).containsExactly("<action>");
        assertThat(tagsOutsideCodeSpans("IAM refused `<action>`, and ``a `<b>` c``")).isEmpty();
        assertThat(tagsOutsideCodeSpans("a span `opened on one line\n<and> closed` on the next")).isEmpty();
        assertThat(tagsOutsideCodeSpans("x < y and y > z")).isEmpty();
    }

    @Test
    void theCheckerCatchesDrift() {
        List<String> file = List.of("class A {", "    void a() {", "        one();", "        two();", "    }", "}");

        assertThat(appearsIn(List.of("void a() {", "    one();", "    two();", "}"), file)).isTrue();
        assertThat(appearsIn(List.of("class A {", "    // ...", "}"), file)).isTrue();
        assertThat(appearsIn(List.of("class A {", "    // ... unchanged", "}"), file)).isTrue();
        assertThat(isElision("    // ... from src/main/java/A.java")).isTrue();
        assertThat(isElision("    // ...and more")).isFalse();
        assertThat(isElision("...")).isTrue();
        assertThat(inEditsSection(List.of("## The idea", "x", "## The edits", "### 1. A", "```java file=a"), 5)).isTrue();
        assertThat(inEditsSection(List.of("## The edits", "x", "## Check your work", "```java file=a"), 4)).isFalse();
        assertThat(appearsIn(List.of("void a() {", "    two();", "    one();"), file)).isFalse();
        assertThat(appearsIn(List.of("void a() {", "    three();"), file)).isFalse();
        assertThat(appearsIn(List.of("one();", "  two();"), file)).isFalse();
    }

    /** The snippet's segments (split at elision lines) appear in order, each as consecutive lines. */
    static boolean appearsIn(List<String> snippet, List<String> file) {
        List<List<String>> segments = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : snippet) {
            if (isElision(line)) {
                segments.add(current);
                current = new ArrayList<>();
            } else {
                current.add(line.stripTrailing());
            }
        }
        segments.add(current);
        int from = 0;
        for (List<String> segment : segments) {
            if (segment.isEmpty()) {
                continue;
            }
            int at = indexOf(segment, file, from);
            if (at < 0) {
                return false;
            }
            from = at + segment.size();
        }
        return true;
    }

    private static int indexOf(List<String> segment, List<String> file, int from) {
        for (int start = from; start + segment.size() <= file.size(); start++) {
            if (matchesAt(segment, file, start)) {
                return start;
            }
        }
        return -1;
    }

    /** Line by line equal, after removing the same indentation difference from every non-blank line. */
    private static boolean matchesAt(List<String> segment, List<String> file, int start) {
        Integer shift = null;
        for (int i = 0; i < segment.size(); i++) {
            String want = segment.get(i);
            String have = file.get(start + i).stripTrailing();
            if (want.isBlank() || have.isBlank()) {
                if (want.isBlank() != have.isBlank()) {
                    return false;
                }
                continue;
            }
            int offset = indent(have) - indent(want);
            if (shift == null) {
                shift = offset;
            }
            if (offset != shift || !have.strip().equals(want.strip())) {
                return false;
            }
        }
        return true;
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    static List<Path> guides() {
        try (Stream<Path> files = Files.list(ROOT.resolve("workshop"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Snippet> snippets(Path guide) {
        List<Snippet> snippets = new ArrayList<>();
        List<String> text = lines(guide);
        for (int i = 0; i < text.size(); i++) {
            Matcher open = FENCE.matcher(text.get(i));
            if (!open.matches()) {
                continue;
            }
            String fence = open.group(2);
            List<String> body = new ArrayList<>();
            int j = i + 1;
            while (j < text.size() && !text.get(j).strip().startsWith(fence)) {
                body.add(text.get(j));
                j++;
            }
            snippets.add(new Snippet(guide, i + 1, open.group(3).strip(), body));
            i = j;
        }
        return snippets;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
