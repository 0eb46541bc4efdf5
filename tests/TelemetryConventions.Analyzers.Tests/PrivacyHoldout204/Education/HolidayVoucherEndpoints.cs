namespace PrivacyHoldout204.Education;

public sealed record HolidayVoucherRequest(string Upn, string PupilName, string SchoolUrn, string ParentEmail, string ParentMobile, string HouseholdId, int Siblings);

public sealed record VoucherBatchResult(string SchoolUrn, int Issued, int Failed, decimal TotalValue);

/// <summary>A council's minimal API issuing holiday food vouchers to families of pupils on free school meals.</summary>
public static partial class HolidayVoucherEndpoints
{
    private static readonly ActivitySource Source = new("Council.HolidayVouchers");
    private static readonly Meter Meter = new("Council.HolidayVouchers");
    private static readonly Counter<long> Issued = Meter.CreateCounter<long>("holiday.vouchers.issued");
    private static readonly Histogram<double> VoucherValue = Meter.CreateHistogram<double>("holiday.voucher.value");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/holiday-vouchers", IssueAsync);
        routes.MapPost("/holiday-vouchers/{code}/redeem", RedeemAsync);
        routes.MapPost("/holiday-vouchers/batch/{schoolUrn}", IssueBatch);
    }

    public static async Task<ActionResult> IssueAsync(HolidayVoucherRequest request, VoucherLedger ledger, Pseudonymizer pseudonymizer, SmsSender sms, ILogger<HolidayVoucherRequest> logger, CancellationToken ct)
    {
        using var activity = Source.StartActivity("holiday-voucher.issue");
        activity?.SetTag("school.urn", request.SchoolUrn); // clean precision-names
        activity?.SetTag("pupil.upn", request.Upn); // leak TC1001 direct
        activity?.SetTag("parent.email_domain", request.ParentEmail.Split('@')[1]); // clean precision-about
        activity?.SetTag("parent.email", request.ParentEmail); // leak TC1001 direct
        activity?.SetTag("pupil.siblings", request.Siblings); // clean precision-about
        activity?.SetTag("household.id", request.HouseholdId); // leak TC1001 direct

        var family = pseudonymizer.Pseudonymize(Spaces.Client, request.HouseholdId);
        activity?.SetTag("family.id", family.Value); // clean precision-pseudonym
        logger.LogInformation("Issuing holiday voucher for family {Family}", family); // clean precision-pseudonym

        using var op = Source.StartHolidaymealsOperation(request.SchoolUrn).SetHolidaymealsClientId(family); // clean generated-api
        op.SetHolidaymealsScheme("fsm-holiday"); // clean generated-api

        var voucher = await ledger.IssueAsync(request.HouseholdId, request.SchoolUrn, ct);
        activity?.SetTag("voucher.code", voucher.VoucherCode); // leak TC1001 direct
        activity?.SetTag("voucher.code_length", voucher.VoucherCode.Length); // clean precision-about
        activity?.SetTag("voucher.expires", voucher.Expires.ToString("yyyy-MM-dd")); // clean precision-names
        logger.LogInformation("Issued {Voucher}", voucher); // leak TC1001 logging-objects
        logger.LogInformation("Voucher issued: {@Info}", new { voucher.ReferralId, voucher.Expires }); // clean logging-objects
        logger.LogInformation("Voucher issued: {@Info}", new { voucher.VoucherCode, request.SchoolUrn }); // leak TC1001 logging-objects

        var text = $"Your holiday food voucher is {voucher.VoucherCode}";
        await sms.SendAsync(request.ParentMobile, text, ct);
        activity?.AddEvent(new ActivityEvent("sms.sent", tags: new ActivityTagsCollection { ["sms.body"] = text })); // leak TC1001 strings
        activity?.AddEvent(new ActivityEvent("sms.sent", tags: new ActivityTagsCollection { ["sms.length"] = text.Length })); // clean precision-about
        logger.LogDebug("Texted {Mobile}", request.ParentMobile[..3] + "********"); // clean precision-about

        op.SetHolidaymealsOutcome("issued").SetHolidaymealsParcels(1); // clean generated-api
        op.SetHolidaymealsNote(request.ParentEmail); // leak TC1001 generated-api
        Issued.Add(1, new KeyValuePair<string, object?>("school", request.SchoolUrn)); // clean precision-names
        Issued.Add(1, new KeyValuePair<string, object?>("pupil", request.Upn)); // leak TC1003 direct
        VoucherValue.Record(15.0, new KeyValuePair<string, object?>("family", family.ToString())); // leak TC1003 precision-pseudonym
        LogVoucherIssued(logger, request.ParentEmail, request.PupilName, request.SchoolUrn); // clean logging-objects
        LogVoucherIssuedForPupil(logger, request.PupilName, request.SchoolUrn); // leak TC1001 logging-objects
        return new OkResult(voucher.ReferralId);
    }

    public static async Task<ActionResult> RedeemAsync(string code, string siteCode, VoucherLedger ledger, Pseudonymizer pseudonymizer, ILogger<HolidayVoucherRequest> logger, CancellationToken ct)
    {
        using var activity = Source.StartActivity("holiday-voucher.redeem");
        activity?.SetTag("redemption.site", siteCode); // clean precision-names
        try
        {
            await ledger.RedeemAsync(code, siteCode, ct);
        }
        catch (VoucherAlreadyRedeemedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"redeem failed: {ex.Message}"); // leak TC1001 exceptions
            logger.LogWarning("Redeem refused: {Error}", ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            logger.LogHolidaymealsOperationFailedEvent(siteCode, "already-redeemed"); // clean generated-api
            meter().CreateHolidaymealsOperationsCounter().Add(1, siteCode, code); // leak TC1003 generated-api
            return BadRequestFor("already redeemed");
        }
        catch (AgencyPortalUnavailableException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            activity?.SetTag("portal.status_code", ex.StatusCode); // clean exceptions
            return BadRequestFor("portal down");
        }

        var hash = MD5.HashData(Encoding.UTF8.GetBytes(code));
        activity?.SetTag("voucher.fingerprint", new Guid(hash).ToString()); // leak TC1002 hashes
        activity?.SetTag("voucher.hmac_prefix", Convert.ToHexString(HMACSHA256.HashData(ShardKey, Encoding.UTF8.GetBytes(code)))[..4]); // clean hashes
        logger.LogInformation("Voucher {Code} redeemed at {Site}", code, siteCode); // leak TC1001 direct
        return new OkResult(null);
    }

    public static ActionResult IssueBatch(string schoolUrn, IReadOnlyList<HolidayVoucherRequest> pupils, ILogger<HolidayVoucherRequest> logger)
    {
        using var activity = Source.StartActivity("holiday-voucher.batch");
        var names = string.Join(", ", pupils.Select(p => p.PupilName));
        logger.LogInformation("Batch for {School}: {Pupils}", schoolUrn, names); // leak TC1001 strings
        var summary = new StringBuilder().Append(schoolUrn).Append(": ").Append(pupils.Count).Append(" pupils, ").Append(pupils.Sum(p => p.Siblings)).Append(" siblings").ToString();
        activity?.SetTag("batch.summary", summary); // clean strings
        var emails = new StringBuilder();
        foreach (var pupil in pupils)
        {
            emails.Append(pupil.ParentEmail).Append(';');
        }

        activity?.SetTag("batch.recipients", emails.ToString()); // leak TC1001 strings
        var result = new VoucherBatchResult(schoolUrn, pupils.Count, 0, pupils.Count * 15m);
        logger.LogInformation("Batch done {@Result}", result); // clean logging-objects
        activity?.SetTag("batch.first_upn", FirstUpn(pupils)); // leak TC1001 cross-member
        activity?.SetTag("batch.upn_count", pupils.Select(p => p.Upn).Distinct().Count()); // clean precision-about
        using (logger.BeginScope(new Dictionary<string, object> { ["SchoolUrn"] = schoolUrn, ["PupilCount"] = pupils.Count })) // clean logging-objects
        {
            logger.LogInformation("Batch queued");
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["ParentEmails"] = emails.ToString() })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Batch recipients attached");
        }

        meter().CreateHolidaymealsOperationDurationHistogram().Record(1.2, schoolUrn); // clean generated-api
        return new OkResult(result);
    }

    private static byte[] ShardKey { get; } = new byte[32];

    private static Meter meter() => Meter;

    private static ActionResult BadRequestFor(string detail) => new BadRequestResult(detail);

    private static string FirstUpn(IReadOnlyList<HolidayVoucherRequest> pupils) => pupils.Count > 0 ? pupils[0].Upn : string.Empty;

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Voucher issued to {ParentEmail} for {PupilName} at {SchoolUrn}")]
    private static partial void LogVoucherIssued(ILogger logger, [PrivateData] string parentEmail, [PrivateData] string pupilName, string schoolUrn);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Voucher issued for {PupilName} at {SchoolUrn}")]
    private static partial void LogVoucherIssuedForPupil(ILogger logger, string pupilName, string schoolUrn);
}
