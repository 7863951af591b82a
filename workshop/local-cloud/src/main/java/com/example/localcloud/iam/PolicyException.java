package com.example.localcloud.iam;

/** A policy statement this local IAM cannot evaluate faithfully, so it refuses it up front. */
public class PolicyException extends IllegalArgumentException {

    public PolicyException(String message) {
        super(message);
    }
}
