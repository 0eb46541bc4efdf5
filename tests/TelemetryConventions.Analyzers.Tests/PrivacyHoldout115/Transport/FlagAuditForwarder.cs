namespace PrivacyHoldout115.Transport;

public sealed class AuditForwardFailedException(string flagKey, string changedBy, int status)
    : Exception($"Forwarding the change to '{flagKey}' by {changedBy} failed with {status}")
{
    public int Status { get; } = status;
}

/// <summary>
/// Forwards the operator's flag changes to the control room's change log (a chat channel) and to the
/// trace, so that an incident review can line a flag flip up with the ticketing errors that followed.
/// </summary>
public sealed class FlagAuditForwarder(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<FlagAuditForwarder> logger)
{
    private static readonly ActivitySource Source = new("Transit.Flags.Audit");
    private static readonly Meter Meter = new("Transit.Flags.Audit");
    private static readonly Counter<long> Changes = Meter.CreateCounter<long>("flags.changes");

    public void Forward(FlagChange change, int channelStatus)
    {
        using var span = Source.StartTransitflagChange(change.FlagKey).SetTransitflagOutcome(change.Action); // clean generated-api
        span.SetTransitflagOperatorId(pseudonymizer.PseudonymizeTransitflagOperatorId(change.ChangedBy)); // clean precision-pseudonym
        Changes.Add(1, new KeyValuePair<string, object?>("flag", change.FlagKey), new KeyValuePair<string, object?>("action", change.Action)); // clean precision-names
        Changes.Add(1, new KeyValuePair<string, object?>("operator_shard", KeyedBucket.Of(secrets.ShardKey, change.ChangedBy, 8))); // clean hashes
        Activity.Current?.SetTag("flags.change.diff", $"{change.Before} -> {change.After}"); // clean strings
        Activity.Current?.SetTag("flags.change.line", string.Format(CultureInfo.InvariantCulture, "{0} {1} {2} at {3:u}", change.ChangedBy, change.Action, change.FlagKey, change.At)); // leak TC1001 strings
        Activity.Current?.SetTag("flags.change.operator_hash", change.ChangedBy.GetHashCode() & 0xFF); // leak TC1002 hashes
        logger.LogInformation("Flag change {Change}", change); // leak TC1001 logging-objects
        logger.LogInformation("Flag {Flag} {Action} in {Environment}", change.FlagKey, change.Action, change.Environment); // clean logging-objects

        if (channelStatus >= 400)
        {
            var ex = new AuditForwardFailedException(change.FlagKey, change.ChangedBy, channelStatus);
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("flags.forward.status", ex.Status); // clean exceptions
            logger.LogError(ex, "Change log forwarding failed"); // leak TC1001 exceptions
        }
    }
}
