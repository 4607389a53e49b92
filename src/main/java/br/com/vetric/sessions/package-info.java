/**
 * Charging sessions and their state machine. A session is keyed by the CVE-PRO transaction id when there is
 * one, never more than one is open per connector, and it is closed only on positive evidence.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "identity", "cpms", "residents"})
@org.jspecify.annotations.NullMarked
package br.com.vetric.sessions;
