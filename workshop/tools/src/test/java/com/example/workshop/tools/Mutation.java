package com.example.workshop.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One lesson's code taken out of a step's solution: {@code from} replaced by {@code to} in one
 * file, where {@code from} must appear exactly once (so a change to the solution that moves the
 * code shows up here, instead of a mutation that silently does nothing).
 */
public record Mutation(int step, String lesson, String file, String from, String to) {

    public static final List<Mutation> ALL = List.of(
            new Mutation(2, "the function reads the secret named by MOMENTO_API_KEY_SECRET_ID, as its IAM statement allows",
                    "serverless.yml", "            - secretsmanager:GetSecretValue\n", "            - secretsmanager:DescribeSecret\n"),
            new Mutation(3, "not found is cached, and still answers 404",
                    "src/main/java/com/example/accounts/cache/AccountCache.java",
                    "        set(client, key, answer.map(AccountCache::encode).orElse(NOT_FOUND));\n",
                    "        answer.ifPresent(found -> set(client, key, encode(found)));\n"),
            new Mutation(4, "adding a member replaces a cached \"not a member\"",
                    "src/main/java/com/example/accounts/service/AccountService.java",
                    "        cache.write(CacheKeys.membership(organizationName, memberUsername), membership);\n", ""),
            new Mutation(5, "the N user reads are sent to the cache at once, and only misses read DynamoDB",
                    "src/main/java/com/example/accounts/service/AccountService.java",
                    "        return cache.readAll(usernames, CacheKeys::user, User.class, repository::findUser);\n",
                    "        return usernames.stream().collect(java.util.stream.Collectors.toMap(username -> username,"
                            + " repository::findUser, (a, b) -> a, java.util.LinkedHashMap::new));\n"),
            new Mutation(6, "a removed item is cached as not found; an unknown or incomplete one is never cached",
                    "src/main/java/com/example/accounts/service/StreamCacher.java",
                    "            return Outcome.IGNORED;\n        }\n        cache.replaceWithNotFound(key.get());\n",
                    "            return Outcome.IGNORED;\n        }\n"),
            new Mutation(7, "a second delivery records each event once, and only an event recorded already is a duplicate",
                    "src/main/java/com/example/accounts/repository/ActivityRepository.java",
                    "                    .item(toItem(activity))\n                    .conditionExpression(\"attribute_not_exists(eventId)\"));\n",
                    "                    .item(toItem(activity)));\n"));

    public void apply(Path root) throws IOException {
        Path path = root.resolve(file);
        String text = Files.readString(path);
        int first = text.indexOf(from);
        if (first < 0 || text.indexOf(from, first + 1) >= 0) {
            throw new AssertionError("step " + step + ": '" + from.strip() + "' must appear exactly once in " + file);
        }
        Files.writeString(path, text.replace(from, to));
    }

    @Override
    public String toString() {
        return String.valueOf(step);
    }
}
