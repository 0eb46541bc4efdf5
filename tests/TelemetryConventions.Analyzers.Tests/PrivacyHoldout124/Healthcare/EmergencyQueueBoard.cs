namespace PrivacyHoldout124.Healthcare;

/// <summary>One patient on the emergency department's live queue: the hospital number, the initials the waiting-room screen shows, triage and arrival.</summary>
public sealed record EdQueueItem(string HospitalNumber, string Initials, string TriageCategory, string Stream, DateTimeOffset ArrivedAt);

/// <summary>
/// The waiting-room screen and the clinicians' board of the emergency department: positions by stream (majors,
/// minors, paeds), the longest waits, and the ticket number the screen calls.
/// </summary>
public sealed class EmergencyQueueBoard(ActivitySource source, ILogger<EmergencyQueueBoard> logger, Meter meter, Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
{
    private readonly Histogram<double> _waitMinutes = meter.CreateHistogram<double>("ed.queue.wait", "min");
    private readonly Counter<long> _called = meter.CreateCounter<long>("ed.queue.called");

    public void Publish(string department, IReadOnlyList<EdQueueItem> queue)
    {
        using var span = source.StartClinicqLive(department);
        span.SetClinicqQueueLength(queue.Count); // clean precision-about

        var byStream = queue.GroupBy(q => q.Stream).ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("ED queue by stream {@ByStream}", byStream); // clean logging-objects

        var longest = queue.OrderBy(q => q.ArrivedAt).Take(3).ToList();
        logger.LogWarning("Longest waits: {Longest}", string.Join(", ", longest.Select(q => $"{q.HospitalNumber} ({(DateTimeOffset.UtcNow - q.ArrivedAt).TotalMinutes:0} min)"))); // leak TC1001 strings
        logger.LogInformation("Longest wait {Minutes:0} min in {Stream}", (DateTimeOffset.UtcNow - longest[0].ArrivedAt).TotalMinutes, longest[0].Stream); // clean cross-member
        span.Activity?.SetTag("ed.screen.initials", string.Join(" ", queue.Select(q => q.Initials))); // leak TC1001 strings

        foreach (var item in queue)
        {
            _waitMinutes.Record((DateTimeOffset.UtcNow - item.ArrivedAt).TotalMinutes, new("stream", item.Stream), new("triage", item.TriageCategory)); // clean precision-about
        }
    }

    public void Call(string department, EdQueueItem item, int ticketNumber, string clinicianStaffId)
    {
        using var span = source.StartClinicqLive(department);
        span.SetClinicqItem($"ticket-{ticketNumber}"); // clean strings
        span.SetClinicqStaffId(pseudonymizer.PseudonymizeClinicqStaffId(clinicianStaffId)); // clean precision-pseudonym
        span.SetClinicqNote($"called {item.HospitalNumber} to {item.Stream}"); // leak TC1001 generated-api
        _called.Add(1, new KeyValuePair<string, object?>("clinician", pseudonymizer.ComputeClinicqStaffId(clinicianStaffId))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Ticket {Ticket} called to {Stream} by {Clinician}", ticketNumber, item.Stream, clinicianStaffId); // leak TC1001 direct

        using var hmac = new HMACSHA256(secrets.ShardKey);
        var lane = hmac.ComputeHash(Encoding.UTF8.GetBytes(item.HospitalNumber))[0] % 4;
        span.Activity?.SetTag("ed.board.lane", lane); // clean hashes
        var screenKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(item.HospitalNumber)))[..10];
        logger.LogDebug("Screen entry {ScreenKey} removed", screenKey); // leak TC1002 hashes
    }
}
