package com.example.accounts.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** What a member may do in an organization. Written to JSON and DynamoDB as "Owner", "Admin", "Member". */
public enum Role {
    OWNER("Owner"),
    ADMIN("Admin"),
    MEMBER("Member");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public boolean canAddMembers() {
        return this == OWNER || this == ADMIN;
    }

    /** The role with this label, ignoring case ("admin" is ADMIN). */
    public static Optional<Role> fromLabel(String label) {
        return Arrays.stream(values()).filter(role -> role.label.equalsIgnoreCase(label)).findFirst();
    }
}
