package com.example.localcloud.dynamodb;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One DynamoDB API call made as the operator (the person at the keyboard, allowed everything),
 * for changing the table behind the service's back in a guide or a demo, as
 * {@code aws dynamodb update-item} would on AWS: the body is the API's own JSON request.
 *
 * <p>The local cloud identifies callers by the access key id in the SigV4 header and does not
 * verify signatures, so the header names the operator's key and carries no real signature.
 */
public final class OperatorDynamoDbCall {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private OperatorDynamoDbCall() {
    }

    /** @return DynamoDB's status code and JSON answer */
    public static HttpResponse<byte[]> send(URI endpoint, String region, String operatorAccessKeyId, String operation, byte[] body)
            throws IOException, InterruptedException {
        String date = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + operatorAccessKeyId + "/" + date + "/" + region
                        + "/dynamodb/aws4_request, SignedHeaders=host, Signature=local")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
