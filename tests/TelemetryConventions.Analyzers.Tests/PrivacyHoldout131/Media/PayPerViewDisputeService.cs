namespace PrivacyHoldout131.Media;

public sealed record PlaybackRecord(Guid ProfileId, string DeviceId, string EventId, TimeSpan Watched, string IpAddress, DateTimeOffset StartedAt);

public interface IPlaybackLog
{
    Task<IReadOnlyList<PlaybackRecord>> ForPurchaseAsync(string paymentId, CancellationToken cancellationToken);
}

/// <summary>
/// Pay-per-view fights and concerts draw "not received" chargebacks; the service answers with the playback
/// log, or accepts the dispute when nothing was watched.
/// </summary>
public sealed class PayPerViewDisputeService(
    IDisputeClient disputes,
    IPlaybackLog playback,
    Pseudonymizer pseudonymizer,
    ILogger<PayPerViewDisputeService> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Ppv.Disputes");
    private static readonly Meter Meter = new("Streaming.Ppv.Disputes");
    private static readonly Counter<long> Answered = Meter.CreateCounter<long>("ppv.disputes.answered");
    private readonly SubrefundCaseDurationHistogram _duration = Meter.CreateSubrefundCaseDurationHistogram();

    public async Task AnswerAsync(string disputeId, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartSubrefundCase(disputeId);
        var chargeback = await disputes.GetAsync(disputeId, ct);
        var records = await playback.ForPurchaseAsync(chargeback.PaymentId, ct);
        var watched = TimeSpan.FromTicks(records.Sum(r => r.Watched.Ticks));
        span.SetSubrefundItemCount(records.Count); // clean precision-about
        Activity.Current?.SetTag("ppv.minutes_watched", (int)watched.TotalMinutes); // clean precision-about
        Activity.Current?.SetTag("ppv.devices", string.Join(",", records.Select(r => r.DeviceId).Distinct())); // leak TC1001 strings
        Activity.Current?.SetTag("ppv.device_count", records.Select(r => r.DeviceId).Distinct().Count()); // clean precision-about
        logger.LogInformation("Dispute {DisputeId} on event {EventId}: {Reason}", disputeId, records.FirstOrDefault()?.EventId, chargeback.ReasonCode); // clean precision-names

        if (records.Count == 0)
        {
            await disputes.AcceptAsync(disputeId, ct);
            Answered.Add(1, new KeyValuePair<string, object?>("answer", "accepted")); // clean precision-names
            return;
        }

        var evidence = new DisputeEvidence(disputeId)
        {
            CustomerName = chargeback.CardholderName,
            AccessActivityLog = string.Join("\n", records.Select(r => $"{r.StartedAt:O} {r.DeviceId} {r.IpAddress} {r.Watched}")),
        };
        logger.LogDebug("Playback log for evidence: {Log}", evidence.AccessActivityLog); // leak TC1001 strings
        logger.LogDebug("Playback records {Records}", records); // leak TC1001 logging-objects
        var first = records[0];
        Activity.Current?.SetTag("ppv.first_ip", first.IpAddress); // leak TC1001 cross-member
        Activity.Current?.SetTag("ppv.first_ip_net", string.Join('.', first.IpAddress.Split('.').Take(2))); // clean precision-about
        Activity.Current?.SetTag("ppv.profile", pseudonymizer.PseudonymizeSubrefundClaimantId(first.ProfileId.ToString()).ToString()); // clean precision-pseudonym

        try
        {
            var submission = await disputes.SubmitEvidenceAsync(evidence, ct);
            logger.LogInformation("Evidence {Submission}", submission); // clean logging-objects
            Answered.Add(1, new KeyValuePair<string, object?>("answer", "contested")); // clean precision-names
        }
        catch (EvidenceDeadlinePassedException ex)
        {
            logger.LogSubrefundCaseFailedEvent(disputeId, "late", default, ex.Message); // clean generated-api
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, chargeback.Network); // clean precision-names
        }
    }
}
