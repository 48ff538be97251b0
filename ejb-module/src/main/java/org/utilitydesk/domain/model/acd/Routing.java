package org.utilitydesk.domain.model.acd;

import java.util.List;

/** What one router operation caused: agents that changed state and calls offered to agents, in order. */
public record Routing(List<AgentChange> changes, List<Offer> offers) {

    public static final Routing NOTHING = new Routing(List.of(), List.of());

    public Routing {
        changes = List.copyOf(changes);
        offers = List.copyOf(offers);
    }

    public boolean isEmpty() {
        return changes.isEmpty() && offers.isEmpty();
    }
}
