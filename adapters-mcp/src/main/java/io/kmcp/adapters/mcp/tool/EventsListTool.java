package io.kmcp.adapters.mcp.tool;

import io.kmcp.application.Caller;
import io.kmcp.application.port.in.EventList;
import io.kmcp.application.port.in.EventsQuery;
import io.kmcp.application.port.in.ListEvents;
import io.kmcp.domain.budget.CharBudget;
import io.kmcp.domain.budget.Rendered;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@code events_list}: events, grouped and counted, warnings first, newest first. */
public final class EventsListTool {

    static final String NAME = "events_list";

    static final List<String> TYPES = List.of("Normal", "Warning");

    private static final String DESCRIPTION = """
            Kubernetes events, deduplicated: events with the same type, reason, object and message are one \
            line with a count (Warning BackOff ×12 (last 30s ago) Pod web-abc: Back-off restarting failed \
            container), warnings first, newest first. Narrow with `namespace` (all namespaces when left out), \
            `involvedObject` (a name, or Kind/name such as Pod/web-abc or Deployment/web), `type` (Warning or \
            Normal) and `sinceSeconds`. For why one workload is unhealthy, workload_diagnose already includes \
            its events, with the other evidence.""";

    static final Argument<Optional<String>> NAMESPACE =
            Argument.text("namespace", Limits.NAMESPACE, "The namespace; leave it out (or empty) for all namespaces.");
    static final Argument<Optional<String>> INVOLVED_OBJECT = Argument.text(
            "involvedObject",
            Limits.INVOLVED_OBJECT,
            "Only events about this object: its name, or Kind/name (Pod/web-abc, Deployment/web, Node/node-1).");
    static final Argument<Optional<String>> TYPE = Argument.choice("type", TYPES, "Only events of this type.");
    static final Argument<Optional<Integer>> SINCE_SECONDS = Argument.integer(
            "sinceSeconds", 1, Limits.MAX_SINCE_SECONDS, "Only events seen in the last so many seconds.");
    static final Argument<Optional<Integer>> LIMIT = Argument.integer(
            "limit", 1, Limits.MAX_EVENT_GROUPS, "At most so many groups of events, 50 when left out.");

    private static final String OUTPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "namespace": {"type": "string", "description": "The namespace listed; absent for all namespaces."},
                "events": {"type": "integer", "description": "How many events were read, before grouping."},
                "groups": {"type": "array", "items": %s},
                "omittedGroups": {"type": "integer", "description": "Groups left out by the limit."},
                "truncatedAtServer": {"type": "boolean", "description": "true when the API server had more events than were read: narrow the query."},
                "truncated": {"type": "boolean", "description": "true when the text answer was cut to maxChars."}
              },
              "required": ["events", "groups", "omittedGroups", "truncatedAtServer", "truncated"],
              "additionalProperties": false
            }
            """.formatted(EventLines.GROUP_SCHEMA);

    private final ListEvents listEvents;
    private final Clock clock;

    public EventsListTool(ListEvents listEvents, Clock clock) {
        this.listEvents = Objects.requireNonNull(listEvents, "listEvents");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ToolDeclaration declaration() {
        return new ToolDeclaration(
                NAME,
                "List Kubernetes events",
                DESCRIPTION,
                ToolDeclaration.Effect.READS,
                List.of(NAMESPACE, INVOLVED_OBJECT, TYPE, SINCE_SECONDS, LIMIT),
                Json.object(OUTPUT_SCHEMA),
                this::call);
    }

    ToolAnswer call(Caller caller, Arguments arguments, Conversation conversation) {
        EventsQuery query = new EventsQuery(
                arguments.get(NAMESPACE),
                arguments.get(INVOLVED_OBJECT),
                arguments.get(TYPE),
                arguments.get(SINCE_SECONDS),
                arguments.get(LIMIT));
        CharBudget budget = arguments.budget();
        EventList events = listEvents.list(caller, query);
        Rendered text = text(events, query, clock.instant(), budget);
        return ToolAnswer.success(text.text(), structured(events, text.truncated()));
    }

    static Rendered text(EventList events, EventsQuery query, Instant now, CharBudget budget) {
        String namespace = events.namespace().orElse("");
        List<String> head = new ArrayList<>();
        head.add(headline(events, query));
        if (events.omittedGroups() > 0) {
            head.add(events.omittedGroups() + " more group" + (events.omittedGroups() == 1 ? " was" : "s were")
                    + " left out by the limit: call " + NAME + " again with a larger limit, or narrow it.");
        }
        if (events.truncatedAtServer()) {
            head.add("The API server held more events than were read: narrow with namespace, involvedObject,"
                    + " type or sinceSeconds.");
        }
        Map<String, Object> narrower = narrower(query);
        return new Budgets()
                .section("", Budgets.HEADLINE, head, Budgets.raise(budget))
                .section(
                        "",
                        1,
                        events.groups().stream()
                                .map(group -> EventLines.line(group, now, namespace))
                                .toList(),
                        narrower.isEmpty()
                                ? Budgets.raise(budget) + ", or narrow with involvedObject, type or sinceSeconds"
                                : "call " + Budgets.call(NAME, narrower) + " or " + Budgets.raise(budget))
                .render(budget);
    }

    /** {@code 12 event groups (40 events) in namespace shop, Warning only: warnings first, newest first}. */
    private static String headline(EventList events, EventsQuery query) {
        String where = events.namespace()
                .map(namespace -> " in namespace " + OneLine.bounded(namespace, 63))
                .orElse(" in all namespaces");
        StringBuilder filters = new StringBuilder();
        query.involvedObject().ifPresent(object -> filters.append(", about ").append(OneLine.bounded(object, 200)));
        query.type().ifPresent(type -> filters.append(", ").append(type).append(" only"));
        query.sinceSeconds()
                .ifPresent(seconds -> filters.append(", seen in the last ")
                        .append(Age.format(java.time.Duration.ofSeconds(seconds))));
        if (events.groups().isEmpty()) {
            return "No events" + where + filters + ".";
        }
        return DiagnosisText.count(events.groups().size(), "event group") + " ("
                + DiagnosisText.count(events.events(), "event") + ")" + where + filters
                + ", warnings first, newest first:";
    }

    /** A narrower query to suggest: warnings only when the type was open. */
    private static Map<String, Object> narrower(EventsQuery query) {
        if (query.type().isPresent()) {
            return Map.of();
        }
        return Budgets.arguments(
                "namespace", query.namespace().orElse(null),
                "involvedObject", query.involvedObject().orElse(null),
                "type", "Warning",
                "sinceSeconds", query.sinceSeconds().orElse(null));
    }

    static Map<String, Object> structured(EventList events, boolean truncated) {
        Map<String, Object> structured = new LinkedHashMap<>();
        events.namespace().ifPresent(namespace -> structured.put("namespace", namespace));
        structured.put("events", events.events());
        structured.put(
                "groups", events.groups().stream().map(EventLines::structured).toList());
        structured.put("omittedGroups", events.omittedGroups());
        structured.put("truncatedAtServer", events.truncatedAtServer());
        structured.put("truncated", truncated);
        return structured;
    }
}
