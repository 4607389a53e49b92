package br.com.vetric.reports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Files for upload tests, built in memory. */
public final class UploadFixtures {

    private UploadFixtures() {}

    public static byte[] pdf(int size) {
        byte[] head = "%PDF-1.4\n%âãÏÓ\n1 0 obj<</Type/Catalog>>endobj\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] b = new byte[size];
        java.util.Arrays.fill(b, (byte) ' ');
        System.arraycopy(head, 0, b, 0, head.length);
        System.arraycopy(tail, 0, b, size - tail.length, tail.length);
        return b;
    }

    public static byte[] xlsx() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Plan1").createRow(0).createCell(0).setCellValue("ok");
            wb.write(out);
            return out.toByteArray();
        }
    }

    public static byte[] xls() throws Exception {
        try (HSSFWorkbook wb = new HSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Plan1").createRow(0).createCell(0).setCellValue("ok");
            wb.write(out);
            return out.toByteArray();
        }
    }

    public static byte[] docx() throws Exception {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("Ata da assembleia");
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** An .xlsm: a workbook package carrying vbaProject.bin and the macro-enabled content type. */
    public static byte[] xlsm() throws Exception {
        byte[] xlsx = xlsx();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in =
                        new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals("[Content_Types].xml")) {
                    data = new String(data, StandardCharsets.UTF_8)
                            .replace("spreadsheetml.sheet.main+xml", "ms-excel.sheet.macroEnabled.main+xml")
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(data);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/vbaProject.bin"));
            zip.write(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /**
     * An old-format Excel workbook (.xls, OLE2) carrying a VBA project: a real HSSF workbook to which the
     * {@code _VBA_PROJECT_CUR} storage Excel writes for macros is added ({@code PROJECT} stream, {@code VBA} storage
     * with {@code dir} and {@code _VBA_PROJECT} streams, {@code Module1}).
     */
    public static byte[] xlsWithVba() throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(new java.io.ByteArrayInputStream(xls()))) {
            DirectoryEntry project = fs.getRoot().createDirectory("_VBA_PROJECT_CUR");
            addVbaProject(project);
            return write(fs);
        }
    }

    /**
     * An old-format Word document (.doc, OLE2) with macros: a {@code WordDocument} stream and the {@code Macros}
     * storage Word writes for a VBA project.
     */
    public static byte[] docWithMacros() throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            byte[] fib = new byte[1024];
            fib[0] = (byte) 0xEC; // wIdent of a Word 97+ FIB
            fib[1] = (byte) 0xA5;
            fs.getRoot().createDocument("WordDocument", new java.io.ByteArrayInputStream(fib));
            fs.getRoot().createDocument("1Table", new java.io.ByteArrayInputStream(new byte[512]));
            addVbaProject(fs.getRoot().createDirectory("Macros"));
            return write(fs);
        }
    }

    private static void addVbaProject(DirectoryEntry project) throws java.io.IOException {
        project.createDocument(
                "PROJECT",
                new java.io.ByteArrayInputStream("ID=\"{00000000-0000-0000-0000-000000000000}\"\r\nModule=Module1\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1)));
        DirectoryEntry vba = project.createDirectory("VBA");
        vba.createDocument("dir", new java.io.ByteArrayInputStream(new byte[] {1, 0, 0}));
        vba.createDocument(
                "_VBA_PROJECT",
                new java.io.ByteArrayInputStream(new byte[] {(byte) 0xCC, 0x61, (byte) 0xFF, (byte) 0xFF, 0, 0, 0}));
        vba.createDocument(
                "Module1",
                new java.io.ByteArrayInputStream("Attribute VB_Name = \"Module1\"\r\nSub Auto_Open()\r\nEnd Sub\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static byte[] write(POIFSFileSystem fs) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fs.writeFilesystem(out);
        return out.toByteArray();
    }

    /** A windows executable: "MZ" header. */
    public static byte[] exe() {
        byte[] b = new byte[4096];
        b[0] = 'M';
        b[1] = 'Z';
        b[60] = (byte) 0x80;
        System.arraycopy("PE\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, b, 0x80, 4);
        return b;
    }

    /** A small OOXML-looking package whose one entry inflates to 300 MB of zeros. */
    public static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(
                    "<Types><Override ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"
                            .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
