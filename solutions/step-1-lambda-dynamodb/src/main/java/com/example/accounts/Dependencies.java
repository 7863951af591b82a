package com.example.accounts;

import com.example.accounts.repository.AccountRepository;
import com.example.accounts.service.AccountService;

/** Builds the service from the function's environment variables, for the handlers' no-argument constructors. */
public final class Dependencies {
    private Dependencies() {
    }

    public static AccountService accountService() {
        return new AccountService(new AccountRepository(Clients.dynamoDb(), requiredEnv("TABLE_NAME")));
    }

    static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + name + " is not set: see serverless.yml");
        }
        return value;
    }
}
