namespace PrivacyHoldout208.Healthcare;

/// <summary>A trust's car park desk: checks blue badges of patients and visitors and cancels or upholds notices.</summary>
[ApiController]
[Route("api/car-park")]
public sealed partial class CarParkEnforcementController(
    IPenaltyNoticeStore notices,
    IBlueBadgeRegister badges,
    Pseudonymizer pseudonymizer,
    ParkingServiceOptions options,
    ILogger<CarParkEnforcementController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.CarPark.Enforcement");
    private static readonly Meter Meter = new("Trust.CarPark.Enforcement");
    private static readonly Counter<long> BadgeChecks = Meter.CreateCounter<long>("carpark.badge.checks");
    private static readonly Histogram<double> CheckSeconds = Meter.CreateHistogram<double>("carpark.badge.check.duration", "s");

    private string? _currentBadge;

    public sealed record BadgeCheckRequest(string PcnNumber, string BadgeNumber, string ClinicCode, string? VisitorEmail, string? PatientMrn);

    [HttpPost("badge-check")]
    public async Task<ActionResult> CheckBadgeAsync([FromBody] BadgeCheckRequest request, CancellationToken ct)
    {
        using var activity = Source.StartActivity("carpark.badge.check");
        activity?.SetTag("carpark.pcn.number", request.PcnNumber); // clean precision-names
        activity?.SetTag("carpark.clinic", request.ClinicCode); // clean precision-names
        activity?.SetTag("carpark.badge.number", request.BadgeNumber); // leak TC1001 direct
        activity?.SetTag("carpark.badge.council", request.BadgeNumber[..3]); // clean precision-about
        activity?.SetTag("carpark.visitor.email", request.VisitorEmail); // leak TC1001 direct
        activity?.SetTag("carpark.visitor.email_domain", request.VisitorEmail?.Split('@').Last()); // clean precision-about
        activity?.SetTag("carpark.patient.mrn", request.PatientMrn); // leak TC1001 direct
        activity?.SetTag("carpark.patient.has_mrn", request.PatientMrn is not null); // clean precision-about
        activity?.SetTag("carpark.request.trace", HttpContext.TraceIdentifier); // clean precision-names
        activity?.SetTag("carpark.staff.user", HttpContext.User.Email); // leak TC1001 direct
        Activity.Current?.AddBaggage("carpark.badge", request.BadgeNumber); // leak TC1001 direct
        Activity.Current?.AddBaggage("carpark.clinic", request.ClinicCode); // clean precision-names

        _currentBadge = request.BadgeNumber;
        var started = Stopwatch.GetTimestamp();

        var notice = await notices.FindAsync(request.PcnNumber, ct);
        if (notice is null)
        {
            logger.LogWarning("No notice {PcnNumber} at clinic {Clinic}", request.PcnNumber, request.ClinicCode); // clean precision-names
            return NotFound();
        }

        try
        {
            var badge = await badges.LookupAsync(request.BadgeNumber, ct) ?? throw new BadgeInvalidException(request.BadgeNumber);
            var valid = badge.Expiry >= DateOnly.FromDateTime(notice.IssuedAt.UtcDateTime);
            activity?.SetTag("carpark.badge.valid", valid); // clean precision-about
            activity?.SetTag("carpark.badge.holder", badge.HolderName); // leak TC1001 direct
            activity?.SetTag("carpark.badge.expiry_year", badge.Expiry.Year); // clean precision-about
            logger.LogInformation("Badge {Badge} checked for notice {PcnNumber}", badge, notice.PcnNumber); // leak TC1001 logging-objects
            logger.LogInformation("Badge issued by {Council} valid {Valid}", badge.IssuingCouncil, valid); // clean precision-names
            LogBadgeHolder(logger, badge.HolderName, notice.PcnNumber); // clean logging-objects
            LogBadgeChecked(logger, request.BadgeNumber, valid); // leak TC1001 logging-objects
            BadgeChecks.Add(1, new KeyValuePair<string, object?>("carpark.clinic", request.ClinicCode), new KeyValuePair<string, object?>("carpark.valid", valid)); // clean precision-about
            BadgeChecks.Add(1, new KeyValuePair<string, object?>("carpark.badge", request.BadgeNumber)); // leak TC1003 direct
            CheckSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("carpark.badge.holder", pseudonymizer.ComputeCarparkcareClientId(badge.BadgeNumber))); // leak TC1003 precision-pseudonym

            var holder = pseudonymizer.PseudonymizeCarparkcareClientId(badge.BadgeNumber);
            using var op = Source.StartCarparkcareOperation(request.ClinicCode)
                .SetCarparkcareClientId(holder) // clean generated-api
                .SetCarparkcareContravention(notice.ContraventionCode) // clean generated-api
                .SetCarparkcareOutcome(valid ? "cancelled" : "upheld"); // clean generated-api
            op.SetCarparkcareNote($"badge {badge.BadgeNumber} held by {badge.HolderName}"); // leak TC1001 generated-api
            op.SetCarparkcareNote(request.VisitorEmail ?? string.Empty); // leak TC1001 generated-api
            op.SetCarparkcareMinutes((long)(DateTimeOffset.UtcNow - notice.IssuedAt).TotalMinutes); // clean generated-api
            Meter.CreateCarparkcareOperationsCounter().Add(1, carparkcareSite: request.ClinicCode, carparkcareOutcome: valid ? "cancelled" : "upheld"); // clean generated-api
            Meter.CreateCarparkcareOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, carparkcareSite: holder.Value); // leak TC1003 generated-api
            activity?.SetTag("carpark.badge.pseudonym", holder.Value); // clean precision-pseudonym
            logger.LogInformation("Holder {Holder} checked", holder); // clean precision-pseudonym

            if (valid)
            {
                await notices.SetStatusAsync(notice.PcnNumber, "cancelled", ct);
                logger.LogInformation("Cancelled {Summary}", new NoticeSummary(notice.PcnNumber, notice.ContraventionCode, notice.ZoneCode, notice.Amount, "cancelled")); // clean logging-objects
            }

            return Ok(new { notice.PcnNumber, valid });
        }
        catch (BadgeInvalidException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Badge check failed: {Reason}", ex.Message); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "badge not valid"); // clean exceptions
            logger.LogCarparkcareOperationFailedEvent(carparkcareSite: request.ClinicCode, carparkcareOutcome: "badge-invalid", carparkcareNote: ex.GetType().Name); // clean generated-api
            return BadRequest("badge not valid");
        }
    }

    [HttpGet("badge-check/last")]
    public ActionResult LastBadge()
    {
        Activity.Current?.SetTag("carpark.badge.last", _currentBadge); // leak TC1001 cross-member
        Activity.Current?.SetTag("carpark.badge.last_council", _currentBadge?[..3]); // clean cross-member
        return Ok();
    }

    public void TagVisitorHash(Activity? activity, string visitorEmail, string pcnNumber)
    {
        activity?.SetTag("carpark.visitor.md5", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(visitorEmail.ToLowerInvariant())))); // leak TC1002 hashes
        activity?.SetTag("carpark.visitor.hmac", Convert.ToHexString(HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(visitorEmail)))); // clean hashes
        activity?.SetTag("carpark.pcn.bucket", pcnNumber.GetHashCode() % 10); // clean hashes
    }

    public string DescribeForAudit(BlueBadge badge, PenaltyChargeNotice notice)
    {
        var sb = new StringBuilder();
        sb.Append("notice ").Append(notice.PcnNumber).Append(" badge ").Append(badge.BadgeNumber);
        Activity.Current?.SetTag("carpark.audit", sb.ToString()); // leak TC1001 strings
        var zones = string.Join(",", new[] { notice.ZoneCode, notice.ContraventionCode });
        Activity.Current?.SetTag("carpark.audit.zones", zones); // clean strings
        return sb.ToString();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Badge held by {HolderName} on notice {PcnNumber}")]
    private static partial void LogBadgeHolder(ILogger logger, [PrivateData] string holderName, string pcnNumber);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Badge {BadgeNumber} valid {Valid}")]
    private static partial void LogBadgeChecked(ILogger logger, string badgeNumber, bool valid);
}
