namespace PrivacyHoldout204.Healthcare;

public sealed record DischargeParcelRequest(string NhsNumber, string PatientName, string Ward, string HouseholdId, string? CarerMobile, string? DietitianNote);

/// <summary>A trust's discharge team asks the foodbank for a parcel for a patient going home to an empty cupboard.</summary>
[ApiController]
[Route("api/discharge-parcels")]
public sealed partial class DischargeParcelController(
    ReferralStore referrals,
    HouseholdStore households,
    WarehouseStock stock,
    Pseudonymizer pseudonymizer,
    CharityOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<DischargeParcelController> logger) : ControllerBase
{
    private static readonly ActivitySource Tracing = new("Trust.DischargeParcels");
    private readonly Counter<long> _parcelRequests = meter.CreateCounter<long>("discharge.parcel.requests");
    private string _lastNhsNumber = string.Empty;

    [HttpPost]
    public async Task<ActionResult> Request([FromBody] DischargeParcelRequest request, CancellationToken ct)
    {
        using var activity = Tracing.StartActivity("discharge-parcel.request");
        _lastNhsNumber = request.NhsNumber;
        activity?.SetTag("ward.code", request.Ward); // clean precision-names
        activity?.SetTag("patient.nhs_number", request.NhsNumber); // leak TC1001 direct
        activity?.SetTag("patient.name", request.PatientName); // leak TC1001 direct
        activity?.SetTag("patient.has_carer_mobile", request.CarerMobile is not null); // clean precision-about
        activity?.SetTag("dietitian.note.length", request.DietitianNote?.Length ?? 0); // clean precision-about
        activity?.SetTag("dietitian.note", request.DietitianNote); // leak TC1001 direct
        activity?.SetTag("trace.request_id", HttpContext.TraceIdentifier); // clean precision-names

        var patient = pseudonymizer.Pseudonymize(Spaces.Client, request.NhsNumber);
        activity?.SetTag("patient.pseudonym", patient.Value); // clean precision-pseudonym
        _parcelRequests.Add(1, new KeyValuePair<string, object?>("ward", request.Ward)); // clean precision-names
        _parcelRequests.Add(1, new KeyValuePair<string, object?>("patient", patient.Value)); // leak TC1003 precision-pseudonym

        using var op = source.StartDischargepantryOperation(request.Ward).SetDischargepantryClientId(patient).SetDischargepantryScheme("discharge-parcel"); // clean generated-api
        op.SetDischargepantryParcels(options.MaxParcelsPerReferral); // clean generated-api

        var household = await households.FindAsync(request.HouseholdId, ct);
        if (household is null)
        {
            var missing = new HouseholdNotFoundException(request.HouseholdId);
            activity?.AddException(missing); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, missing.Message); // leak TC1001 exceptions
            op.SetDischargepantryOutcome("no-household"); // clean generated-api
            logger.LogDischargepantryOperationFailedEvent(request.Ward, "no-household", dischargepantryClientId: patient, dischargepantryNote: missing.Message); // leak TC1001 generated-api
            return NotFound("household not on the register");
        }

        logger.LogInformation("Household {Household} referred from ward {Ward}", household, request.Ward); // leak TC1001 logging-objects
        logger.LogInformation("Household size {Adults} adults, {Children} children", household.Adults, household.Children); // clean precision-about
        logger.LogInformation("Referral for {@Household}", household with { Phone = "withheld" }); // leak TC1001 logging-objects
        logger.LogDebug("Household postcode district {District}", household.Postcode.Split(' ')[0]); // clean precision-about
        op.SetDischargepantryNote($"Parcel for {household.LeadName} on {request.Ward}"); // leak TC1001 generated-api
        op.SetDischargepantryNote(request.CarerMobile); // leak TC1001 generated-api

        var needs = await households.DietaryNeedsAsync(request.HouseholdId, ct);
        activity?.SetTag("diet.codes", string.Join(",", needs.DietCodes)); // clean strings
        activity?.SetTag("diet.code.count", needs.DietCodes.Count); // clean precision-about
        logger.LogInformation("Dietary needs {@Needs}", needs); // leak TC1001 logging-objects
        logger.LogInformation("Diet for {Summary}", new { needs.DietCodes, Ward = request.Ward }); // clean logging-objects

        try
        {
            var batch = await stock.PackAsync(options.WarehouseId, options.MaxParcelsPerReferral, ct);
            logger.LogInformation("Packed {@Batch}", batch); // clean logging-objects
            activity?.SetTag("warehouse.id", batch.WarehouseId); // clean precision-names
        }
        catch (StockShortageException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Stock short: {Reason}", ex.Message); // clean exceptions
            op.RecordException(ex); // clean generated-api
        }

        var referral = new Referral(Guid.NewGuid().ToString("N"), "NHS-DISCHARGE", request.HouseholdId, request.PatientName, "discharge", "discharge.team@trust.nhs.uk");
        await referrals.SaveAsync(referral, ct);
        activity?.SetTag("referral.id", referral.ReferralId); // clean precision-names
        activity?.SetTag("referral.agency_code", referral.AgencyCode); // clean precision-names
        logger.LogInformation("Saved {@Referral}", referral); // leak TC1001 logging-objects
        logger.LogInformation("Saved {@Summary}", referrals.Summarise(referral)); // clean logging-objects
        LogParcelBooked(logger, request.NhsNumber, request.PatientName, referral.ReferralId); // clean logging-objects
        LogParcelBookedPlain(logger, request.NhsNumber, referral.ReferralId); // leak TC1001 logging-objects

        meter.CreateDischargepantryOperationsCounter().Add(1, request.Ward, "issued"); // clean generated-api
        meter.CreateDischargepantryOperationDurationHistogram().Record(0.4, request.Ward); // clean generated-api
        return Ok(referral.ReferralId);
    }

    [HttpGet("last")]
    public ActionResult Last()
    {
        using var activity = Tracing.StartActivity("discharge-parcel.last");
        activity?.SetTag("patient.last_nhs_number", _lastNhsNumber); // leak TC1001 cross-member
        activity?.SetTag("patient.last_seen", _lastNhsNumber.Length > 0); // clean precision-about
        var dedupe = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_lastNhsNumber))); // unkeyed
        activity?.SetTag("patient.dedupe_key", dedupe); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(_lastNhsNumber))[0] % 16;
        activity?.SetTag("patient.shard", shard); // clean hashes
        activity?.SetTag("patient.bucket", PatientBucket()); // leak TC1002 hashes
        activity?.SetTag("patient.ward_history", WardHistoryFor(_lastNhsNumber)); // clean cross-member
        activity?.AddBaggage("patient.nhs", CurrentNhs()); // leak TC1001 cross-member
        return Ok();
    }

    private int PatientBucket() => _lastNhsNumber.GetHashCode() % 32;

    private string CurrentNhs() => _lastNhsNumber;

    private static string WardHistoryFor(string nhsNumber) => nhsNumber.Length > 0 ? "AMU,W12" : string.Empty;

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Parcel booked for {NhsNumber} {PatientName} under referral {ReferralId}")]
    private static partial void LogParcelBooked(ILogger logger, [PrivateData] string nhsNumber, [PrivateData] string patientName, string referralId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Parcel booked for {NhsNumber} under referral {ReferralId}")]
    private static partial void LogParcelBookedPlain(ILogger logger, string nhsNumber, string referralId);
}
