package br.com.vetric.sync;

/** How a connection's last poll went. */
public enum ConnectionState {
    /** Not polled since VETRIC started. */
    NOT_POLLED_YET,
    /** The last poll read the account completely. */
    OK,
    /** CVE-PRO refused the login (a wrong API key, e-mail or password): fix the connection's settings. */
    LOGIN_REFUSED,
    /** CVE-PRO could not be read (network, 5xx, malformed answer, circuit open). */
    UNREACHABLE
}
