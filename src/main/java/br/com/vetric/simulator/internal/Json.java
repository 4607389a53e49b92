package br.com.vetric.simulator.internal;

import tools.jackson.databind.json.JsonMapper;

/** Shared Jackson 3 mapper (nulls are written, as CVE-PRO does). */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}
}
