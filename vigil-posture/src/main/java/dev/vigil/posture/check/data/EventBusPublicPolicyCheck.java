package dev.vigil.posture.check.data;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.model.DataResource;

/** EventBridge event bus policy open to every AWS account. */
final class EventBusPublicPolicyCheck extends MessagingPolicyCheck {
    private static final CheckInfo INFO = Info.of(
            "VGL-EVENTS-001",
            "eventbridge-bus-public",
            Severity.HIGH,
            Category.EXPOSURE,
            "EventBridge bus policy open to every AWS account",
            "Any account allowed to put events on the bus can trigger every rule and the functions they target.",
            "Name the accounts in Principal, or add an aws:PrincipalOrgID condition.",
            "Prowler eventbridge_bus_exposed");

    EventBusPublicPolicyCheck() {
        super(DataResource.Kind.EVENT_BUS, "Event bus", false);
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }
}
