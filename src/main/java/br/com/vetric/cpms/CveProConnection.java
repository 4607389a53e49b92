package br.com.vetric.cpms;

/** Where and as whom VETRIC logs in to CVE-PRO. {@link #toString()} never shows the secrets. */
public record CveProConnection(String baseUrl, String apiKey, String email, String password) {

    public CveProConnection {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("CVE-PRO base URL is required");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public String toString() {
        return "CveProConnection[baseUrl=" + baseUrl + ", email=" + email + ", apiKey=***, password=***]";
    }
}
