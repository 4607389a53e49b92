package br.com.vetric.residentapp;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a resident wants to be told and how: for each resident notice, the channels ({@code WHATSAPP}, {@code PUSH});
 * and quiet hours ({@code "22:00"} to {@code "07:00"} crosses midnight), or none.
 */
public record Preferences(
        Map<String, List<String>> channels, @Nullable QuietHours quietHours) {

    public record QuietHours(String from, String to) {}
}
