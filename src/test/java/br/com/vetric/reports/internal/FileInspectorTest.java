package br.com.vetric.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.vetric.reports.ReportFormat;
import br.com.vetric.reports.UploadFixtures;
import br.com.vetric.reports.UploadRejectedException;
import br.com.vetric.reports.UploadRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileInspectorTest {

    @Test
    void decidesTheTypeFromContentNotName() throws Exception {
        assertThat(FileInspector.inspect(UploadFixtures.pdf(2_000)).format()).isEqualTo(ReportFormat.PDF);
        assertThat(FileInspector.inspect(UploadFixtures.xlsx()).format()).isEqualTo(ReportFormat.XLSX);
        assertThat(FileInspector.inspect(UploadFixtures.xls()).format()).isEqualTo(ReportFormat.XLS);
        assertThat(FileInspector.inspect(UploadFixtures.docx()).format()).isEqualTo(ReportFormat.DOCX);
    }

    @Test
    void refusesRenamedExecutables() {
        assertThatThrownBy(() -> FileInspector.inspect(UploadFixtures.exe()))
                .isInstanceOfSatisfying(
                        UploadRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.EXECUTABLE));
        byte[] elf = new byte[256];
        elf[0] = 0x7F;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        assertThatThrownBy(() -> FileInspector.inspect(elf))
                .isInstanceOfSatisfying(
                        UploadRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.EXECUTABLE));
    }

    @Test
    void refusesMacroEnabledOfficeFiles() throws Exception {
        assertThatThrownBy(() -> FileInspector.inspect(UploadFixtures.xlsm()))
                .isInstanceOfSatisfying(
                        UploadRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MACROS));
    }

    @Test
    void refusesOldFormatOfficeFilesWithAVbaStorage() throws Exception {
        byte[] xls = UploadFixtures.xlsWithVba();
        byte[] doc = UploadFixtures.docWithMacros();
        // the fixtures really are OLE2 files with the storages Excel and Word write for macros
        try (var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem(new java.io.ByteArrayInputStream(xls))) {
            assertThat(fs.getRoot().hasEntry("Workbook")).isTrue();
            assertThat(((org.apache.poi.poifs.filesystem.DirectoryEntry)
                                    fs.getRoot().getEntry("_VBA_PROJECT_CUR"))
                            .hasEntry("VBA"))
                    .isTrue();
        }
        try (var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem(new java.io.ByteArrayInputStream(doc))) {
            assertThat(fs.getRoot().hasEntry("WordDocument")).isTrue();
            assertThat(fs.getRoot().hasEntry("Macros")).isTrue();
        }
        for (byte[] withMacros : java.util.List.of(xls, doc)) {
            assertThatThrownBy(() -> FileInspector.inspect(withMacros))
                    .isInstanceOfSatisfying(UploadRejectedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.MACROS);
                        assertThat(e.getMessage()).contains("macros (VBA)");
                    });
        }
    }

    @Test
    void refusesZipBombsBeforeInflatingThem() throws Exception {
        byte[] bomb = UploadFixtures.zipBomb();
        assertThat(bomb.length).isLessThan(1_000_000);
        assertThatThrownBy(() -> FileInspector.inspect(bomb))
                .isInstanceOfSatisfying(
                        UploadRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ZIP_BOMB));
    }

    @Test
    void refusesOtherContent() {
        assertThatThrownBy(() -> FileInspector.inspect(
                        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        UploadRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_TYPE));
        assertThatThrownBy(() -> FileInspector.inspect(new byte[0]))
                .isInstanceOfSatisfying(
                        UploadRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY));
    }

    @Test
    void keepsOnlyASafeDisplayNameWithTheDetectedExtension() {
        assertThat(FileInspector.sanitizeName("../../etc/passwd.pdf", ReportFormat.PDF))
                .isEqualTo("passwd.pdf");
        assertThat(FileInspector.sanitizeName("..\\..\\windows\\boot.ini", ReportFormat.PDF))
                .isEqualTo("boot.pdf");
        assertThat(FileInspector.sanitizeName("relatório outubro.exe", ReportFormat.XLSX))
                .isEqualTo("relatório outubro.xlsx");
        assertThat(FileInspector.sanitizeName("a\u0000b\r\n<c>.pdf", ReportFormat.PDF))
                .isEqualTo("a_b___c_.pdf");
        assertThat(FileInspector.sanitizeName("..", ReportFormat.DOC)).isEqualTo("arquivo.doc");
        assertThat(FileInspector.sanitizeName(null, ReportFormat.PDF)).isEqualTo("arquivo.pdf");
    }
}
