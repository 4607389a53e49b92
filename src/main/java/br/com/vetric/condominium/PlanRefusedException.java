package br.com.vetric.condominium;

import br.com.vetric.shared.CondominiumId;

/**
 * The condominium's plan does not allow this: one more than its limit, or a feature it does not include. Answered 403:
 * problem+json on the API (the detail names the limit, the plan and the current use), a pt-BR page otherwise. Nothing
 * is written.
 */
public abstract sealed class PlanRefusedException extends RuntimeException {

    private final CondominiumId condominiumId;
    private final Plan plan;

    PlanRefusedException(CondominiumId condominiumId, Plan plan, String message) {
        super(message);
        this.condominiumId = condominiumId;
        this.plan = plan;
    }

    public CondominiumId condominiumId() {
        return condominiumId;
    }

    public Plan plan() {
        return plan;
    }

    /** Adding {@code adding} would take {@code current} past the plan's {@code max}. */
    public static final class LimitExceeded extends PlanRefusedException {

        private final Limit limit;
        private final int max;
        private final long current;
        private final long adding;

        LimitExceeded(CondominiumId condo, Plan plan, Limit limit, int max, long current, long adding) {
            super(
                    condo,
                    plan,
                    "limit " + limit.code() + " of plan " + plan.code() + " is " + max + "; the condominium has "
                            + current + (adding == 1 ? "" : " and this would add " + adding));
            this.limit = limit;
            this.max = max;
            this.current = current;
            this.adding = adding;
        }

        public Limit limit() {
            return limit;
        }

        public int max() {
            return max;
        }

        public long current() {
            return current;
        }

        public long adding() {
            return adding;
        }
    }

    /** The plan does not include the feature. */
    public static final class FeatureMissing extends PlanRefusedException {

        private final Feature feature;

        FeatureMissing(CondominiumId condo, Plan plan, Feature feature) {
            super(condo, plan, "plan " + plan.code() + " does not include " + feature.code());
            this.feature = feature;
        }

        public Feature feature() {
            return feature;
        }
    }
}
