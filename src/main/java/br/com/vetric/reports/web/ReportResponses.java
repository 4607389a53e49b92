package br.com.vetric.reports.web;

import br.com.vetric.identity.CurrentCondominium;
import br.com.vetric.identity.Role;
import br.com.vetric.reports.Documents;
import br.com.vetric.reports.Statement;
import br.com.vetric.reports.Statements;
import br.com.vetric.shared.CondominiumId;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What the API and the page share: the download response and who the caller is. */
final class ReportResponses {

    private ReportResponses() {}

    /** Always an attachment, with an RFC 5987 encoded name, the stored type and no sniffing. */
    static ResponseEntity<Resource> download(Documents.Download d) {
        HttpHeaders h = new HttpHeaders();
        h.setContentDisposition(ContentDisposition.attachment()
                .filename(d.report().originalName(), StandardCharsets.UTF_8)
                .build());
        h.set("X-Content-Type-Options", "nosniff");
        h.setCacheControl("private, no-store");
        h.setContentType(MediaType.parseMediaType(d.report().format().contentType()));
        h.setContentLength(d.report().sizeBytes());
        return ResponseEntity.ok().headers(h).body(new FileSystemResource(d.path()));
    }

    /** A statement per apartment as a pt-BR CSV attachment. */
    static ResponseEntity<byte[]> unitsCsv(Statements statements, CondominiumId condo, long id) {
        Statement s = statements.get(condo, id);
        byte[] csv = statements.unitsCsv(condo, id);
        HttpHeaders h = new HttpHeaders();
        h.setContentDisposition(ContentDisposition.attachment()
                .filename(
                        String.format("extrato-%04d-%02d-v%d-apartamentos.csv", s.year(), s.month(), s.version()),
                        StandardCharsets.UTF_8)
                .build());
        h.set("X-Content-Type-Options", "nosniff");
        h.setCacheControl("private, no-store");
        h.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
        h.setContentLength(csv.length);
        return ResponseEntity.ok().headers(h).body(csv);
    }

    static boolean admin() {
        return CurrentCondominium.currentUser().map(u -> u.role() == Role.ADMIN).orElse(false);
    }

    static Long userId() {
        return CurrentCondominium.currentUser().map(u -> u.id()).orElse(null);
    }
}
