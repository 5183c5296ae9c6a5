package dev.stackadvisor.replicas;

import static dev.stackadvisor.testing.AnswerAssertions.frameworks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackadvisor.config.AppConfig;
import dev.stackadvisor.testing.EndToEnd;
import dev.stackadvisor.testing.RedisServer;
import dev.stackadvisor.testing.Replicas;
import dev.stackadvisor.testing.ServerProcess;
import dev.stackadvisor.testing.TestServer.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A replica killed with SIGKILL (a crash, an OOM kill, a deploy that does not wait) and started again: with the
 * conversation in Redis, the follow-up is still understood. The replica is a real separate JVM running
 * {@code Main serve} from the class path.
 */
@Timeout(240)
@EndToEnd
class ReplicaRestartTest {


    @Test
    void should_continue_a_conversation_after_the_replica_is_killed_and_restarted() {
        try (RedisServer redis = RedisServer.startOrSkip()) {
            Map<String, String> env = Replicas.env(AppConfig.Retrieval.HYBRID, redis, Map.of());
            String session = "restart-" + UUID.randomUUID();

            // given a conversation about Laravel on a replica
            ServerProcess first = ServerProcess.start(env, Duration.ofSeconds(90));
            int exit;
            try {
                Response opening = first.chat("whats laravel best at", session);
                assertEquals(200, opening.status(), opening::toString);
                assertTrue(frameworks(opening.json()).contains("Laravel"), opening::toString);
            } finally {
                // when it is killed with SIGKILL (and started again, below)
                exit = first.kill();
            }
            assertEquals(137, exit, "SIGKILL ends a JVM with 128 + 9");
            ServerProcess second = ServerProcess.start(env, Duration.ofSeconds(90));
            try {
                // then the new process reads "its" as Laravel
                Response followUp = second.chat("and its limitations?", session);
                assertEquals(200, followUp.status(), followUp::toString);
                assertEquals(List.of("Laravel"), frameworks(followUp.json()), followUp::toString);
                assertTrue(followUp.json().path("grounded").asBoolean(false), followUp::toString);
            } finally {
                second.kill();
            }
        }
    }
}
