package br.com.vetric.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the secrets key comes from: VETRIC_SECRETS_KEY, or a key the demo generates once into its data directory. */
class SecretsKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void theDemoGeneratesAKeyOnceIntoTheDataDirectoryReadableByItsOwnerOnlyAndReusesIt() throws Exception {
        Path dir = dataDir.resolve("data");
        byte[] first = SecretsKey.resolve("", true, dir);
        Path file = dir.resolve("secrets.key");
        assertThat(first).hasSize(32);
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(SecretsKey.resolve(null, true, dir)).isEqualTo(first);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("secrets.key");
        }
    }

    @Test
    void demoStartsRacingForTheKeyFileAllGetTheSameKey() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<byte[]>> starts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            starts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return SecretsKey.resolve("", true, dataDir);
            }));
        }
        go.countDown();
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        byte[] key = Base64.getDecoder()
                .decode(Files.readString(dataDir.resolve("secrets.key")).strip());
        for (CompletableFuture<byte[]> s : starts) {
            assertThat(s.get()).isEqualTo(key);
        }
    }

    @Test
    void theConfiguredKeyIsUsedAndNoFileIsWritten() throws Exception {
        byte[] key = new byte[32];
        key[0] = 7;
        assertThat(SecretsKey.resolve(" " + Base64.getEncoder().encodeToString(key) + "\n", true, dataDir))
                .isEqualTo(key);
        assertThat(SecretsKey.resolve(Base64.getEncoder().encodeToString(key), false, dataDir))
                .isEqualTo(key);
        assertThat(Files.exists(dataDir.resolve("secrets.key"))).isFalse();
    }

    @Test
    void outsideTheDemoAMissingKeyStopsTheStartSayingHowToMakeOne() {
        assertThatThrownBy(() -> SecretsKey.resolve(" ", false, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("VETRIC_SECRETS_KEY is required")
                .hasMessageContaining("openssl rand -base64 32");
        assertThat(Files.exists(dataDir.resolve("secrets.key"))).isFalse();
    }

    @Test
    void aKeyThatIsNotTheBase64Of32BytesIsRefusedWithoutEchoingIt() {
        for (String bad : List.of(
                "a-passphrase-not-base64!",
                Base64.getEncoder().encodeToString(new byte[16]),
                Base64.getEncoder().encodeToString(new byte[33]))) {
            assertThatThrownBy(() -> SecretsKey.resolve(bad, false, dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("VETRIC_SECRETS_KEY")
                    .hasMessageContaining("openssl rand -base64 32")
                    .hasMessageNotContaining(bad);
        }
    }

    @Test
    void aDamagedDemoKeyFileStopsTheStart() throws Exception {
        Files.writeString(dataDir.resolve("secrets.key"), "not a key");
        assertThatThrownBy(() -> SecretsKey.resolve("", true, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("secrets.key");
    }
}
