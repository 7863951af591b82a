package com.example.localcloud.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the proxy event with exactly the keys API Gateway sends, in its order, a key whose value
 * is unknown or absent included as {@code null} (as AWS sends {@code "body": null},
 * {@code "pathParameters": null}, {@code "identity": {"caller": null, ...}}). Amazon's serializer
 * leaves null fields out, and a handler that checks {@code event.has("body")} would then behave
 * differently here than in AWS.
 *
 * <p>The key set is that of a REST API event recorded in AWS: the Lambda developer guide's
 * {@code sample-apps/nodejs-apig/event.json} (kept as the test fixture
 * {@code aws-events/rest-api-proxy-event.json}).
 */
final class ProxyEventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProxyEventJson() {
    }

    static byte[] write(APIGatewayProxyRequestEvent event) {
        Map<String, Object> json = new LinkedHashMap<>(); // Jackson writes a map's keys in order, nulls included
        json.put("resource", event.getResource());
        json.put("path", event.getPath());
        json.put("httpMethod", event.getHttpMethod());
        json.put("headers", event.getHeaders());
        json.put("multiValueHeaders", event.getMultiValueHeaders());
        json.put("queryStringParameters", event.getQueryStringParameters());
        json.put("multiValueQueryStringParameters", event.getMultiValueQueryStringParameters());
        json.put("pathParameters", event.getPathParameters());
        json.put("stageVariables", event.getStageVariables());
        json.put("requestContext", requestContext(event.getRequestContext()));
        json.put("body", event.getBody());
        json.put("isBase64Encoded", Boolean.TRUE.equals(event.getIsBase64Encoded()));
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> requestContext(ProxyRequestContext context) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("resourceId", context.getResourceId());
        json.put("resourcePath", context.getResourcePath());
        json.put("httpMethod", context.getHttpMethod());
        json.put("extendedRequestId", context.getExtendedRequestId());
        json.put("requestTime", context.getRequestTime());
        json.put("path", context.getPath());
        json.put("accountId", context.getAccountId());
        json.put("protocol", context.getProtocol());
        json.put("stage", context.getStage());
        json.put("domainPrefix", context.getDomainPrefix());
        json.put("requestTimeEpoch", context.getRequestTimeEpoch());
        json.put("requestId", context.getRequestId());
        json.put("identity", identity(context.getIdentity()));
        json.put("domainName", context.getDomainName());
        json.put("apiId", context.getApiId());
        return json;
    }

    private static Map<String, Object> identity(RequestIdentity identity) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cognitoIdentityPoolId", identity.getCognitoIdentityPoolId());
        json.put("accountId", identity.getAccountId());
        json.put("cognitoIdentityId", identity.getCognitoIdentityId());
        json.put("caller", identity.getCaller());
        json.put("sourceIp", identity.getSourceIp());
        json.put("principalOrgId", identity.getPrincipalOrgId());
        json.put("accessKey", identity.getAccessKey());
        json.put("cognitoAuthenticationType", identity.getCognitoAuthenticationType());
        json.put("cognitoAuthenticationProvider", identity.getCognitoAuthenticationProvider());
        json.put("userArn", identity.getUserArn());
        json.put("userAgent", identity.getUserAgent());
        json.put("user", identity.getUser());
        return json;
    }
}
