package br.com.vetric.simulator.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Named world actions, shared by scenario replay and the {@code /_control} HTTP API. */
public final class Actions {
    private Actions() {}

    /** Applies {@code action} to the world; returns a small result map. Unknown action: IllegalArgumentException. */
    public static Map<String, Object> apply(World w, String action, Map<String, String> p) {
        String charger = p.get("charger");
        int connector = p.get("connector") == null ? 1 : Integer.parseInt(p.get("connector"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        switch (normalize(action)) {
            case "plugin" -> w.plugIn(charger, connector, p.get("tag"), Boolean.parseBoolean(p.get("hideIdTag")));
            case "startcharging", "start" -> out.put("transactionId", w.startCharging(charger, connector));
            case "suspend", "idle" -> w.suspend(charger, connector, p.get("status"));
            case "resume" -> w.resume(charger, connector);
            case "stop" -> w.stop(charger, connector, p.get("reason"));
            case "unplug", "available" -> w.unplug(charger, connector);
            case "fault" -> w.fault(charger, connector, p.get("errorCode"));
            case "clearfault" -> w.clearFault(charger, connector);
            case "offline" -> w.offline(charger);
            case "online" -> w.online(charger);
            case "replacecharger", "replace" ->
                out.put("chargeBoxId", w.replaceCharger(charger, p.get("newChargeBoxId")));
            case "setstatus", "status" -> w.setConnectorStatus(charger, connector, p.get("status"), p.get("errorCode"));
            case "transactionlag" ->
                w.setTransactionLag(Duration.ofSeconds(Long.parseLong(p.getOrDefault("seconds", "0"))));
            default -> throw new IllegalArgumentException("unknown action '" + action + "'");
        }
        return out;
    }

    private static String normalize(String action) {
        if (action == null) throw new IllegalArgumentException("action is required");
        return action.replace("-", "").replace("_", "").toLowerCase(java.util.Locale.ROOT);
    }
}
