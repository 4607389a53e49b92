package br.com.vetric.cpms;

/** CVE-PRO could not be read completely; the message says why and never carries a secret. */
public class CpmsUnavailableException extends RuntimeException {

    public CpmsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public CpmsUnavailableException(String message) {
        super(message);
    }
}
