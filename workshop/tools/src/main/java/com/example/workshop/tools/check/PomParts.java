package com.example.workshop.tools.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The parts of pom.xml that a step's edit adds and the working copy lacks: a property, a
 * dependency, a dependency's exclusion, a shade filter. Step 2's edit of pom.xml has four parts, and
 * one typed without the others (the dependencies, not the filter) is an edit made in part, which
 * the code's compiling cannot tell. Versions and plugin settings are not compared.
 */
final class PomParts {

    private PomParts() {
    }

    /** What the step's pom.xml adds to the step before's and the working copy's lacks, in words; empty if one is unreadable. */
    static List<String> missing(Path workingCopy, Path step, Path stepBefore) {
        try {
            Set<String> added = parts(step);
            added.removeAll(parts(stepBefore));
            added.removeAll(parts(workingCopy));
            return List.copyOf(added);
        } catch (Exception unreadable) {
            return List.of();
        }
    }

    /**
     * The AWS SDK's service dependencies in pom.xml without an exclusion of {@code artifactId} ("secretsmanager"), which
     * then brings that HTTP client into the jar; none when pom.xml cannot be read.
     */
    static List<String> awsDependenciesNotExcluding(Path pom, String artifactId) {
        try {
            List<String> lacking = new ArrayList<>();
            for (Element dependency : ownDependencies(parse(pom))) {
                String artifact = text(dependency, "artifactId");
                boolean excludes = elements(dependency.getElementsByTagName("exclusion")).stream()
                        .anyMatch(exclusion -> text(exclusion, "artifactId").equals(artifactId));
                if (text(dependency, "groupId").equals("software.amazon.awssdk") && !artifact.equals("url-connection-client")
                        && !excludes) {
                    lacking.add(artifact);
                }
            }
            return lacking;
        } catch (Exception unreadable) {
            return List.of();
        }
    }

    private static Document parse(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    /** The project's own dependencies: not dependencyManagement's (the bom), nor a plugin's. */
    private static List<Element> ownDependencies(Document document) {
        return elements(document.getElementsByTagName("dependency")).stream()
                .filter(dependency -> isElement(dependency.getParentNode(), "dependencies")
                        && isElement(dependency.getParentNode().getParentNode(), "project"))
                .toList();
    }

    /** "the property momento.sdk.version", "the dependency software.momento.java:sdk", "secretsmanager's exclusion of ...". */
    private static Set<String> parts(Path pom) throws Exception {
        Document document = parse(pom);
        Set<String> parts = new LinkedHashSet<>();
        for (Element properties : elements(document.getElementsByTagName("properties"))) {
            for (Node child = properties.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element property) {
                    parts.add("the property " + property.getTagName());
                }
            }
        }
        for (Element dependency : ownDependencies(document)) {
            String artifact = text(dependency, "artifactId");
            parts.add("the dependency " + text(dependency, "groupId") + ":" + artifact);
            for (Element exclusion : elements(dependency.getElementsByTagName("exclusion"))) {
                parts.add(artifact + "'s exclusion of " + text(exclusion, "artifactId"));
            }
        }
        for (Element filter : elements(document.getElementsByTagName("filter"))) {
            parts.add("the shade plugin's <filter> for " + text(filter, "artifact"));
        }
        return parts;
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static boolean isElement(Node node, String name) {
        return node instanceof Element element && element.getTagName().equals(name);
    }

    /** A child element's text, stripped ("" when there is none). */
    private static String text(Element element, String tag) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (isElement(child, tag)) {
                return child.getTextContent().strip();
            }
        }
        return "";
    }
}
