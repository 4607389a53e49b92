package br.com.vetric.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A start that fails for a known reason (a {@link StartRefusedException}, a port in use...) logs what happened in one
 * sentence as its first ERROR line, before Spring Boot's "APPLICATION FAILED TO START" report (whose own ERROR line is
 * empty), so the line a person or a log search finds first says what is wrong. Registered in spring.factories.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartFailureSentence implements FailureAnalysisReporter {

    private static final Logger log = LoggerFactory.getLogger(StartFailureSentence.class);

    @Override
    public void report(FailureAnalysis analysis) {
        log.error("VETRIC did not start: {}", sentence(analysis.getDescription()));
    }

    /** The description's first line (a StartRefusedException's description is one sentence). */
    static String sentence(String description) {
        String text = description == null ? "" : description.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
