/** The session type and its rules, the poll's reconciliation, tag resolution, the energy allocation rule and SQL. */
@org.jspecify.annotations.NullMarked
package br.com.vetric.sessions.internal;
