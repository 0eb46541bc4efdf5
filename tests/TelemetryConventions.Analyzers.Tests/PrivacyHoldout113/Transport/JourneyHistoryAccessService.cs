namespace PrivacyHoldout113.Transport;

public sealed record JourneyTap(string CardNumber, string StopId, string RouteId, DateTimeOffset TappedAt, decimal Fare);

public sealed record DisclosureRequest(string RequestRef, string Requester, string Force, string CardNumber, DateOnly From, DateOnly To, string LegalBasis);

/// <summary>Serves a card's journey history to the revenue protection team and to police disclosure requests, and logs who looked.</summary>
public sealed class JourneyHistoryAccessService(
    IAccessLogStore accessLog,
    ILogger<JourneyHistoryAccessService> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly TrauditAuditEntriesCounter _entries = meter.CreateTrauditAuditEntriesCounter();
    private readonly Counter<long> _disclosures = meter.CreateCounter<long>("traudit.disclosures");

    public async Task<IReadOnlyList<JourneyTap>> DiscloseAsync(DisclosureRequest request, IReadOnlyList<JourneyTap> taps, CancellationToken cancellationToken)
    {
        using var span = source.StartTrauditAuditWrite("journey-history", "disclose");
        span.SetTrauditSubjectId(pseudonymizer.PseudonymizeTrauditSubjectId(request.CardNumber)); // clean generated-api
        span.Activity?.SetTag("traudit.request.ref", request.RequestRef); // clean precision-names
        span.Activity?.SetTag("traudit.force", request.Force); // clean precision-names
        span.Activity?.SetTag("traudit.legal.basis", request.LegalBasis); // clean precision-names
        span.Activity?.SetTag("traudit.window.days", request.To.DayNumber - request.From.DayNumber); // clean precision-about
        span.Activity?.SetTag("traudit.requester", request.Requester); // leak TC1001 direct

        await accessLog.AppendAsync(new AccessLogEntry(request.Requester, request.CardNumber, "journeys", request.LegalBasis, DateTimeOffset.UtcNow), cancellationToken);
        logger.LogInformation("Disclosure {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Disclosure {RequestRef}: {Taps} taps between {From} and {To}", request.RequestRef, taps.Count, request.From, request.To); // clean precision-about
        logger.LogDebug("Stops in disclosure {Stops}", string.Join(",", taps.Select(t => t.StopId).Distinct())); // clean strings
        logger.LogDebug("First tap {Tap}", taps.FirstOrDefault()); // leak TC1001 logging-objects

        _disclosures.Add(1, new KeyValuePair<string, object?>("traudit.force", request.Force)); // clean precision-names
        _disclosures.Add(1, new KeyValuePair<string, object?>("traudit.card", pseudonymizer.PseudonymizeTrauditSubjectId(request.CardNumber).ToString())); // leak TC1003 precision-pseudonym
        _entries.Add(1, "journey-history", "disclose", "written"); // clean generated-api
        return taps;
    }

    public async Task ViewAsync(string cardNumber, string inspectorId, CancellationToken cancellationToken)
    {
        await accessLog.AppendAsync(new AccessLogEntry(inspectorId, cardNumber, "journeys", "revenue-protection", DateTimeOffset.UtcNow), cancellationToken);
        TraceView(Activity.Current, cardNumber, inspectorId); // leak TC1001 cross-member
        TraceView(Activity.Current, $"****{cardNumber[^4..]}", "inspector"); // clean cross-member
    }

    private static void TraceView(Activity? activity, string card, string who) =>
        activity?.AddEvent(new ActivityEvent("traudit.view", tags: new ActivityTagsCollection { ["card"] = card, ["by"] = who })); // leak TC1001 cross-member
}
