/**
 * The browser experience: pages that compose other modules' read APIs (monitoring board with live updates,
 * chargers, sessions and their export, consumption, system) and the consumption JSON API. Owns no tables.
 */
package br.com.vetric.dashboard;
