package com.example.localcloud.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import com.example.localcloud.http.QueryString;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the event API Gateway's Lambda proxy integration (REST API, payload 1.0) sends:
 * an {@code APIGatewayProxyRequestEvent}, written to JSON by {@link ProxyEventJson} with AWS's
 * field names and AWS's full key set ({@code null} where AWS sends null).
 */
public final class ProxyEventMapper {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String API_ID = "localapi00";

    private final String stage;
    private final String accountId;
    private final BinaryMediaTypes binaryMediaTypes;

    /** @param binaryMediaTypes {@code provider.apiGateway.binaryMediaTypes}: such bodies are base64-encoded */
    public ProxyEventMapper(String stage, String accountId, List<String> binaryMediaTypes) {
        this.stage = stage;
        this.accountId = accountId;
        this.binaryMediaTypes = new BinaryMediaTypes(binaryMediaTypes);
    }

    public APIGatewayProxyRequestEvent toEvent(IncomingRequest request, RouteTable.Match match, String requestId) {
        Map<String, List<String>> headers = GatewayHeaders.forEvent(request);
        Map<String, List<String>> query = QueryString.parse(request.query());
        String path = URLDecoder.decode(request.path().replace("+", "%2B"), StandardCharsets.UTF_8);

        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withResource(match.route().resourcePath())
                .withPath(path)
                .withHttpMethod(request.method())
                .withHeaders(QueryString.lastValues(headers))
                .withMultiValueHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : QueryString.lastValues(query))
                .withMultiValueQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
                .withStageVariables(null) // serverless.yml declares none
                .withRequestContext(requestContext(request, match, requestId, path));
        setBody(event, request, headers);
        return event;
    }

    /** The event as the JSON the function receives. */
    public byte[] toJson(APIGatewayProxyRequestEvent event) {
        return ProxyEventJson.write(event);
    }

    private ProxyRequestContext requestContext(IncomingRequest request, RouteTable.Match match, String requestId, String path) {
        RequestIdentity identity = new RequestIdentity(); // no authorizer, no API key: the rest stays null
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
        context.setDomainPrefix(domainPrefix(request.host()));
        context.setIdentity(identity);
        return context;
    }

    /** The first label of the host name, as {@code 70ixmpl4fl} of {@code 70ixmpl4fl.execute-api...}. */
    private static String domainPrefix(String host) {
        String name = host.startsWith("[") ? host : host.split(":", 2)[0];
        return name.split("\\.", 2)[0];
    }

    private void setBody(APIGatewayProxyRequestEvent event, IncomingRequest request, Map<String, List<String>> headers) {
        if (request.body().length == 0) {
            event.withIsBase64Encoded(false); // API Gateway sends "body": null for no body
            return;
        }
        String contentType = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
                .map(h -> h.getValue().get(0)).findFirst().orElse(null);
        if (binaryMediaTypes.isBinary(contentType)) {
            event.withBody(Base64.getEncoder().encodeToString(request.body())).withIsBase64Encoded(true);
        } else {
            // not a binary media type: passed as a UTF-8 string, whatever the bytes (invalid ones become U+FFFD)
            event.withBody(new String(request.body(), StandardCharsets.UTF_8)).withIsBase64Encoded(false);
        }
    }
}
