namespace PrivacyHoldout145.Healthcare;

/// <summary>
/// Sends clinical pages to the bleep on the rota, waits for the acknowledgement and escalates up the chain
/// (registrar, consultant) when nobody answers. Bleeps are roles; whoever holds one tonight is a person.
/// </summary>
public sealed class BleepRoutingService(
    IPagingGateway paging,
    IRotaStore rota,
    Pseudonymizer pseudonymizer,
    OperatorOptions options,
    ILogger<BleepRoutingService> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Trust.OnCall.Bleeps");

    private readonly Counter<long> _pages = meter.CreateCounter<long>("oncall.bleep.pages", "{page}");
    private readonly Counter<long> _escalations = meter.CreateCounter<long>("oncall.bleep.escalations", "{escalation}");

    private RotaHolder? _lastSilentHolder;
    private readonly Dictionary<string, int> _missedByStaffId = new();

    public async Task<string> PageAsync(Bleep bleep, string priority, string bedLabel, string patientHospitalNumber, CancellationToken ct)
    {
        using var span = Source.StartOncallOperation("royal-infirmary");
        var holder = await rota.CurrentHolderAsync(bleep.BleepNumber, ct);
        span.SetOncallClinicianId(pseudonymizer.PseudonymizeOncallClinicianId(holder.StaffId)); // clean precision-pseudonym
        span.SetOncallPatientId(pseudonymizer.PseudonymizeOncallPatientId(patientHospitalNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("oncall.bleep.number", bleep.BleepNumber); // clean precision-names
        Activity.Current?.SetTag("oncall.holder.grade", holder.Grade); // clean precision-about
        Activity.Current?.SetTag("oncall.holder.staff_id", holder.StaffId); // leak TC1001 direct
        var holderLabel = $"{holder.Name} ({holder.Grade})";
        Activity.Current?.SetTag("oncall.holder.label", holderLabel); // leak TC1001 strings

        var text = $"{priority} {bleep.Ward} {bedLabel}: please attend";
        var pageId = await paging.SendAsync(bleep.BleepNumber, text, priority, ct);
        logger.LogInformation("Page {PageId} sent to bleep {BleepNumber} ({Role}) at {Priority}", pageId, bleep.BleepNumber, bleep.Role, priority); // clean precision-names
        logger.LogDebug("Page {PageId} concerns patient {HospitalNumber}", pageId, patientHospitalNumber); // leak TC1001 direct
        logger.LogDebug("Page text was {Text}", text); // clean strings
        _pages.Add(1, new KeyValuePair<string, object?>("bleep.role", bleep.Role), new KeyValuePair<string, object?>("priority", priority)); // clean precision-about

        var started = Stopwatch.GetTimestamp();
        if (await paging.WaitForAckAsync(pageId, options.BleepAckTimeout, ct))
        {
            meter.CreateOncallPageAckDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "royal-infirmary"); // clean generated-api
            return pageId;
        }

        _lastSilentHolder = holder;
        _missedByStaffId[holder.StaffId] = _missedByStaffId.GetValueOrDefault(holder.StaffId) + 1;
        span.SetOncallOutcome("unacknowledged"); // clean generated-api
        await EscalateAsync(bleep, priority, text, ct);
        return pageId;
    }

    private async Task EscalateAsync(Bleep bleep, string priority, string text, CancellationToken ct)
    {
        var chain = await rota.EscalationChainAsync(bleep.BleepNumber, ct);
        foreach (var next in chain)
        {
            var nextHolder = await rota.CurrentHolderAsync(next.BleepNumber, ct);
            var pageId = await paging.SendAsync(next.BleepNumber, "ESCALATED " + text, priority, ct);
            Activity.Current?.AddEvent(new ActivityEvent("oncall.escalated", tags: new ActivityTagsCollection { ["from.role"] = bleep.Role, ["to.role"] = next.Role, ["page.id"] = pageId })); // clean precision-about
            _escalations.Add(1, new KeyValuePair<string, object?>("to.role", next.Role), new KeyValuePair<string, object?>("to.staff_id", nextHolder.StaffId)); // leak TC1003 direct
            if (await paging.WaitForAckAsync(pageId, options.BleepAckTimeout, ct))
            {
                logger.LogInformation("Escalation from {FromBleep} answered by {Role} holder {Holder}", bleep.BleepNumber, next.Role, nextHolder.Name); // leak TC1001 direct
                return;
            }
        }

        var failure = new BleepUnacknowledgedException(bleep.BleepNumber, bleep.Role);
        Activity.Current?.SetStatus(ActivityStatusCode.Error, failure.Message); // clean exceptions
        logger.LogError(failure, "Nobody on the chain for {Role} acknowledged", bleep.Role); // clean exceptions
    }

    public void ReportShiftEnd()
    {
        if (_lastSilentHolder is { } silent)
        {
            logger.LogWarning("Last unacknowledged bleep holder this shift: {Holder}", silent); // leak TC1001 cross-member
        }

        logger.LogInformation("Missed pages this shift by staff id: {Missed}", _missedByStaffId); // leak TC1001 cross-member
        logger.LogInformation("Clinicians with missed pages this shift: {Count}", _missedByStaffId.Count); // clean cross-member
    }
}
