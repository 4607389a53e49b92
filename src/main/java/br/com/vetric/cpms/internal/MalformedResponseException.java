package br.com.vetric.cpms.internal;

/** CVE-PRO answered with something VETRIC cannot trust as a complete answer. */
public class MalformedResponseException extends RuntimeException {

    public MalformedResponseException(String message) {
        super(message);
    }
}
