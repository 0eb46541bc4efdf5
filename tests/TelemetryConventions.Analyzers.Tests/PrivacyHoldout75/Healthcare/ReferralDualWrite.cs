namespace PrivacyHoldout75.Healthcare;

public sealed record Referral(
    string Ubrn,
    string NhsNumber,
    string Specialty,
    string Priority,
    string Status,
    string ReferrerStaffNumber,
    string? PatientMobile,
    string? PatientEmail,
    DateTimeOffset ReceivedAt);

/// <summary>
/// Referrals are being moved from the legacy referrals database (keyed by UBRN) to the new
/// referrals service (partitioned by patient: keys are <c>{nhsNumber}/{ubrn}</c>). While the
/// migration runs every write goes to both, reads come from the legacy store and are shadowed
/// against the new one until the <c>referrals-v2-reads</c> flag is turned on. The referrals
/// service's unique index is on the UBRN: its <see cref="DuplicateRecordException"/> quotes the UBRN
/// of both referrals.
/// </summary>
public sealed class ReferralDualWrite(
    IRecordStore<Referral> legacy,
    IRecordStore<Referral> next,
    IFeatureFlags flags,
    ActivitySource source,
    Meter meter,
    ILogger<ReferralDualWrite> logger)
{
    private readonly Counter<long> _mismatches = meter.CreateCounter<long>("referrals.dualwrite.mismatches", "{referral}");
    private readonly Counter<long> _writes = meter.CreateCounter<long>("referrals.dualwrite.writes", "{referral}");

    public async Task SaveAsync(Referral referral, CancellationToken cancellationToken)
    {
        var before = await legacy.GetAsync(referral.Ubrn, cancellationToken);
        await legacy.PutAsync(referral.Ubrn, referral, cancellationToken);

        var nextKey = $"{referral.NhsNumber}/{referral.Ubrn}";
        try
        {
            await next.PutAsync(nextKey, referral, cancellationToken);
        }
        catch (DuplicateRecordException ex)
        {
            logger.LogWarning(ex, "Second write rejected for referral {Ubrn}", referral.Ubrn); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return;
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Second write to {Store} timed out for key {Key}", next.Name, nextKey); // leak TC1001 strings
            _mismatches.Add(1, new KeyValuePair<string, object?>("reason", "timeout")); // clean precision-about
            return;
        }

        _writes.Add(1, new KeyValuePair<string, object?>("specialty", referral.Specialty), new KeyValuePair<string, object?>("referrer", referral.ReferrerStaffNumber)); // leak TC1003 direct
        if (before is not null)
        {
            var changed = RecordDiff.ChangedFields(before, referral);
            Activity.Current?.SetTag("referral.changed_fields", string.Join(",", changed)); // clean precision-names
        }
    }

    public async Task<Referral?> ReadAsync(string ubrn, string nhsNumber, CancellationToken cancellationToken)
    {
        if (flags.IsEnabledFor("referrals-v2-reads", ubrn))
        {
            Activity.Current?.SetTag("referral.read_store", next.Name); // clean precision-names
            return await next.GetAsync($"{nhsNumber}/{ubrn}", cancellationToken);
        }

        using var span = source.StartEhrmigBatch("referrals-shadow");
        var (primary, shadow, comparison) = await Shadow.CompareAsync(
            () => legacy.GetAsync(ubrn, cancellationToken),
            () => next.GetAsync($"{nhsNumber}/{ubrn}", cancellationToken));
        span.SetEhrmigStore(next.Name).SetEhrmigMismatches(comparison.DifferingFields.Count);
        logger.LogDebug("Shadow read of {Ubrn}: {Comparison}", ubrn, comparison); // clean logging-objects

        if (!comparison.Matches && primary is not null)
        {
            span.SetEhrmigChangedFields(string.Join(",", comparison.DifferingFields)); // clean precision-names
            logger.LogWarning("Shadow read differs: legacy {Legacy}, next {Next}", primary, shadow); // leak TC1001 logging-objects
            ReportMismatch(primary, shadow);
        }
        return primary;
    }

    private void ReportMismatch(Referral legacyCopy, Referral? nextCopy)
    {
        if (nextCopy is null)
        {
            logger.LogEhrmigMismatchEvent("shadow-read", "missing-in-next", ehrmigNote: $"UBRN {legacyCopy.Ubrn} not in the referrals service"); // clean generated-api
            return;
        }

        var changes = RecordDiff.Changes(legacyCopy, nextCopy);
        logger.LogEhrmigMismatchEvent("shadow-read", "differs", ehrmigChangedFields: string.Join(",", changes.Select(c => c.Field))); // clean generated-api
        logger.LogEhrmigMismatchEvent("shadow-read", "differs", ehrmigNote: string.Join("; ", changes)); // leak TC1001 generated-api
        logger.LogInformation("Referral {Ubrn} differs in {Changes}", legacyCopy.Ubrn, changes); // leak TC1001 logging-objects

        var workflowChanges = changes.Where(c => c.Field is nameof(Referral.Status) or nameof(Referral.Priority) or nameof(Referral.Specialty)).ToList();
        logger.LogInformation("Referral {Ubrn} workflow fields differ: {Changes}", legacyCopy.Ubrn, workflowChanges); // clean logging-objects

        foreach (var change in changes)
        {
            logger.LogDebug("{Field}: '{Old}' -> '{New}'", change.Field, change.Old, change.New); // leak TC1001 direct
            _mismatches.Add(1, new KeyValuePair<string, object?>("field", change.Field)); // clean precision-names
        }

        Activity.Current?.AddEvent(new ActivityEvent("referral.mismatch", tags: new ActivityTagsCollection { ["referral.ubrn"] = legacyCopy.Ubrn, ["referral.fields"] = changes.Count })); // clean precision-about
    }
}
