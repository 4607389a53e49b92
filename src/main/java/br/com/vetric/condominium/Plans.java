package br.com.vetric.condominium;

import br.com.vetric.condominium.internal.CondominiumRepository;
import br.com.vetric.shared.CondominiumId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The plans' limits in force (the defaults in {@link Plan}, changed by {@code vetric.condominium.plans}) and the
 * checks the modules make before adding something. A downgrade keeps every record: only additions past a limit are
 * refused, and a feature the plan lacks stops (its messages are recorded as skipped, its statements refused).
 */
@Service
public class Plans {

    private static final Logger log = LoggerFactory.getLogger(Plans.class);

    private final Condominiums condominiums;
    private final CondominiumRepository repository;
    private final Map<Plan, PlanLimits> limits = new EnumMap<>(Plan.class);

    Plans(Condominiums condominiums, CondominiumRepository repository, CondominiumProperties props) {
        this.condominiums = condominiums;
        this.repository = repository;
        for (Plan p : Plan.values()) {
            limits.put(p, p.defaults().with(props.plans().get(p)));
        }
    }

    /** Every plan's limits in force, basic first (the condominium pages show them). */
    public List<PlanLimits> all() {
        return List.copyOf(limits.values());
    }

    public PlanLimits limits(Plan plan) {
        return limits.get(plan);
    }

    /** The limits of the condominium's plan. */
    public PlanLimits of(CondominiumId condo) {
        return limits(condominiums.get(condo).plan());
    }

    /** Whether the condominium's plan includes the feature (e.g. {@code Plans.allows(condo, Feature.API)}). */
    public boolean allows(CondominiumId condo, Feature feature) {
        return of(condo).allows(feature);
    }

    /** @throws PlanRefusedException.FeatureMissing when the condominium's plan does not include the feature */
    public void require(CondominiumId condo, Feature feature) {
        Plan plan = condominiums.get(condo).plan();
        if (!limits(plan).allows(feature)) {
            throw new PlanRefusedException.FeatureMissing(condo, plan, feature);
        }
    }

    /** As {@link #check(CondominiumId, Limit, long, long)} for one more. */
    public void check(CondominiumId condo, Limit limit, long currentUse) {
        check(condo, limit, currentUse, 1);
    }

    /**
     * Before adding {@code adding} (residents, chargers) to a condominium that has {@code currentUse} of them: refused
     * when the total would pass the plan's limit. A condominium already past it (after a downgrade) keeps what it has;
     * adding nothing is never refused.
     *
     * @throws PlanRefusedException.LimitExceeded naming the limit, the plan and the current use
     */
    public void check(CondominiumId condo, Limit limit, long currentUse, long adding) {
        Plan plan = condominiums.get(condo).plan();
        OptionalInt max = limits(plan).max(limit);
        if (adding > 0 && max.isPresent() && currentUse + adding > max.getAsInt()) {
            log.info(
                    "Condominium {} refused {} more {}: plan {} allows {}, it has {}",
                    condo,
                    adding,
                    limit.code(),
                    plan.code(),
                    max.getAsInt(),
                    currentUse);
            throw new PlanRefusedException.LimitExceeded(condo, plan, limit, max.getAsInt(), currentUse, adding);
        }
    }

    /** What each condominium uses of its plan now: active residents and chargers (one query for all of them). */
    public Map<CondominiumId, Usage> usage() {
        return repository.usage();
    }

    /** What one condominium uses of its plan now. */
    public Usage usage(CondominiumId condo) {
        return usage().getOrDefault(condo, new Usage(0, 0));
    }

    /** Active residents and chargers of a condominium. */
    public record Usage(long residents, long chargers) {

        public long of(Limit limit) {
            return switch (limit) {
                case RESIDENTS -> residents;
                case CHARGERS -> chargers;
            };
        }
    }
}
