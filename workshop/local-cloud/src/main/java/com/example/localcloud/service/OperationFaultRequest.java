package com.example.localcloud.service;

import java.util.Arrays;
import java.util.Locale;

/**
 * {@code POST /_local/<service>/faults?operation=GetItem&kind=THROTTLING[&times=3]}, read and checked
 * the same way for every AWS service whose operations can be made to fail (DynamoDB, Kinesis).
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

    /** E.g. {@code GetItem fails with THROTTLING 3 times}. */
    public String describe() {
        return operation + " fails with " + kind + (times < 0 ? " until cleared" : " " + times + " times");
    }
}
