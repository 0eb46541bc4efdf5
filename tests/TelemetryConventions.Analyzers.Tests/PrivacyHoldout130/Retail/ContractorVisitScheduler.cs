namespace PrivacyHoldout130.Retail;

/// <summary>
/// Raises contractor jobs for repairs in the flats above stores, records the operative's visit and handles
/// no-access visits (the tenant is called, then a card is left).
/// </summary>
public sealed class ContractorVisitScheduler(IRepairsDispatch dispatch, Pseudonymizer pseudonymizer, ILogger<ContractorVisitScheduler> logger)
{
    private static readonly ActivitySource Source = new("Estates.Repairs");
    private static readonly Meter Meter = new("Estates.Repairs");
    private static readonly Counter<long> NoAccess = Meter.CreateCounter<long>("flats.repairs.no_access");

    private ContractorVisit? _lastVisit;

    public async Task ScheduleAsync(RepairRequest request, CancellationToken ct)
    {
        using var span = Source.StartShopletsTenancy(request.PropertyRef);
        span.SetShopletsTenantId(pseudonymizer.PseudonymizeShopletsTenantId(request.ReportedByTenantId)); // clean precision-pseudonym
        span.Activity?.SetTag("repair.category", request.Category); // clean precision-names
        span.Activity?.SetTag("repair.priority", request.Priority.ToString()); // clean precision-names
        span.Activity?.SetTag("repair.reported_by", request.ReportedByTenantId); // leak TC1001 direct
        logger.LogInformation("Repair request {Request}", request); // leak TC1001 logging-objects

        var job = await dispatch.RaiseAsync(request, ct);
        span.Activity?.SetTag("repair.job", job.JobNumber); // clean precision-names
        span.Activity?.SetTag("repair.contractor", job.ContractorCompany); // clean precision-names
        span.Activity?.SetTag("repair.window.hours", (job.WindowEnd - job.WindowStart).TotalHours); // clean precision-about

        try
        {
            _lastVisit = await dispatch.GetVisitAsync(job.JobNumber, ct);
            if (_lastVisit is { } visit)
            {
                logger.LogInformation("Operative on site for {JobNumber} at {ArrivedAt}", visit.JobNumber, visit.ArrivedAt); // clean precision-names
                logger.LogInformation("Operative {Operative} on site for {JobNumber}", visit.OperativeName, visit.JobNumber); // leak TC1001 direct
                span.Activity?.SetTag("repair.access_notes", visit.AccessNotes); // leak TC1001 direct
                span.Activity?.SetTag("repair.access_notes.given", visit.AccessNotes.Length > 0); // clean precision-about
            }
        }
        catch (NoAccessException ex)
        {
            NoAccess.Add(1, new KeyValuePair<string, object?>("contractor", job.ContractorCompany)); // clean precision-names
            span.SetStatus(ActivityStatusCode.Error, $"No access: {ex.Message}"); // leak TC1001 exceptions
            logger.LogWarning("No access for job {JobNumber}", ex.JobNumber); // clean exceptions
        }
    }

    public void ReportLastVisit()
    {
        Activity.Current?.SetTag("repair.last_visit.job", _lastVisit?.JobNumber); // clean cross-member
        Activity.Current?.SetTag("repair.last_visit.operative_mobile", _lastVisit?.OperativeMobile); // leak TC1001 cross-member
    }
}
