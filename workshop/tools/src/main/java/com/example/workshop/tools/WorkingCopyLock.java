package com.example.workshop.tools;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One command at a time in a working copy for those that build it or change it ({@code check},
 * {@code start}, {@code use}, {@code prepare}): two checks at once build into the same target/ and
 * break each other's build, and a {@code use} during a check changes the code the check is trying. The
 * operating system lets go of the lock when the JVM ends, however it ends.
 */
final class WorkingCopyLock implements AutoCloseable {
    private final FileChannel file;
    private final FileLock lock;

    private WorkingCopyLock(FileChannel file, FileLock lock) {
        this.file = file;
        this.lock = lock;
    }

    /** Takes the lock, or says that another command holds it; {@code command} names this one ("check"). */
    static WorkingCopyLock take(Path root, String command) throws IOException {
        Path path = root.resolve("target/workshop-check/check.lock");
        Files.createDirectories(path.getParent());
        FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = file.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) { // a test's
            lock = null;
        }
        if (lock == null) {
            file.close();
            throw new WorkshopException("Another check (or start, use or prepare) is running in this working copy: wait for it to"
                    + " end, then run " + command + " again. (Two checks at once build into the same target/ and break each other's"
                    + " build, each then blaming code that is right; a use or start would change the code a check is trying.)");
        }
        return new WorkingCopyLock(file, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            file.close();
        }
    }
}
