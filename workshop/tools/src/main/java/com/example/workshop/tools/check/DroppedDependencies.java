package com.example.workshop.tools.check;

import com.example.workshop.tools.Stages;
import com.example.workshop.tools.check.steps.Curriculum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A dependency that an earlier step's edit of pom.xml added and the working copy's pom.xml no
 * longer has (a block lost while pasting a later step's edit): javac then says only "package
 * momento.sdk does not exist", in a file this step may not even edit. Found by comparing the
 * working copy's pom.xml with the step's solution's, then asking which stage's pom.xml has it first.
 */
final class DroppedDependencies {
    private DroppedDependencies() {
    }

    /**
     * Where the dependency that the working copy lacks was added, when an earlier step's guide
     * added it: "workshop/02-momento-client.md, the edit of pom.xml: ...". Empty when none is missing,
     * when the step itself adds it (its own edit of pom.xml is the pointer then), when step 1 has it
     * (no guide edits step 1's pom.xml), or without solutions.
     */
    static Optional<String> addedByAnEarlierStep(Path root, StepLessons step, Guides guides) {
        try {
            List<Stages.Stage> stages = new Stages(root).all();
            Optional<Stages.Stage> solution = solutionOf(stages, step);
            if (solution.isEmpty()) {
                return Optional.empty();
            }
            Set<String> missing = of(solution.get().dir().resolve("pom.xml"));
            missing.removeAll(of(root.resolve("pom.xml")));
            // Each earlier stage's dependencies, read once (the stages are in order, so the first that has one added it).
            Map<Stages.Stage, Set<String>> earlier = new LinkedHashMap<>();
            stages.stream().filter(stage -> stage.number() < step.number())
                    .forEach(stage -> earlier.put(stage, of(stage.dir().resolve("pom.xml"))));
            // By the guide whose pom.xml edit added each; step 1's own dependencies have no edit to point at.
            Map<String, List<String>> byGuide = new LinkedHashMap<>();
            for (String dependency : missing) {
                guideThatAdded(dependency, earlier, guides)
                        .ifPresent(guide -> byGuide.computeIfAbsent(guide, g -> new ArrayList<>()).add(dependency));
            }
            return byGuide.entrySet().stream().findFirst().map(added -> "workshop/" + added.getKey() + ", the edit of pom.xml:"
                    + " your pom.xml lacks " + (added.getValue().size() == 1 ? "its dependency " : "its dependencies ")
                    + String.join(" and ", added.getValue()) + " (the packages the compile errors miss come from "
                    + (added.getValue().size() == 1 ? "it)" : "them)"));
        } catch (RuntimeException e) {
            return Optional.empty(); // no solutions here (a test's root), or a pom that cannot be read: the build's errors say the rest
        }
    }

    /**
     * A dependency the step's solution declares that the working copy's pom.xml has only inside
     * {@code <dependencyManagement>} (the guide's block pasted into the first {@code <dependencies>} of
     * the file, which is that one's): managed, it only sets a version, and the build does not have it.
     */
    static Optional<String> onlyManaged(Path root, StepLessons step) {
        try {
            Optional<Stages.Stage> solution = solutionOf(new Stages(root).all(), step);
            if (solution.isEmpty()) {
                return Optional.empty();
            }
            Set<String> missing = of(solution.get().dir().resolve("pom.xml"));
            missing.removeAll(of(root.resolve("pom.xml")));
            missing.retainAll(managed(root.resolve("pom.xml")));
            return missing.stream().findFirst().map(dependency -> "workshop/" + step.guide() + ", the edit of pom.xml: your"
                    + " pom.xml declares " + dependency + " only inside <dependencyManagement>, which sets versions and adds"
                    + " nothing to the build: move its block into <dependencies>");
        } catch (RuntimeException e) {
            return Optional.empty(); // no solutions here (a test's root): the pointer stays pom.xml's edit
        }
    }

    /**
     * A dependency the step's solution has in the build (no scope) that the working copy's pom.xml declares with
     * a scope that keeps it out of the shaded jar (provided, test, system): it compiles and its tests pass, and
     * Lambda's Init then cannot load its classes. Said with the edit that added it; empty when there is none.
     */
    static Optional<String> scopedOutOfTheJar(Path root, StepLessons step, Guides guides) {
        try {
            List<Stages.Stage> stages = new Stages(root).all();
            Optional<Stages.Stage> solution = solutionOf(stages, step);
            if (solution.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> solutions = scopes(solution.get().dir().resolve("pom.xml"));
            Map<String, String> yours = scopes(root.resolve("pom.xml"));
            for (Map.Entry<String, String> dependency : yours.entrySet()) {
                boolean inTheJar = List.of("", "compile", "runtime").contains(solutions.getOrDefault(dependency.getKey(), "-"));
                if (inTheJar && List.of("provided", "test", "system").contains(dependency.getValue())) {
                    Map<Stages.Stage, Set<String>> each = new LinkedHashMap<>();
                    stages.forEach(stage -> each.put(stage, of(stage.dir().resolve("pom.xml"))));
                    String edit = guideThatAdded(dependency.getKey(), each, guides)
                            .map(guide -> "workshop/" + guide + ", the edit of pom.xml").orElse("pom.xml");
                    return Optional.of(edit + ": your pom.xml declares " + dependency.getKey() + " with <scope>"
                            + dependency.getValue() + "</scope>, which keeps it out of the jar Lambda runs (the tests have it,"
                            + " Init does not: NoClassDefFoundError); the guide's block has no <scope>: remove it");
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // no solutions here (a test's root): the build's and the cloud's lines say the rest
        }
    }

    /**
     * The guide whose edit of pom.xml added {@code dependency}: that of the first of {@code stages} (in order,
     * each with its dependencies) to have it; none for step 1's own, which no guide edits.
     */
    private static Optional<String> guideThatAdded(String dependency, Map<Stages.Stage, Set<String>> stages, Guides guides) {
        return stages.entrySet().stream().filter(stage -> stage.getValue().contains(dependency)).map(Map.Entry::getKey).findFirst()
                .flatMap(first -> Curriculum.step(first.number()).map(StepLessons::guide))
                .filter(guide -> guides.hasAnEditOf(guide, "pom.xml"));
    }

    /** The step's own solution among {@code stages}; none without solutions (a test's root). */
    private static Optional<Stages.Stage> solutionOf(List<Stages.Stage> stages, StepLessons step) {
        return stages.stream().filter(stage -> stage.number() == step.number()).findFirst();
    }

    /** "groupId:artifactId" of each of the project's own dependencies (not the managed ones, nor a plugin's). */
    static Set<String> of(Path pom) {
        return declared(pom, false);
    }

    /** The same, of those inside {@code <dependencyManagement>}. */
    private static Set<String> managed(Path pom) {
        return declared(pom, true);
    }

    private static Set<String> declared(Path pom, boolean managed) {
        return new LinkedHashSet<>(scopes(pom, managed).keySet());
    }

    /** The project's own dependencies, each with its {@code <scope>} ("" when it has none). */
    private static Map<String, String> scopes(Path pom) {
        return scopes(pom, false);
    }

    private static Map<String, String> scopes(Path pom, boolean managed) {
        Map<String, String> dependencies = new LinkedHashMap<>();
        if (!Files.isRegularFile(pom)) {
            return dependencies;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
            List<Element> parents = managed ? children(project, "dependencyManagement") : List.of(project);
            for (Element list : parents.stream().flatMap(parent -> children(parent, "dependencies").stream()).toList()) {
                for (Element dependency : children(list, "dependency")) {
                    dependencies.put(text(dependency, "groupId") + ":" + text(dependency, "artifactId"), text(dependency, "scope"));
                }
            }
        } catch (IOException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            // not readable as XML: Maven's own error says why
        }
        return dependencies;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new java.util.ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        return children(parent, name).stream().findFirst().map(element -> element.getTextContent().strip()).orElse("");
    }
}
