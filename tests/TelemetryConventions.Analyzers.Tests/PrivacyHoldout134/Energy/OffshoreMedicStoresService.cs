namespace PrivacyHoldout134.Energy;

/// <summary>A dose given from the platform's medical stores.</summary>
public sealed record StoresIssue(string Platform, string RegisterId, string Drug, string Schedule, decimal Quantity, string CasualtyStaffNumber, string CasualtyName, string MedicStaffNumber, string? DoctorRemoteAuthority);

/// <summary>The offshore medic's controlled drugs and medical stores: issues authorised by the topside doctor, and stock counts at crew change.</summary>
public sealed class OffshoreMedicStoresService(
    ICdRegister register,
    Pseudonymizer pseudonymizer,
    ILogger<OffshoreMedicStoresService> logger)
{
    private static readonly ActivitySource Source = new("Offshore.Medic");
    private static readonly Meter Meter = new("Offshore.Medic");
    private static readonly Histogram<double> IssuedQuantity = Meter.CreateHistogram<double>("offshore.stores.issued");
    private readonly FieldjabBookingDurationHistogram _duration = Meter.CreateFieldjabBookingDurationHistogram();

    private string? _lastCasualty;
    private string? _lastRegister;

    public async Task IssueAsync(StoresIssue issue, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartFieldjabBooking(fieldjabSite: issue.Platform, spanName: "offshore.stores.issue");
        span.SetFieldjabVaccine(issue.Drug); // clean precision-names
        span.SetFieldjabMedicId(pseudonymizer.PseudonymizeFieldjabMedicId(issue.MedicStaffNumber)); // clean precision-pseudonym
        span.SetFieldjabPersonId(Pseudonym.FromComputed(issue.CasualtyStaffNumber)); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag("offshore.remote_authority", issue.DoctorRemoteAuthority is not null); // clean precision-about
        span.Activity?.SetTag("offshore.casualty.ref", pseudonymizer.Compute("casualty", issue.CasualtyStaffNumber)); // clean precision-pseudonym
        Activity.Current?.AddBaggage("offshore.casualty", issue.CasualtyStaffNumber); // leak TC1001 direct
        span.Activity?.SetTag("offshore.casualty", $"{issue.CasualtyName} ({issue.CasualtyStaffNumber})"); // leak TC1001 strings
        _lastCasualty = issue.CasualtyStaffNumber;
        _lastRegister = issue.RegisterId;

        var entry = await register.RecordSupplyAsync(new ControlledDrugEntry(Guid.NewGuid().ToString("N"), issue.RegisterId, issue.Drug, issue.Schedule, issue.Quantity, 0m, issue.CasualtyName, issue.Platform, issue.DoctorRemoteAuthority ?? "standing order", null, issue.MedicStaffNumber), cancellationToken);
        logger.LogInformation("Stores issue {EntryId}: {Drug} x{Quantity}, balance {Balance}", entry.EntryId, entry.DrugName, entry.Quantity, entry.RunningBalance); // clean precision-names
        logger.LogDebug("Authorised by {Doctor}", issue.DoctorRemoteAuthority); // leak TC1001 direct
        IssuedQuantity.Record((double)issue.Quantity, new KeyValuePair<string, object?>("schedule", issue.Schedule), new KeyValuePair<string, object?>("platform", issue.Platform)); // clean precision-names
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, fieldjabSite: issue.Platform, fieldjabVaccine: issue.Drug); // clean generated-api
    }

    public async Task CrewChangeCountAsync(string platform, IReadOnlyDictionary<string, decimal> counts, CancellationToken cancellationToken)
    {
        using var span = Source.StartFieldjabBooking(fieldjabSite: platform, spanName: "offshore.stores.count");
        foreach (var (registerId, counted) in counts)
        {
            try
            {
                var check = await register.CheckBalanceAsync(registerId, counted, cancellationToken);
                span.Activity?.AddEvent(new ActivityEvent("offshore.count", tags: new ActivityTagsCollection { ["register"] = check.RegisterId, ["difference"] = (double)check.Difference })); // clean precision-about
            }
            catch (CdBalanceDiscrepancyException ex)
            {
                span.Activity?.AddException(ex); // clean exceptions
                logger.LogError("Discrepancy after last issue to {Casualty} on {Register}", _lastCasualty, _lastRegister); // leak TC1001 cross-member
                logger.LogError("Discrepancy on {Register}", _lastRegister); // clean cross-member
            }
        }
    }
}
