package com.example.accounts;

import static com.example.accounts.ApiCall.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.accounts.handlers.CreateOrganizationHandler;
import com.example.accounts.handlers.CreateUserHandler;
import com.example.accounts.repository.AccountRepository;
import com.example.accounts.service.AccountService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many requests creating the same thing at once: exactly one wins, the others get a 409. */
class ConcurrentCreatesTest {
    private static final int RACERS = 8;

    private final ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    private String table;
    private AccountService accounts;

    @BeforeEach
    void setUp() {
        table = LocalDynamoDb.createAccountsTable();
        accounts = new AccountService(new AccountRepository(LocalDynamoDb.client(), table), TestCaches.inMemory());
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void sameUserAtOnce() throws Exception {
        List<ApiCall> calls = race(i -> invoke(new CreateUserHandler(accounts),
                Events.post("/users", "{\"username\":\"alice\",\"firstName\":\"Racer " + i + "\",\"lastName\":\"L\"}")));

        assertThat(calls).extracting(ApiCall::status).containsOnly(201, 409);
        assertThat(calls).filteredOn(call -> call.status() == 201).hasSize(1);
        assertThat(LocalDynamoDb.itemCount(table)).isEqualTo(1);
    }

    @Test
    void sameOrganizationAtOnce() throws Exception {
        for (int i = 0; i < RACERS; i++) {
            invoke(new CreateUserHandler(accounts), Events.post("/users", "{\"username\":\"founder" + i + "\",\"firstName\":\"F\",\"lastName\":\"L\"}"));
        }

        List<ApiCall> calls = race(i -> invoke(new CreateOrganizationHandler(accounts),
                Events.post("/organizations", "{\"organizationName\":\"acme\"}", "founder" + i)));

        assertThat(calls).extracting(ApiCall::status).containsOnly(201, 409);
        assertThat(calls).filteredOn(call -> call.status() == 201).hasSize(1);
        // The founders, the organization and exactly one Owner membership.
        assertThat(LocalDynamoDb.itemCount(table)).isEqualTo(RACERS + 2);
    }

    /** Starts every call at the same moment and waits for all of them. */
    private List<ApiCall> race(IntFunction<ApiCall> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiCall>> futures = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            int racer = i;
            futures.add(pool.submit(() -> {
                start.await();
                return call.apply(racer);
            }));
        }
        start.countDown();
        List<ApiCall> calls = new ArrayList<>();
        for (Future<ApiCall> future : futures) {
            calls.add(future.get());
        }
        return calls;
    }
}
