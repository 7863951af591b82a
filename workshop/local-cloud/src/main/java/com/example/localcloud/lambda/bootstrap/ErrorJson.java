package com.example.localcloud.lambda.bootstrap;

import java.util.ArrayList;
import java.util.List;

/** The error document the Runtime API expects: {@code {"errorMessage", "errorType", "stackTrace"}}. */
final class ErrorJson {

    private ErrorJson() {
    }

    static String of(Throwable error) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : error.getStackTrace()) {
            frames.add(quote(frame.toString()));
        }
        return "{\"errorMessage\":" + quote(String.valueOf(error.getMessage()))
                + ",\"errorType\":" + quote(error.getClass().getName())
                + ",\"stackTrace\":[" + String.join(",", frames) + "]}";
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
