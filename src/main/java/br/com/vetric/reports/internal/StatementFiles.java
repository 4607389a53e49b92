package br.com.vetric.reports.internal;

/** Writes a computed statement as its two files. */
public final class StatementFiles {

    public record Files(byte[] xlsx, byte[] pdf) {}

    private StatementFiles() {}

    public static Files write(StatementData data) {
        return new Files(StatementXlsx.write(data), StatementPdf.write(data));
    }
}
