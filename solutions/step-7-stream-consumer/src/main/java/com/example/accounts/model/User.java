package com.example.accounts.model;

/** A person who can found and join organizations. The username is the key. */
public record User(String username, String firstName, String lastName) {
}
