package br.com.vetric.simulator.internal;

import br.com.vetric.simulator.ChargerSnapshot;
import br.com.vetric.simulator.ChargerSpec;
import br.com.vetric.simulator.DemoCondominium;
import br.com.vetric.simulator.Resident;
import br.com.vetric.simulator.TransactionSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated CVE-PRO world: chargers, connectors, transactions and the simulated clock.
 * Every public method is {@code synchronized}: HTTP threads read while the ticker and tests write.
 */
public final class World {
    private static final Logger log = LoggerFactory.getLogger(World.class);
    private static final Duration STEP = Duration.ofSeconds(1);
    private static final Set<String> RUNNING_STATES = Set.of("Charging", "SuspendedEV", "SuspendedEVSE");
    private static final List<String> FAULT_CODES =
            List.of("GroundFailure", "OverCurrentFailure", "HighTemperature", "EVCommunicationError", "UnderVoltage");

    // ------------------------------------------------------------------ model

    static final class Charger {
        final ChargerSpec spec;
        long pk;
        String chargeBoxId;
        String uuid;
        final String description;
        boolean online = true;
        Instant lastHeartbeat;
        long baseMonthConsumption;
        final List<Connector> connectors = new ArrayList<>();
        Instant nextAuto;
        int replacements;

        Charger(ChargerSpec spec) {
            this.spec = spec;
            this.pk = spec.chargeBoxPk();
            this.chargeBoxId = spec.chargeBoxId();
            this.uuid = spec.uuid();
            this.description = spec.description();
        }
    }

    static final class Connector {
        final Charger charger;
        final int connectorId;
        long pk;
        String status = "Available";
        String errorCode = "NoError";
        Instant statusTs;
        String statusBeforeFault;
        String pendingTag;
        boolean pendingHide;
        Tx tx;
        double meterWh;
        Instant nextAuto;

        Connector(Charger charger, int connectorId, long pk) {
            this.charger = charger;
            this.connectorId = connectorId;
            this.pk = pk;
        }
    }

    static final class Tx {
        long id;
        String chargeBoxUuid;
        String chargeBoxId;
        String description;
        int connectorId;
        String reportedTag;
        long tagPk;
        boolean hideTag;
        boolean energyNullWhileRunning;
        double powerW;
        Instant start;
        Instant stop;
        Instant visibleAt;
        long startMeter;
        double energyWh;
        double reportedWh;
        double idleSeconds;
        boolean everIdle;
        String stopReason;
        String stopActor;
        String apartment;
        String residentName;

        boolean running() {
            return stop == null;
        }
    }

    private record Event(Instant at, long seq, String what, Runnable action) {}

    // ------------------------------------------------------------------ state

    private final DemoCondominium condo;
    private final List<Charger> chargers = new ArrayList<>();
    private final List<Tx> txs = new ArrayList<>();
    private final Map<String, Long> tagPks = new HashMap<>();
    private final PriorityQueue<Event> events =
            new PriorityQueue<>(Comparator.comparing(Event::at).thenComparingLong(Event::seq));
    private final Random random;
    private final boolean autopilot;
    private final List<String> scenarioErrors = new ArrayList<>();
    private Instant now;
    private long eventSeq;
    private long nextTxId = 432100;
    private long nextTagPk = 4266800;
    private long nextConnectorPk = 628800;
    private long nextChargeBoxPk = 1400;
    private Duration transactionLag = Duration.ZERO;
    private Duration heartbeatInterval = Duration.ofSeconds(30);

    public World(DemoCondominium condo, Instant start, long seed, boolean autopilot, boolean seedHistory) {
        this.condo = condo;
        this.now = start;
        this.random = new Random(seed);
        this.autopilot = autopilot;
        for (Resident r : condo.residents()) r.tags().forEach(this::tagPk);
        condo.unknownTags().forEach(this::tagPk);
        for (ChargerSpec spec : condo.chargers()) {
            Charger c = new Charger(spec);
            c.lastHeartbeat = start.minusSeconds(random.nextInt(20));
            c.baseMonthConsumption = 0;
            for (int i = 1; i <= spec.connectors(); i++) {
                Connector k = new Connector(c, i, nextConnectorPk++ + 20L * chargers.size());
                k.statusTs = start.minus(Duration.ofMinutes(30 + random.nextInt(600)));
                k.meterWh = 1_000_000 + random.nextInt(4_000_000);
                c.connectors.add(k);
            }
            chargers.add(c);
        }
        if (seedHistory) seedHistory();
        if (autopilot) initAutopilot();
    }

    // ------------------------------------------------------------------ clock

    public synchronized Instant now() {
        return now;
    }

    /** Advances the simulated clock, integrating energy/idle time and firing scheduled events in order. */
    public synchronized void advance(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("cannot go back in time");
        Instant target = now.plus(d);
        while (now.isBefore(target)) {
            Instant next = now.plus(STEP);
            if (next.isAfter(target)) next = target;
            Event first = events.peek();
            if (first != null && first.at().isBefore(next)) next = first.at().isAfter(now) ? first.at() : now;
            integrate(Duration.between(now, next));
            now = next;
            fireDue();
            if (autopilot) autopilotDue();
        }
        fireDue();
    }

    private void integrate(Duration dt) {
        double s = dt.toNanos() / 1e9;
        for (Charger c : chargers) {
            for (Connector k : c.connectors) {
                Tx tx = k.tx;
                if (tx == null) continue;
                if (k.status.equals("Charging")) {
                    double wh = tx.powerW * s / 3600.0;
                    tx.energyWh += wh;
                    k.meterWh += wh;
                } else if (k.status.startsWith("Suspended")) {
                    tx.idleSeconds += s;
                    tx.everIdle = true;
                }
                if (c.online) tx.reportedWh = tx.energyWh;
            }
        }
    }

    private void heartbeats() {
        for (Charger c : chargers) {
            if (c.online && !now.isBefore(c.lastHeartbeat.plus(heartbeatInterval))) c.lastHeartbeat = now;
        }
    }

    private void fireDue() {
        heartbeats();
        while (!events.isEmpty() && !events.peek().at().isAfter(now)) {
            Event e = events.poll();
            try {
                e.action().run();
            } catch (RuntimeException ex) {
                String msg = "event '" + e.what() + "' at " + e.at() + " failed: " + ex.getMessage();
                scenarioErrors.add(msg);
                log.warn("CVE-PRO simulator: {}", msg);
            }
        }
    }

    /** Schedules an action at {@code at} (simulated time). */
    public synchronized void schedule(Instant at, String what, Runnable action) {
        events.add(new Event(at, eventSeq++, what, action));
    }

    public synchronized int pendingEvents() {
        return events.size();
    }

    public synchronized List<String> eventErrors() {
        return List.copyOf(scenarioErrors);
    }

    public synchronized void setTransactionLag(Duration lag) {
        transactionLag = lag == null ? Duration.ZERO : lag;
    }

    public synchronized void setHeartbeatInterval(Duration d) {
        heartbeatInterval = d;
    }

    // ------------------------------------------------------------------ lookups

    private Charger charger(String ref) {
        if (ref == null || ref.isBlank()) throw new IllegalArgumentException("charger is required");
        String r = ref.trim();
        for (Charger c : chargers) {
            if (c.chargeBoxId.equalsIgnoreCase(r)
                    || c.uuid.equalsIgnoreCase(r)
                    || c.description.equalsIgnoreCase(r)
                    || String.valueOf(c.pk).equals(r)) return c;
        }
        if (r.matches("\\d{1,2}")) {
            int idx = Integer.parseInt(r);
            if (idx >= 1 && idx <= chargers.size()) return chargers.get(idx - 1);
        }
        throw new IllegalArgumentException("unknown charger '" + ref + "'");
    }

    private Connector connector(String chargerRef, int connectorId) {
        Charger c = charger(chargerRef);
        return c.connectors.stream()
                .filter(k -> k.connectorId == connectorId)
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("charger " + c.chargeBoxId + " has no connector " + connectorId));
    }

    private long tagPk(String tag) {
        return tagPks.computeIfAbsent(tag.trim().toUpperCase(Locale.ROOT), t -> nextTagPk++);
    }

    private void setStatus(Connector k, String status) {
        if (!status.equals(k.status)) {
            k.status = status;
            k.statusTs = now;
        }
    }

    private String wireStatus(Connector k) {
        if (k.charger.spec.legacyOccupiedStatus() && (k.status.equals("Preparing") || k.status.equals("Finishing"))) {
            return "Occupied";
        }
        return k.status;
    }

    // ------------------------------------------------------------------ OCPP-like operations

    public synchronized void plugIn(String chargerRef, int connectorId, String tag, boolean hideIdTag) {
        Connector k = connector(chargerRef, connectorId);
        if (tag == null || tag.isBlank()) throw new IllegalArgumentException("tag is required");
        if (k.tx != null) throw new IllegalStateException("connector busy with transaction " + k.tx.id);
        if (k.status.equals("Faulted") || k.status.equals("Unavailable")) {
            throw new IllegalStateException("connector is " + k.status);
        }
        k.pendingTag = tag.trim().toUpperCase(Locale.ROOT);
        k.pendingHide = hideIdTag;
        tagPk(k.pendingTag);
        setStatus(k, "Preparing");
    }

    /** Starts the transaction of the plugged-in tag (or resumes a suspended one). Returns the transaction id. */
    public synchronized long startCharging(String chargerRef, int connectorId) {
        Connector k = connector(chargerRef, connectorId);
        if (k.tx != null) {
            setStatus(k, "Charging");
            return k.tx.id;
        }
        if (k.pendingTag == null) throw new IllegalStateException("nothing plugged in: call plugIn first");
        Charger c = k.charger;
        Tx tx = newTx(c, k, k.pendingTag, now);
        tx.hideTag = k.pendingHide;
        tx.visibleAt = now.plus(transactionLag);
        tx.id = nextTxId++;
        txs.add(tx);
        k.tx = tx;
        k.pendingTag = null;
        k.pendingHide = false;
        setStatus(k, "Charging");
        return tx.id;
    }

    private Tx newTx(Charger c, Connector k, String tagUpper, Instant start) {
        Tx tx = new Tx();
        tx.chargeBoxUuid = c.uuid;
        tx.chargeBoxId = c.chargeBoxId;
        tx.description = c.description;
        tx.connectorId = k.connectorId;
        tx.reportedTag = c.spec.lowerCaseTags() ? tagUpper.toLowerCase(Locale.ROOT) : tagUpper;
        tx.tagPk = tagPk(tagUpper);
        tx.energyNullWhileRunning = c.spec.energyNullWhileRunning();
        tx.powerW = c.spec.chargingPowerW();
        tx.start = start;
        tx.visibleAt = start;
        tx.startMeter = Math.round(k.meterWh);
        condo.residentByTag(tagUpper).ifPresent(r -> {
            tx.apartment = r.apartment();
            tx.residentName = r.name();
        });
        return tx;
    }

    public synchronized void suspend(String chargerRef, int connectorId, String status) {
        Connector k = connector(chargerRef, connectorId);
        if (k.tx == null) throw new IllegalStateException("no running transaction on " + k.charger.chargeBoxId);
        setStatus(k, status == null || status.isBlank() ? "SuspendedEV" : status);
    }

    public synchronized void resume(String chargerRef, int connectorId) {
        Connector k = connector(chargerRef, connectorId);
        if (k.tx == null) throw new IllegalStateException("no running transaction on " + k.charger.chargeBoxId);
        setStatus(k, "Charging");
    }

    /** StopTransaction with an OCPP 1.6 reason; the connector goes to Finishing. */
    public synchronized void stop(String chargerRef, int connectorId, String reason) {
        Connector k = connector(chargerRef, connectorId);
        if (k.tx == null) throw new IllegalStateException("no running transaction on " + k.charger.chargeBoxId);
        stopTx(k, reason == null || reason.isBlank() ? "Local" : reason);
        if (!k.status.equals("Faulted")) setStatus(k, "Finishing");
    }

    private void stopTx(Connector k, String reason) {
        Tx tx = k.tx;
        tx.stop = now;
        tx.reportedWh = tx.energyWh;
        tx.stopReason = reason;
        tx.stopActor = "station";
        k.tx = null;
    }

    /** Cable removed: stops a running transaction (EVDisconnected) and makes the connector Available. */
    public synchronized void unplug(String chargerRef, int connectorId) {
        Connector k = connector(chargerRef, connectorId);
        if (k.tx != null) stopTx(k, "EVDisconnected");
        k.pendingTag = null;
        k.errorCode = "NoError";
        setStatus(k, "Available");
    }

    public synchronized void fault(String chargerRef, int connectorId, String errorCode) {
        Connector k = connector(chargerRef, connectorId);
        if (!k.status.equals("Faulted")) k.statusBeforeFault = k.status;
        k.errorCode = errorCode == null || errorCode.isBlank() ? "GroundFailure" : errorCode;
        setStatus(k, "Faulted");
    }

    public synchronized void clearFault(String chargerRef, int connectorId) {
        Connector k = connector(chargerRef, connectorId);
        k.errorCode = "NoError";
        String back;
        if (k.tx != null) {
            back = k.statusBeforeFault != null && RUNNING_STATES.contains(k.statusBeforeFault)
                    ? k.statusBeforeFault
                    : "Charging";
        } else {
            back = k.pendingTag != null ? "Preparing" : "Available";
        }
        k.statusBeforeFault = null;
        setStatus(k, back);
    }

    /** Sets the raw status/errorCode of a connector (any string, e.g. Occupied, Reserved, Unavailable). */
    public synchronized void setConnectorStatus(String chargerRef, int connectorId, String status, String errorCode) {
        Connector k = connector(chargerRef, connectorId);
        if (status != null && !status.isBlank()) setStatus(k, status);
        if (errorCode != null && !errorCode.isBlank()) k.errorCode = errorCode;
    }

    public synchronized void offline(String chargerRef) {
        charger(chargerRef).online = false;
    }

    public synchronized void online(String chargerRef) {
        Charger c = charger(chargerRef);
        c.online = true;
        c.lastHeartbeat = now;
        for (Connector k : c.connectors) if (k.tx != null) k.tx.reportedWh = k.tx.energyWh;
    }

    /**
     * The parking spot gets a new charger: new uuid, chargeBoxId, chargeBoxPk and connectorPks, same description.
     * A running transaction on the old charger is stopped (reason Other). Returns the new chargeBoxId.
     */
    public synchronized String replaceCharger(String chargerRef, String newChargeBoxId) {
        Charger c = charger(chargerRef);
        c.replacements++;
        String id = newChargeBoxId == null || newChargeBoxId.isBlank()
                ? c.spec.chargeBoxId() + "_R" + c.replacements
                : newChargeBoxId;
        for (Connector k : c.connectors) {
            if (k.tx != null) stopTx(k, "Other");
            k.pendingTag = null;
            k.errorCode = "NoError";
            k.pk = nextConnectorPk++ + 1000;
            k.meterWh = 0;
            k.status = "Available";
            k.statusTs = now;
        }
        c.uuid = new UUID(random.nextLong(), random.nextLong()).toString();
        c.chargeBoxId = id;
        c.pk = nextChargeBoxPk++;
        c.online = true;
        c.lastHeartbeat = now;
        return id;
    }

    // ------------------------------------------------------------------ wire views

    public synchronized List<Map<String, Object>> chargePointList() {
        List<Map<String, Object>> out = new ArrayList<>();
        LocalDate month = Formats.local(now).toLocalDate().withDayOfMonth(1);
        for (Charger c : chargers) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("chargeBoxPk", c.pk);
            m.put("chargeBoxId", c.chargeBoxId);
            m.put("uuid", c.uuid);
            m.put("description", c.description);
            m.put("ocppProtocol", "ocpp1.6J");
            m.put("chargePointVendor", c.spec.vendor());
            m.put("chargePointModel", c.spec.model());
            m.put("fwVersion", c.spec.fwVersion());
            m.put("lastHeartbeatTimestamp", Formats.naiveLocal(c.lastHeartbeat));
            m.put("active", true);
            m.put("tenantPk", 19);
            m.put("tenantName", "Intelbras");
            long monthWh = 0;
            for (Tx tx : txs) {
                if (tx.chargeBoxUuid.equals(c.uuid)
                        && !Formats.local(tx.start).toLocalDate().isBefore(month)) {
                    monthWh += Math.round(tx.reportedWh);
                }
            }
            m.put("monthConsumption", c.baseMonthConsumption + monthWh / 1000);
            DemoCondominium.Address a = condo.address();
            Map<String, Object> addr = new LinkedHashMap<>();
            addr.put("street", a == null ? null : a.street());
            addr.put("houseNumber", a == null ? null : a.houseNumber());
            addr.put("zipCode", a == null ? null : a.zipCode());
            addr.put("city", a == null ? null : a.city());
            addr.put("state", a == null ? null : a.state());
            addr.put("country", a == null ? null : a.country());
            m.put("address", addr);
            boolean fast = isFast(c.spec);
            long total = c.connectors.size();
            long avail = c.connectors.stream()
                    .filter(k -> k.status.equals("Available"))
                    .count();
            Map<String, Object> speed = new LinkedHashMap<>();
            speed.put("nrSlowTotal", fast ? 0 : total);
            speed.put("nrSlowAvailable", fast ? 0 : avail);
            speed.put("nrFastTotal", fast ? total : 0);
            speed.put("nrFastAvailable", fast ? avail : 0);
            m.put("speedCount", speed);
            List<Map<String, Object>> conns = new ArrayList<>();
            for (Connector k : c.connectors) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("connectorPk", k.pk);
                cm.put("connectorId", k.connectorId);
                cm.put("powerMax", c.spec.powerMax());
                cm.put("connectorType", c.spec.connectorType());
                cm.put("currentType", "alternating_current");
                cm.put("speed", fast ? "FAST" : "SLOW");
                cm.put("chargeBoxUuid", c.uuid);
                Map<String, Object> st = new LinkedHashMap<>();
                st.put("timeStamp", Formats.isoUtc(k.statusTs));
                st.put("status", wireStatus(k));
                st.put("errorCode", k.errorCode);
                st.put("erroInfo", k.errorCode);
                long usage = 0;
                long totalDuration = 0;
                for (Tx tx : txs) {
                    if (tx.chargeBoxUuid.equals(c.uuid) && tx.connectorId == k.connectorId) {
                        usage++;
                        totalDuration += durationSeconds(tx);
                    }
                }
                st.put("usage", usage);
                st.put("totalDuration", totalDuration);
                st.put("socPercentage", null);
                st.put("currentChargingUserName", k.tx != null ? k.tx.residentName : null);
                cm.put("lastStatus", st);
                conns.add(cm);
            }
            m.put("connectors", conns);
            out.add(m);
        }
        return out;
    }

    private static boolean isFast(ChargerSpec s) {
        Number p = s.powerMax();
        if (p == null) return false;
        double w = p.doubleValue() < 1000 ? p.doubleValue() * 1000 : p.doubleValue();
        return w >= 50_000;
    }

    private long durationSeconds(Tx tx) {
        Instant end = tx.stop != null ? tx.stop : now;
        return Math.max(0, Duration.between(tx.start, end).toSeconds());
    }

    /**
     * Transactions whose local start is in [from, end of to's day] - CVE-PRO ignores the time of day of toDate.
     */
    public synchronized List<Map<String, Object>> transactionList(LocalDateTime from, LocalDateTime to) {
        LocalDateTime toExclusive = to.toLocalDate().plusDays(1).atStartOfDay();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Tx tx : txs) {
            if (tx.visibleAt.isAfter(now)) continue;
            LocalDateTime start = Formats.local(tx.start);
            if (start.isBefore(from) || !start.isBefore(toExclusive)) continue;
            out.add(wire(tx));
        }
        return out;
    }

    private Map<String, Object> wire(Tx tx) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean running = tx.running();
        m.put("id", tx.id);
        m.put("connectorId", tx.connectorId);
        m.put("chargeBoxUuid", tx.chargeBoxUuid);
        m.put("chargeBoxId", tx.chargeBoxId);
        m.put("chargeBoxDescription", tx.description);
        m.put("ocppIdTag", running && tx.hideTag ? "" : tx.reportedTag);
        m.put("ocppTagPk", tx.tagPk);
        m.put("startTimestamp", Formats.brLocal(tx.start));
        m.put("stopTimestamp", Formats.brLocal(tx.stop));
        m.put("startValue", String.valueOf(tx.startMeter));
        Long energy = running && tx.energyNullWhileRunning ? null : (Long) Math.round(tx.reportedWh);
        m.put("stopValue", running ? null : String.valueOf(tx.startMeter + (energy == null ? 0 : energy)));
        m.put("energy", energy);
        m.put("energyHumanReadable", energy == null ? null : Formats.energyHuman(energy));
        long duration = durationSeconds(tx);
        m.put("duration", duration);
        m.put("durationHumanReadable", Formats.durationHuman(duration));
        m.put("idleDuration", tx.everIdle ? (Long) (long) tx.idleSeconds : null);
        m.put("stopReason", tx.stopReason);
        m.put("stopEventActor", tx.stopActor);
        m.put("userName", null);
        m.put("userAddressComplement", tx.apartment);
        DemoCondominium.Address a = condo.address();
        m.put("addressStreet", a == null ? null : a.street() + ", " + a.houseNumber());
        m.put("addressCity", a == null ? null : a.city());
        m.put("cost", null);
        m.put("hasPayment", false);
        return m;
    }

    // ------------------------------------------------------------------ snapshots for tests

    public synchronized List<ChargerSnapshot> chargerSnapshots() {
        List<ChargerSnapshot> out = new ArrayList<>();
        for (Charger c : chargers) {
            List<ChargerSnapshot.ConnectorSnapshot> ks = c.connectors.stream()
                    .map(k -> new ChargerSnapshot.ConnectorSnapshot(
                            k.connectorId, k.pk, wireStatus(k), k.errorCode, k.tx == null ? null : k.tx.id))
                    .toList();
            out.add(new ChargerSnapshot(c.chargeBoxId, c.uuid, c.description, c.online, c.lastHeartbeat, ks));
        }
        return out;
    }

    public synchronized ChargerSnapshot chargerSnapshot(String ref) {
        Charger c = charger(ref);
        return chargerSnapshots().get(chargers.indexOf(c));
    }

    public synchronized List<TransactionSnapshot> transactionSnapshots() {
        return txs.stream()
                .map(tx -> new TransactionSnapshot(
                        tx.id,
                        tx.chargeBoxUuid,
                        tx.chargeBoxId,
                        tx.connectorId,
                        tx.reportedTag,
                        tx.tagPk,
                        tx.start,
                        tx.stop,
                        Math.round(tx.energyWh),
                        (long) tx.idleSeconds,
                        tx.stopReason,
                        !tx.visibleAt.isAfter(now)))
                .toList();
    }

    // ------------------------------------------------------------------ demo history

    private void seedHistory() {
        List<Resident> residents = condo.residents();
        record Plan(
                Charger c,
                Instant start,
                Instant stop,
                double chargeH,
                double idleH,
                String tag,
                String reason,
                boolean hide,
                String status) {}
        List<Plan> plans = new ArrayList<>();
        // running sessions
        Map<Charger, Instant> runningStart = new HashMap<>();
        String learnableTag = residents.size() > 2
                ? residents.get(2).tags().get(0)
                : residents.get(0).tags().get(0);
        if (chargers.size() >= 1) {
            Instant s = now.minus(Duration.ofMinutes(40));
            plans.add(new Plan(
                    chargers.get(0),
                    s,
                    null,
                    40 / 60.0,
                    0,
                    residents.get(0).tags().get(0),
                    null,
                    false,
                    "Charging"));
            runningStart.put(chargers.get(0), s);
        }
        if (chargers.size() >= 2) {
            Instant midnight =
                    Formats.local(now).toLocalDate().atStartOfDay(Formats.ZONE).toInstant();
            Instant s = midnight.minus(Duration.ofMinutes(50));
            double hours = Duration.between(s, now).toSeconds() / 3600.0;
            double charge = Math.min(hours, 5.0);
            plans.add(new Plan(
                    chargers.get(1),
                    s,
                    null,
                    charge,
                    hours - charge,
                    residents.get(1).tags().get(1),
                    null,
                    false,
                    hours > 5.0 ? "SuspendedEV" : "Charging"));
            runningStart.put(chargers.get(1), s);
        }
        if (chargers.size() >= 5) {
            Instant s = now.minus(Duration.ofMinutes(125));
            plans.add(new Plan(chargers.get(4), s, null, 125 / 60.0, 0, learnableTag, null, true, "Charging"));
            runningStart.put(chargers.get(4), s);
        }
        // completed sessions since the start of the previous month (São Paulo), never overlapping: enough for
        // a monthly statement of the demo condominium
        List<String> tags = condo.residentTags();
        Instant horizon = Formats.local(now)
                .toLocalDate()
                .withDayOfMonth(1)
                .minusMonths(1)
                .atStartOfDay(Formats.ZONE)
                .toInstant();
        boolean learnablePlaced = false;
        String[] reasons = {"EVDisconnected", "Local", "Remote", "Remote", "EVDisconnected", "Local"};
        for (Charger c : chargers) {
            Instant cursor = runningStart.getOrDefault(c, now).minus(Duration.ofMinutes(30 + random.nextInt(150)));
            while (true) {
                double chargeH = 0.5 + random.nextDouble() * 4.5;
                double idleH = random.nextInt(3) == 0 ? 0 : random.nextDouble() * 2;
                Instant stop = cursor;
                Instant start = stop.minusSeconds((long) ((chargeH + idleH) * 3600));
                if (start.isBefore(horizon)) break;
                String tag = tags.get(random.nextInt(tags.size()));
                if (!learnablePlaced && c != chargers.get(Math.min(4, chargers.size() - 1))) {
                    tag = learnableTag;
                    learnablePlaced = true;
                } else if (random.nextInt(12) == 0 && !condo.unknownTags().isEmpty()) {
                    tag = condo.unknownTags().get(0);
                }
                plans.add(new Plan(
                        c, start, stop, chargeH, idleH, tag, reasons[random.nextInt(reasons.length)], false, null));
                cursor = start.minus(Duration.ofMinutes(240 + random.nextInt(960)));
            }
        }
        plans.sort(Comparator.comparing(Plan::start));
        for (Plan p : plans) {
            Connector k = p.c().connectors.get(0);
            Tx tx = newTx(p.c(), k, p.tag().toUpperCase(Locale.ROOT), p.start());
            tx.id = nextTxId++;
            tx.energyWh = p.chargeH() * tx.powerW;
            tx.reportedWh = tx.energyWh;
            tx.idleSeconds = p.idleH() * 3600;
            tx.everIdle = p.idleH() > 0;
            tx.hideTag = p.hide();
            k.meterWh += tx.energyWh;
            if (p.stop() != null) {
                tx.stop = p.stop();
                tx.stopReason = p.reason();
                tx.stopActor = "station";
                k.statusTs = p.stop().plusSeconds(60 + random.nextInt(60));
            } else {
                k.tx = tx;
                k.status = p.status();
                k.statusTs = p.status().equals("Charging")
                        ? p.start().plusSeconds(15)
                        : p.start().plusSeconds((long) (p.chargeH() * 3600));
            }
            txs.add(tx);
        }
    }

    // ------------------------------------------------------------------ autopilot

    private void initAutopilot() {
        int i = 0;
        for (Charger c : chargers) {
            c.nextAuto = now.plus(Duration.ofMinutes(10 + random.nextInt(30)));
            for (Connector k : c.connectors) {
                // the first few connectors do something within 30 s so a newcomer sees activity
                long first = switch (i++) {
                    case 2 -> 8;
                    case 3 -> 20;
                    case 5 -> 28;
                    default -> 60 + random.nextInt(600);
                };
                if (k.tx != null && k.status.equals("Charging") && i == 1)
                    first = 15 * 60; // Garagem 1 keeps charging a while
                k.nextAuto = now.plusSeconds(first);
            }
        }
    }

    private Duration between(int minSec, int maxSec) {
        return Duration.ofSeconds(minSec + random.nextInt(Math.max(1, maxSec - minSec)));
    }

    private void autopilotDue() {
        for (Charger c : chargers) {
            if (c.nextAuto != null && !c.nextAuto.isAfter(now)) {
                if (!c.online) {
                    online(c.chargeBoxId);
                    c.nextAuto = now.plus(between(20 * 60, 50 * 60));
                } else if (random.nextInt(6) == 0) {
                    c.online = false;
                    c.nextAuto = now.plus(between(120, 420));
                } else {
                    c.nextAuto = now.plus(between(20 * 60, 50 * 60));
                }
            }
            for (Connector k : c.connectors) {
                if (k.nextAuto != null && !k.nextAuto.isAfter(now)) {
                    try {
                        k.nextAuto = now.plus(autoStep(c, k));
                    } catch (RuntimeException e) {
                        log.debug("autopilot step failed on {}: {}", c.chargeBoxId, e.getMessage());
                        k.nextAuto = now.plus(between(30, 120));
                    }
                }
            }
        }
    }

    private Duration autoStep(Charger c, Connector k) {
        String ref = c.chargeBoxId;
        int id = k.connectorId;
        switch (k.status) {
            case "Available" -> {
                if (random.nextInt(12) == 0) {
                    fault(ref, id, FAULT_CODES.get(random.nextInt(FAULT_CODES.size())));
                    return between(60, 240);
                }
                String tag = pickTag();
                boolean learned = txs.stream().anyMatch(t -> t.tagPk == tagPk(tag) && !t.hideTag);
                plugIn(ref, id, tag, learned && random.nextInt(4) == 0);
                return between(5, 25);
            }
            case "Preparing" -> {
                Duration savedLag = transactionLag;
                if (random.nextInt(3) == 0) transactionLag = Duration.ofSeconds(8 + random.nextInt(10));
                try {
                    startCharging(ref, id);
                } finally {
                    transactionLag = savedLag;
                }
                return between(5 * 60, 60 * 60);
            }
            case "Charging" -> {
                if (k.tx == null) {
                    setStatus(k, "Available");
                    return between(60, 300);
                }
                if (random.nextInt(3) < 2) {
                    suspend(ref, id, random.nextInt(5) == 0 ? "SuspendedEVSE" : "SuspendedEV");
                    return between(2 * 60, 20 * 60);
                }
                stop(ref, id, random.nextBoolean() ? "Local" : "Remote");
                return between(30, 100);
            }
            case "SuspendedEV", "SuspendedEVSE" -> {
                if (k.tx == null) {
                    setStatus(k, "Available");
                    return between(60, 300);
                }
                if (random.nextInt(5) == 0) {
                    resume(ref, id);
                    return between(2 * 60, 10 * 60);
                }
                int r = random.nextInt(10);
                stop(ref, id, r < 5 ? "Remote" : r < 8 ? "EVDisconnected" : "Local");
                return between(30, 100);
            }
            case "Finishing" -> {
                unplug(ref, id);
                return between(60, 15 * 60);
            }
            case "Faulted" -> {
                clearFault(ref, id);
                return between(60, 300);
            }
            default -> {
                if (k.tx != null) {
                    setStatus(k, "Charging");
                } else {
                    unplug(ref, id);
                }
                return between(60, 300);
            }
        }
    }

    private String pickTag() {
        List<String> unknown = condo.unknownTags();
        if (!unknown.isEmpty() && random.nextInt(10) == 0) return unknown.get(random.nextInt(unknown.size()));
        List<String> tags = condo.residentTags();
        return tags.get(random.nextInt(tags.size()));
    }

    /** Applies {@code op} for each charger reference; helper for callers that loop. */
    public synchronized void forEachChargerId(Consumer<String> op) {
        for (Charger c : chargers) op.accept(c.chargeBoxId);
    }
}
