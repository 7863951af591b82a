package com.example.localcloud.secretsmanager;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The same contract against moto's {@code moto_server}, so the local endpoint is checked against a
 * second implementation. Skipped where moto is not installed (Debian bookworm has no
 * {@code python3-moto}; CI does not install it).
 */
class MotoSecretsManagerContractTest extends SecretsManagerContract {

    private MotoServer moto;

    @Override
    URI startTarget() throws Exception {
        Optional<Path> executable = MotoServer.executable();
        assumeTrue(executable.isPresent(), MotoServer.NOT_INSTALLED);
        moto = MotoServer.start(executable.get());
        return moto.endpoint();
    }

    @Override
    void stopTarget() throws Exception {
        if (moto != null) {
            moto.close();
        }
    }

    @Override
    void checkNotFoundStatus(int statusCode) {
        // moto (5.2.1) answers "not found" with HTTP 404 where AWS uses 400, with the same
        // __type: the shared contract checks the error code; the status is checked on the local
        // endpoint only.
    }
}
