package br.com.vetric.reports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Files for upload tests, built in memory. */
public final class UploadFixtures {

    private UploadFixtures() {
    }

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
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Plan1").createRow(0).createCell(0).setCellValue("ok");
            wb.write(out);
            return out.toByteArray();
        }
    }

    public static byte[] xls() throws Exception {
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Plan1").createRow(0).createCell(0).setCellValue("ok");
            wb.write(out);
            return out.toByteArray();
        }
    }

    public static byte[] docx() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("Ata da assembleia");
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** An .xlsm: a workbook package carrying vbaProject.bin and the macro-enabled content type. */
    public static byte[] xlsm() throws Exception {
        byte[] xlsx = xlsx();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
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
            zip.write(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
            zip.closeEntry();
        }
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
            zip.write("<Types><Override ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"
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
