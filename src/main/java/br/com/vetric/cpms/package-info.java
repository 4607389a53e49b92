/**
 * The CVE-PRO adapter. Only this module knows CVE-PRO's wire format (paths, headers, JSON quirks, time
 * formats); the rest of VETRIC sees the domain snapshots declared at this package's root.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform"})
@org.jspecify.annotations.NullMarked
package br.com.vetric.cpms;
