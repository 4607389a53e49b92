package br.com.vetric.reports;

/** What the operator says about an uploaded file. {@code visibility} null = the whole condominium. */
public record UploadCommand(
        String title,
        String description,
        Integer year,
        Integer month,
        Report.Visibility visibility,
        String originalName) {}
