package com.example.localcloud.apigateway;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A URL path the gateway refuses with 400 before routing, whatever Jetty let through: a bad
 * percent-escape, bytes that are not UTF-8 ({@code %FF%FE}), a control character ({@code %00}),
 * an encoded separator inside a segment ({@code %2F}, {@code %5C}) or an encoded dot segment
 * ({@code %2E%2E}). Each would make the path mean something else once decoded.
 */
final class MalformedPath {

    private static final Pattern ENCODED_SEPARATOR = Pattern.compile("(?i)%2F|%5C");
    private static final Pattern DOT_SEGMENT = Pattern.compile("(?i)(^|/)(\\.|%2E){1,2}(/|$)");

    private MalformedPath() {
    }

    static boolean isMalformed(String rawPath) {
        if (ENCODED_SEPARATOR.matcher(rawPath).find() || DOT_SEGMENT.matcher(rawPath).find()) {
            return true;
        }
        byte[] decoded = percentDecode(rawPath);
        if (decoded == null) {
            return true;
        }
        for (byte b : decoded) {
            if ((b & 0xFF) < 0x20 || b == 0x7F) {
                return true;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded));
            return false;
        } catch (CharacterCodingException e) {
            return true;
        }
    }

    /** The bytes the path stands for, or null if a {@code %} is not followed by two hex digits. */
    private static byte[] percentDecode(String rawPath) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = rawPath.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '%') {
                bytes.write(raw[i]);
                continue;
            }
            if (i + 2 >= raw.length) {
                return null;
            }
            int high = Character.digit(raw[i + 1], 16);
            int low = Character.digit(raw[i + 2], 16);
            if (high < 0 || low < 0) {
                return null;
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        return bytes.toByteArray();
    }
}
