package br.com.vetric.cpms;

/** CVE-PRO refused the account's login (a wrong API key, e-mail or password): retrying will not help. */
public class CpmsLoginRefusedException extends CpmsUnavailableException {

    public CpmsLoginRefusedException(String message) {
        super(message);
    }
}
