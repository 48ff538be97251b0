package org.utilitydesk.batch.surveys;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Keeps the orders the policy samples (with how each is surveyed); the rest are filtered out. */
@Named
@Dependent
public class SurveySampler implements ItemProcessor {

    @Inject
    private StepContext step;

    @Override
    public Object processItem(Object item) {
        return ((SurveyPolicy) step.getTransientUserData()).sample((SurveyPolicy.ClosedOrder) item);
    }
}
