package com.example.accounts.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.example.accounts.errors.BadRequestException;
import com.example.accounts.errors.UnauthorizedException;
import com.example.accounts.model.Names;
import com.example.accounts.model.Role;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Reads and validates what a handler needs from an API Gateway event. Every problem is a
 * {@link BadRequestException} whose message names the field, header or path parameter.
 */
final class ApiRequest {
    static final int MAX_PERSON_NAME_LENGTH = 100;
    /** Anything after the JSON object (a second object, a stray bracket) makes the body invalid. */
    private static final ObjectReader BODY_READER = ApiResponses.JSON.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final APIGatewayProxyRequestEvent event;
    private JsonNode body;

    ApiRequest(APIGatewayProxyRequestEvent event) {
        this.event = event;
    }

    /**
     * The acting user, from the Authorization header. The workshop's simplification: a real
     * service would verify a token (for example with an API Gateway authorizer).
     */
    String actingUser() {
        String value = header("Authorization");
        if (value == null || value.isBlank()) {
            throw new UnauthorizedException("The Authorization header is required: set it to the acting user's username.");
        }
        return username("Authorization header", value.strip());
    }

    String usernamePathParameter(String name) {
        return username("path parameter '" + name + "'", pathParameter(name));
    }

    String organizationPathParameter(String name) {
        return organizationName("path parameter '" + name + "'", pathParameter(name));
    }

    String usernameField(String field) {
        return username("field '" + field + "'", textField(field));
    }

    String organizationNameField(String field) {
        return organizationName("field '" + field + "'", textField(field));
    }

    /** A person's name: text without control or invisible characters, up to {@value #MAX_PERSON_NAME_LENGTH} characters. */
    String personNameField(String field) {
        String value = textField(field).strip();
        if (value.codePoints().allMatch(Character::isSpaceChar)) { // empty, or only spaces such as U+00A0
            throw new BadRequestException("Field '" + field + "' must not be blank.");
        }
        if (value.codePointCount(0, value.length()) > MAX_PERSON_NAME_LENGTH) { // characters, not UTF-16 units
            throw new BadRequestException("Field '" + field + "' must be at most " + MAX_PERSON_NAME_LENGTH + " characters.");
        }
        OptionalInt forbidden = value.codePoints().filter(ApiRequest::isForbiddenInAName).findFirst();
        if (forbidden.isPresent()) {
            throw new BadRequestException(String.format("Field '%s' must not contain control or invisible characters"
                    + " (it holds U+%04X).", field, forbidden.getAsInt()));
        }
        return value;
    }

    /**
     * Control characters, line and paragraph separators, unpaired surrogates (not text at all:
     * DynamoDB refuses them), unassigned and private-use code points, and the invisible format
     * characters (zero-width space, byte order mark, right-to-left override), except the
     * zero-width joiner and non-joiner that some scripts write names with.
     */
    private static boolean isForbiddenInAName(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE,
                    Character.UNASSIGNED, Character.PRIVATE_USE -> true;
            case Character.FORMAT -> codePoint != 0x200C && codePoint != 0x200D;
            default -> false;
        };
    }

    Role roleField(String field) {
        String value = textField(field);
        return Role.fromLabel(value.strip()).orElseThrow(() ->
                new BadRequestException("Field '" + field + "' must be one of Owner, Admin, Member."));
    }

    private String textField(String field) {
        JsonNode value = body().get(field);
        if (value == null || value.isNull()) {
            throw new BadRequestException("Field '" + field + "' is required.");
        }
        if (!value.isTextual()) {
            throw new BadRequestException("Field '" + field + "' must be a string.");
        }
        return value.textValue();
    }

    private JsonNode body() {
        if (body == null) {
            body = parseBody();
        }
        return body;
    }

    private JsonNode parseBody() {
        String text = event.getBody();
        if (text == null || text.isBlank()) {
            throw new BadRequestException("The request body is required: a JSON object.");
        }
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            text = decodeBase64(text);
        }
        JsonNode parsed;
        try {
            parsed = BODY_READER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("The request body is not valid JSON.");
        }
        if (parsed == null || !parsed.isObject()) {
            throw new BadRequestException("The request body must be a JSON object.");
        }
        return parsed;
    }

    private static String decodeBase64(String text) {
        try {
            return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("The request body is not valid base64.");
        }
    }

    private String pathParameter(String name) {
        Map<String, String> parameters = event.getPathParameters();
        String value = parameters == null ? null : parameters.get(name);
        if (value == null || value.isBlank()) {
            throw new BadRequestException("Path parameter '" + name + "' is required.");
        }
        return value;
    }

    /**
     * Header names are case-insensitive in HTTP, and clients send them in any case. A header sent
     * twice is refused: which of the two would count? (API Gateway's {@code headers} keep one
     * value per name; its {@code multiValueHeaders} keep them all.)
     */
    private String header(String name) {
        List<String> values = matching(event.getMultiValueHeaders(), name).flatMap(List::stream).toList();
        if (values.isEmpty()) {
            values = matching(event.getHeaders(), name).toList();
        }
        if (values.size() > 1) {
            throw new BadRequestException("The " + name + " header must be sent once, not " + values.size() + " times.");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static <V> Stream<V> matching(Map<String, V> headers, String name) {
        return headers == null ? Stream.empty() : headers.entrySet().stream()
                .filter(header -> name.equalsIgnoreCase(header.getKey()))
                .map(Map.Entry::getValue)
                .filter(Objects::nonNull);
    }

    private static String username(String where, String value) {
        if (!Names.isValidUsername(value)) {
            throw new BadRequestException("The " + where + " must be a username: 1 to " + Names.MAX_USERNAME_LENGTH
                    + " letters (a-z, A-Z), digits, '.', '_' or '-', starting with a letter or digit.");
        }
        return value;
    }

    private static String organizationName(String where, String value) {
        String name = value.strip();
        if (!Names.isValidOrganizationName(name)) {
            throw new BadRequestException("The " + where + " must be an organization name: 1 to "
                    + Names.MAX_ORGANIZATION_NAME_LENGTH
                    + " letters (a-z, A-Z), digits, spaces, '_' or '-', starting with a letter or digit.");
        }
        return Names.organizationSlug(name);
    }
}
