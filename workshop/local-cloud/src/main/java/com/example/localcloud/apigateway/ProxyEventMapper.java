package com.example.localcloud.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the event API Gateway's Lambda proxy integration (REST API, payload 1.0) sends:
 * an {@code APIGatewayProxyRequestEvent}, written to JSON with Amazon's own serializer so the
 * field names are the real ones ({@code isBase64Encoded}, {@code multiValueHeaders}, ...).
 */
public final class ProxyEventMapper {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String API_ID = "localapi00";

    private final String stage;
    private final String accountId;
    private final List<String> binaryMediaTypes;
    private final PojoSerializer<APIGatewayProxyRequestEvent> serializer =
            LambdaEventSerializers.serializerFor(APIGatewayProxyRequestEvent.class, ProxyEventMapper.class.getClassLoader());

    /** @param binaryMediaTypes {@code provider.apiGateway.binaryMediaTypes}: such bodies are base64-encoded */
    public ProxyEventMapper(String stage, String accountId, List<String> binaryMediaTypes) {
        this.stage = stage;
        this.accountId = accountId;
        this.binaryMediaTypes = List.copyOf(binaryMediaTypes);
    }

    public APIGatewayProxyRequestEvent toEvent(IncomingRequest request, RouteTable.Match match, String requestId) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach(header -> headers.computeIfAbsent(header.getKey(), k -> new ArrayList<>()).add(header.getValue()));
        addForwardingHeaders(headers, request);
        Map<String, List<String>> query = parseQuery(request.query());
        String path = URLDecoder.decode(request.path().replace("+", "%2B"), StandardCharsets.UTF_8);

        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withResource(match.route().resourcePath())
                .withPath(path)
                .withHttpMethod(request.method())
                .withHeaders(lastValues(headers))
                .withMultiValueHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : lastValues(query))
                .withMultiValueQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
                .withRequestContext(requestContext(request, match, requestId, path));
        setBody(event, request, headers);
        return event;
    }

    /** The event as the JSON the function receives. */
    public byte[] toJson(APIGatewayProxyRequestEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(event, out);
        return out.toByteArray();
    }

    private ProxyRequestContext requestContext(IncomingRequest request, RouteTable.Match match, String requestId, String path) {
        RequestIdentity identity = new RequestIdentity();
        identity.setSourceIp(request.sourceIp());
        request.headers().stream().filter(h -> h.getKey().equalsIgnoreCase("User-Agent")).findFirst()
                .ifPresent(userAgent -> identity.setUserAgent(userAgent.getValue()));
        Instant now = Instant.now();
        ProxyRequestContext context = new ProxyRequestContext();
        context.setAccountId(accountId);
        context.setApiId(API_ID);
        context.setResourceId("local0");
        context.setStage(stage);
        context.setRequestId(requestId);
        context.setExtendedRequestId(requestId);
        context.setRequestTime(REQUEST_TIME.format(now));
        context.setRequestTimeEpoch(now.toEpochMilli());
        context.setPath("/" + stage + path);
        context.setResourcePath(match.route().resourcePath());
        context.setHttpMethod(request.method());
        context.setProtocol("HTTP/1.1");
        context.setDomainName(request.host());
        context.setIdentity(identity);
        return context;
    }

    /** API Gateway tells the function who called and how, as a load balancer would. */
    private static void addForwardingHeaders(Map<String, List<String>> headers, IncomingRequest request) {
        if (headers.keySet().stream().noneMatch("X-Forwarded-For"::equalsIgnoreCase)) {
            headers.put("X-Forwarded-For", List.of(request.sourceIp()));
        }
        if (headers.keySet().stream().noneMatch("X-Forwarded-Proto"::equalsIgnoreCase)) {
            headers.put("X-Forwarded-Proto", List.of("http"));
        }
    }

    private void setBody(APIGatewayProxyRequestEvent event, IncomingRequest request, Map<String, List<String>> headers) {
        if (request.body().length == 0) {
            event.withIsBase64Encoded(false); // API Gateway sends "body": null for no body
            return;
        }
        String contentType = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
                .map(h -> h.getValue().get(0)).findFirst().orElse("");
        String text = isBinary(contentType) ? null : utf8(request.body());
        if (text == null) {
            event.withBody(Base64.getEncoder().encodeToString(request.body())).withIsBase64Encoded(true);
        } else {
            event.withBody(text).withIsBase64Encoded(false);
        }
    }

    /** A type listed in binaryMediaTypes ({@code image/png}, {@code image/*} or {@code *}{@code /*}). */
    boolean isBinary(String contentType) {
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        for (String binary : binaryMediaTypes) {
            String pattern = binary.toLowerCase(Locale.ROOT);
            if (pattern.equals("*/*") || pattern.equals(type)
                    || pattern.endsWith("/*") && type.startsWith(pattern.substring(0, pattern.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** The body as text, or null if it is not valid UTF-8 (then it must travel base64-encoded). */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static Map<String, List<String>> parseQuery(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    /** The single-value form API Gateway also sends: the last value of each name. */
    private static Map<String, String> lastValues(Map<String, List<String>> multi) {
        Map<String, String> single = new LinkedHashMap<>();
        multi.forEach((name, values) -> single.put(name, values.get(values.size() - 1)));
        return single;
    }
}
