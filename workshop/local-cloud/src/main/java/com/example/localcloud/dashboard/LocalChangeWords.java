package com.example.localcloud.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The words a change made through {@code /_local} carries on the charts: the same words as the
 * page's buttons where one does the same ("Momento down"), so that a room sees one vocabulary
 * whether the instructor clicked or ran curl, and short enough to read on a projector. A change no
 * button makes keeps its request ({@code POST dynamodb/UpdateItem}).
 */
final class LocalChangeWords {
    /** Marks a change made through {@code /_local}, not a click on the page. */
    static final String SUFFIX = " (/_local)";

    private LocalChangeWords() {
    }

    /** @param request as {@code ControlLog} writes it, e.g. {@code POST momento/faults?rpc=data&status=UNAVAILABLE} */
    static String of(String request) {
        int space = request.indexOf(' ');
        String method = request.substring(0, space);
        String target = request.substring(space + 1);
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        Map<String, String> query = query(question < 0 ? "" : target.substring(question + 1));
        return words(method, path, query) + SUFFIX;
    }

    private static String words(String method, String path, Map<String, String> query) {
        boolean post = method.equals("POST");
        boolean delete = method.equals("DELETE");
        return switch (path) {
            case "momento/faults" -> delete ? "Momento back"
                    : !query.containsKey("status") ? "Momento slow"
                    : query.get("status").equals("UNAVAILABLE") ? "Momento down"
                    : "Momento erroring";
            case "momento/flush" -> "cache flushed";
            case "momento/connect-delay" -> "0".equals(query.get("ms")) ? "Momento connects at once"
                    : "Momento connects in " + query.getOrDefault("ms", "?") + " ms";
            case "momento/stats/reset" -> "cache counters reset";
            case "dynamodb/faults" -> delete ? "DynamoDB back"
                    : "THROTTLING".equals(query.get("kind")) ? "DynamoDB throttling"
                    : "DynamoDB erroring";
            case "dynamodb/delay" -> delete || "0".equals(query.get("ms")) ? "DynamoDB delay off"
                    : "DynamoDB +" + query.getOrDefault("ms", "?") + " ms";
            case "kinesis/faults" -> delete ? "Kinesis back" : "Kinesis failing";
            case "secretsmanager/faults" -> delete ? "Secrets Manager back" : "Secrets Manager failing";
            case "secretsmanager/delay" -> "0".equals(query.get("ms")) ? "Secrets Manager delay off"
                    : "Secrets Manager +" + query.getOrDefault("ms", "?") + " ms";
            case "lambda/retire" -> query.containsKey("function") ? "new " + query.get("function") + " environments" : "new environments";
            default -> post || delete ? method + " " + path : path;
        };
    }

    private static Map<String, String> query(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return parameters;
    }
}
