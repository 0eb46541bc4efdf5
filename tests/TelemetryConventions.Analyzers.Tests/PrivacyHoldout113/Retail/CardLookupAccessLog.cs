namespace PrivacyHoldout113.Retail;

public sealed record PanReveal(string StaffNumber, string StoreCode, string CardNumber, string OrderId, string Reason);

/// <summary>PCI DSS requirement 10: logs every reveal of a full card number in the back office, for the quarterly review.</summary>
public sealed class CardLookupAccessLog(
    IAccessLogStore store,
    ILogger<CardLookupAccessLog> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private readonly Counter<long> _reveals = meter.CreateCounter<long>("rtaudit.pan.reveals");

    public async Task RecordAsync(PanReveal reveal, CancellationToken cancellationToken)
    {
        using var span = source.StartRtauditAuditWrite("card", "reveal");
        span.SetRtauditActorId(pseudonymizer.PseudonymizeRtauditActorId(reveal.StaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("rtaudit.card.last4", reveal.CardNumber[^4..]); // clean precision-about
        span.Activity?.SetTag("rtaudit.card.bin", reveal.CardNumber[..6]); // clean precision-about
        span.Activity?.SetTag("rtaudit.order", reveal.OrderId); // clean precision-names
        span.Activity?.SetTag("rtaudit.store", reveal.StoreCode); // clean precision-names

        await store.AppendAsync(new AccessLogEntry(reveal.StaffNumber, reveal.CardNumber, $"order/{reveal.OrderId}", reveal.Reason, DateTimeOffset.UtcNow), cancellationToken);
        logger.LogInformation("PAN reveal {Reveal}", reveal); // leak TC1001 logging-objects
        logger.LogInformation("PAN reveal {Reveal}", reveal with { CardNumber = $"****{reveal.CardNumber[^4..]}", StaffNumber = pseudonymizer.ComputeRtauditActorId(reveal.StaffNumber) }); // clean precision-pseudonym
        logger.LogInformation("Card fingerprint {Fingerprint}", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(reveal.CardNumber)))); // leak TC1002 hashes
        var token = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(reveal.CardNumber)))[..16];
        span.Activity?.SetTag("rtaudit.card.token", token); // clean hashes
        _reveals.Add(1, new KeyValuePair<string, object?>("rtaudit.store", reveal.StoreCode), new KeyValuePair<string, object?>("rtaudit.reason", reveal.Reason)); // clean precision-names
        _reveals.Add(1, new KeyValuePair<string, object?>("rtaudit.staff", reveal.StaffNumber)); // leak TC1003 direct
    }

    public void Review(IReadOnlyList<AccessLogEntry> quarter)
    {
        var byStaff = quarter.GroupBy(e => e.ViewerId).OrderByDescending(g => g.Count()).First();
        logger.LogInformation("Most reveals this quarter: {Count}", byStaff.Count()); // clean precision-about
        logger.LogInformation("Most reveals this quarter by {Staff}", byStaff.Key); // leak TC1001 cross-member
        logger.LogInformation("Cards revealed this quarter: {Cards}", string.Join(",", quarter.Select(e => e.SubjectKey).Distinct())); // leak TC1001 strings
    }
}
