package br.com.vetric.sessions;

/**
 * Why a session has no resident (yet). Stored by name; people read it from the message bundle
 * ({@code unidentified.<NAME>}, with the session's tag where it has one).
 */
public enum UnidentifiedReason {
    /** The charger sent no tag at all. */
    NO_TAG,
    /** The charger sent no tag, only the CVE-PRO card number, which VETRIC has not learnt yet. */
    TAG_PK_UNKNOWN,
    /** The tag is not registered to any active resident. */
    TAG_NOT_REGISTERED,
    /** The connector is in use but CVE-PRO has not reported the transaction yet. */
    TRANSACTION_PENDING,
    /** The connector was in use but no charge was ever authorised (no transaction at all). */
    NO_TRANSACTION
}
