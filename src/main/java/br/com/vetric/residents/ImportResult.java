package br.com.vetric.residents;

/**
 * What a CSV import did: residents created, residents updated (same name and unit as an active resident: a phone or
 * alerts choice given replaces theirs, tags are added) and rows that changed nothing.
 */
public record ImportResult(int created, int updated, int unchanged) {

    public int total() {
        return created + updated + unchanged;
    }
}
