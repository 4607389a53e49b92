package br.com.vetric.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code VETRIC_LOG_FORMAT}: json is Spring Boot's ECS JSON lines (BackupRestoreTest reads a process's). */
class LogFormatTest {

    @Test
    void jsonMeansStructuredEcsLinesAndTextOrNothingMeansTheUsualLines() {
        assertThat(EnvironmentAliases.logFormat("json")).isEqualTo("ecs");
        assertThat(EnvironmentAliases.logFormat(" JSON ")).isEqualTo("ecs");
        assertThat(EnvironmentAliases.logFormat("logstash")).isEqualTo("logstash");
        assertThat(EnvironmentAliases.logFormat("gelf")).isEqualTo("gelf");
        assertThat(EnvironmentAliases.logFormat("text")).isNull();
        assertThat(EnvironmentAliases.logFormat("")).isNull();
        assertThat(EnvironmentAliases.ALIASES).containsEntry("VETRIC_LOG_FORMAT", "logging.structured.format.console");
    }

    @Test
    void anUnknownFormatStopsTheStartNamingTheVariable() {
        assertThatThrownBy(() -> EnvironmentAliases.logFormat("yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VETRIC_LOG_FORMAT");
    }
}
