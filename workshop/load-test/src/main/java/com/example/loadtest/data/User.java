package com.example.loadtest.data;

/** A user to create with {@code POST /users}. */
public record User(String username, String firstName, String lastName) {
}
