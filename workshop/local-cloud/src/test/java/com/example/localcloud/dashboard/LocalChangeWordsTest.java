package com.example.localcloud.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalChangeWordsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "POST momento/faults?rpc=data&status=UNAVAILABLE | Momento down (/_local)",
            "POST momento/faults?rpc=data&status=INTERNAL&times=4 | Momento erroring (/_local)",
            "POST momento/faults?rpc=data&delayMs=200 | Momento slow (/_local)",
            "DELETE momento/faults | Momento back (/_local)",
            "POST momento/flush | cache flushed (/_local)",
            "POST momento/connect-delay?ms=3000 | Momento connects in 3000 ms (/_local)",
            "POST momento/connect-delay?ms=0 | Momento connects at once (/_local)",
            "POST dynamodb/faults?operation=GetItem&kind=THROTTLING | DynamoDB throttling (/_local)",
            "POST dynamodb/faults?operation=PutItem&kind=SERVER_ERROR | DynamoDB erroring (/_local)",
            "DELETE dynamodb/faults | DynamoDB back (/_local)",
            "POST dynamodb/delay?ms=5 | DynamoDB +5 ms (/_local)",
            "POST dynamodb/delay?ms=0 | DynamoDB delay off (/_local)",
            "POST dynamodb/UpdateItem | POST dynamodb/UpdateItem (/_local)",
            "POST secretsmanager/faults?operation=GetSecretValue&kind=INTERNAL_SERVICE_ERROR | Secrets Manager failing (/_local)",
            "DELETE secretsmanager/faults | Secrets Manager back (/_local)",
            "POST secretsmanager/delay?ms=5000 | Secrets Manager +5000 ms (/_local)",
            "POST lambda/retire?function=getUser | new getUser environments (/_local)",
            "POST lambda/retire | new environments (/_local)",
    })
    void aChangeReadsLikeTheButtonThatMakesIt(String request, String words) {
        assertThat(LocalChangeWords.of(request)).isEqualTo(words);
    }
}
