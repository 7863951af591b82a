package com.example.localcloud.service;

import com.example.localcloud.apigateway.OutgoingResponse;
import com.example.localcloud.faults.OperationFaults;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /_local/<service>/faults?operation=GetItem&kind=THROTTLING[&times=3]}, read and checked
 * the same way for every AWS service whose operations can be made to fail (DynamoDB, Kinesis, Secrets Manager).
 *
 * @param times how many calls fail; -1 until cleared
 */
public record OperationFaultRequest<K extends Enum<K>>(String operation, K kind, int times) {

    /** @throws IllegalArgumentException with a message that names the bad parameter */
    public static <K extends Enum<K>> OperationFaultRequest<K> of(ControlRequest request, Class<K> kinds) {
        String operation = request.parameter("operation", "");
        if (!operation.matches("[A-Z][A-Za-z]+")) {
            throw new IllegalArgumentException("operation must be an API operation such as GetItem or GetRecords, not '"
                    + operation + "'");
        }
        K kind;
        try {
            kind = Enum.valueOf(kinds, request.parameter("kind", "").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind must be one of " + Arrays.toString(kinds.getEnumConstants())
                    + ", not '" + request.parameter("kind", "") + "'");
        }
        int times;
        try {
            times = Integer.parseInt(request.parameter("times", "-1"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("times must be a whole number (leave it out: until cleared), not '"
                    + request.parameter("times", "") + "'");
        }
        return new OperationFaultRequest<>(operation, kind, times);
    }

    /** Reads the request and adds its fault: 201 {@code {"fault": "GetItem fails with ..."}}, or 400 naming the bad parameter. */
    public static <K extends Enum<K>> OutgoingResponse add(ControlRequest request, Class<K> kinds, OperationFaults<K> faults) {
        try {
            OperationFaultRequest<K> fault = of(request, kinds);
            faults.add(fault.operation(), fault.kind(), fault.times());
            return ControlResponses.json(201, Map.of("fault", fault.describe()));
        } catch (IllegalArgumentException e) {
            return ControlResponses.badRequest(e.getMessage());
        }
    }

    /** E.g. {@code GetItem fails with THROTTLING 3 times}. */
    public String describe() {
        return operation + " fails with " + kind + (times < 0 ? " until cleared" : " " + times + " times");
    }
}
