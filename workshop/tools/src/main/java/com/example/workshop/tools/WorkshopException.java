package com.example.workshop.tools;

/** A problem the user can fix; its message says how. */
class WorkshopException extends RuntimeException {
    WorkshopException(String message) {
        super(message);
    }
}
