/**
 * The demo: with no {@code VETRIC_CPMS_URL}, VETRIC starts the built-in CVE-PRO simulator on loopback, polls
 * it over real HTTP like a real account, and seeds the demo condominium's residents and a manager account.
 */
package br.com.vetric.demo;
