package com.example.loadtest.data;

import java.util.Locale;

/**
 * An organization to create with {@code POST /organizations}, by its founder (who becomes Owner).
 *
 * @param name    as sent, e.g. {@code Northwind Analytics 3}
 * @param founder the username in the {@code Authorization} header
 */
public record Organization(String name, String founder) {

    /**
     * The slug the service identifies it by in paths: lower case, spaces turned into '-'
     * (the service's rule: "Acme Corp" and "acme-corp" are the same organization).
     */
    public String slug() {
        return name.strip().replaceAll(" +", "-").toLowerCase(Locale.ROOT);
    }
}
