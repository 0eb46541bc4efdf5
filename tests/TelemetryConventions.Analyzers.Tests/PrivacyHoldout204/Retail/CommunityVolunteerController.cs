namespace PrivacyHoldout204.Retail;

public sealed record VolunteerSignUp(string EmployeeNumber, string FullName, string Email, string Mobile, string StoreCode, string DbsCertificateNumber, string Surname, DateOnly DateOfBirth);

public sealed record DonationPointCollection(string StoreCode, string CollectionId, string FoodbankCode, int Crates, double Kilograms);

/// <summary>A retailer's community champions: staff volunteer at partner foodbanks (DBS checked) and stores collect donated food.</summary>
[ApiController]
[Route("api/community")]
public sealed partial class CommunityVolunteerController(
    VolunteerRegistry registry,
    DbsUpdateServiceClient dbs,
    Pseudonymizer pseudonymizer,
    CharityOptions options,
    ILogger<CommunityVolunteerController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retailer.Community");
    private static readonly Meter Meter = new("Retailer.Community");
    private static readonly Counter<long> SignUps = Meter.CreateCounter<long>("community.volunteer.signups");
    private static readonly Histogram<double> Kilos = Meter.CreateHistogram<double>("community.collection.kilograms", "kg");
    private VolunteerSignUp? _lastSignUp;

    [HttpPost("volunteers")]
    public async Task<ActionResult> SignUp([FromBody] VolunteerSignUp signUp, CancellationToken ct)
    {
        using var activity = Source.StartActivity("community.volunteer.signup");
        _lastSignUp = signUp;
        activity?.SetTag("store.code", signUp.StoreCode); // clean precision-names
        activity?.SetTag("volunteer.employee_number", signUp.EmployeeNumber); // leak TC1001 direct
        activity?.SetTag("volunteer.name", signUp.FullName); // leak TC1001 direct
        activity?.SetTag("volunteer.mobile", signUp.Mobile); // leak TC1001 direct
        activity?.SetTag("dbs.certificate_number", signUp.DbsCertificateNumber); // leak TC1001 direct
        activity?.SetTag("dbs.certificate_last4", signUp.DbsCertificateNumber[^4..]); // clean precision-about
        activity?.SetTag("volunteer.user_agent", HttpContext.RequestHeaders.TryGetValue("User-Agent", out var ua) ? ua : null); // clean precision-names
        activity?.SetTag("volunteer.authenticated", HttpContext.User.IsAuthenticated); // clean precision-about
        activity?.SetTag("volunteer.subject", HttpContext.User.SubjectId); // leak TC1001 direct

        var volunteer = pseudonymizer.Pseudonymize(Spaces.Volunteer, signUp.EmployeeNumber);
        activity?.SetTag("volunteer.pseudonym", volunteer.Value); // clean precision-pseudonym
        logger.LogInformation("Volunteer {Volunteer} signed up at {Store}", volunteer.Value, signUp.StoreCode); // clean precision-pseudonym
        SignUps.Add(1, new KeyValuePair<string, object?>("store", signUp.StoreCode)); // clean precision-names
        SignUps.Add(1, new KeyValuePair<string, object?>("volunteer", volunteer)); // leak TC1003 precision-pseudonym

        using var op = Source.StartStoredonateOperation(signUp.StoreCode).SetStoredonateClientId(pseudonymizer.Pseudonymize(Spaces.Client, signUp.EmployeeNumber)).SetStoredonateScheme("volunteer"); // clean generated-api
        op.SetStoredonateNote(signUp.Mobile); // leak TC1001 generated-api

        try
        {
            var status = await dbs.StatusAsync(signUp.DbsCertificateNumber, signUp.Surname, signUp.DateOfBirth, ct);
            activity?.SetTag("dbs.status", status); // clean precision-about
            if (status != "CURRENT")
            {
                throw new DbsCheckFailedException(signUp.DbsCertificateNumber, signUp.Surname);
            }
        }
        catch (DbsCheckFailedException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning(ex, "DBS check failed"); // leak TC1001 exceptions
            op.RecordException(ex).SetStoredonateOutcome("dbs-failed"); // clean generated-api
            logger.LogStoredonateOperationFailedEvent(signUp.StoreCode, "dbs-failed", storedonateNote: $"DBS failed for {signUp.Surname}"); // leak TC1001 generated-api
            Meter.CreateStoredonateOperationsCounter().Add(1, signUp.StoreCode, "dbs-failed"); // clean generated-api
            return BadRequest("DBS check did not match");
        }

        var profile = await registry.ProfileAsync(signUp.EmployeeNumber, ct);
        logger.LogInformation("Profile {Profile}", profile); // clean logging-objects
        logger.LogInformation("Profile {@Profile}", profile); // leak TC1001 logging-objects
        logger.LogInformation("Volunteer {@SignUp}", signUp); // leak TC1001 logging-objects
        logger.LogInformation("Volunteer {@SignUp}", signUp with { DbsCertificateNumber = "****", Email = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Shifts this year {Shifts}", profile?.ShiftsThisYear ?? 0); // clean precision-about
        LogSignedUp(logger, signUp.FullName, signUp.Email, signUp.StoreCode); // clean logging-objects
        LogDbsChecked(logger, signUp.DbsCertificateNumber, signUp.StoreCode); // leak TC1001 logging-objects
        return Ok();
    }

    [HttpPost("volunteers/{volunteerId}/shifts/{shiftId}")]
    public async Task<ActionResult> BookShift(string volunteerId, string shiftId, CancellationToken ct)
    {
        using var activity = Source.StartActivity("community.shift.book");
        activity?.SetTag("shift.id", shiftId); // clean precision-names
        var slot = await registry.SlotAsync(shiftId, ct);
        logger.LogInformation("Slot {@Slot}", slot); // clean logging-objects
        activity?.SetTag("shift.site_code", slot?.SiteCode); // clean precision-names
        activity?.SetTag("shift.volunteers_needed", slot?.VolunteersNeeded); // clean precision-about
        await registry.BookAsync(volunteerId, shiftId, ct);
        logger.LogInformation("Booked volunteer {VolunteerId} onto {ShiftId}", volunteerId, shiftId); // leak TC1001 direct
        activity?.SetTag("volunteer.previous_email", _lastSignUp?.Email); // leak TC1001 cross-member
        activity?.SetTag("volunteer.previous_store", _lastSignUp?.StoreCode); // clean cross-member
        var lane = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(volunteerId)))[..2];
        activity?.SetTag("volunteer.lane", lane); // leak TC1002 hashes
        activity?.SetTag("volunteer.hmac_lane", HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(volunteerId))[0] % 4); // clean hashes
        return Ok(shiftId);
    }

    [HttpPost("collections")]
    public ActionResult Collect([FromBody] DonationPointCollection collection)
    {
        using var activity = Source.StartActivity("community.collection");
        activity?.SetTag("collection.id", collection.CollectionId); // clean precision-names
        activity?.SetTag("foodbank.code", collection.FoodbankCode); // clean precision-names
        activity?.SetTag("collection.crates", collection.Crates); // clean precision-about
        logger.LogInformation("Collection {@Collection}", collection); // clean logging-objects
        Kilos.Record(collection.Kilograms, new KeyValuePair<string, object?>("store", collection.StoreCode), new KeyValuePair<string, object?>("foodbank", collection.FoodbankCode)); // clean precision-names
        var label = $"{collection.StoreCode}/{collection.FoodbankCode}: {collection.Crates} crates, {collection.Kilograms:0.0} kg";
        activity?.SetTag("collection.label", label); // clean strings
        Meter.CreateStoredonateOperationDurationHistogram().Record(0.1, collection.StoreCode); // clean generated-api
        return Ok(collection.CollectionId);
    }

    [LoggerMessage(EventId = 4601, Level = LogLevel.Information, Message = "{FullName} ({Email}) signed up at {StoreCode}")]
    private static partial void LogSignedUp(ILogger logger, [PrivateData] string fullName, [PrivateData] string email, string storeCode);

    [LoggerMessage(EventId = 4602, Level = LogLevel.Information, Message = "DBS certificate {CertificateNumber} checked for {StoreCode}")]
    private static partial void LogDbsChecked(ILogger logger, string certificateNumber, string storeCode);
}
