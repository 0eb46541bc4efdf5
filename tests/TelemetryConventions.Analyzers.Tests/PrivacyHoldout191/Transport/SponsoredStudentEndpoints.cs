namespace PrivacyHoldout191.Transport;

public sealed record SponsorshipEnrolment(string SponsorshipId, string StudentNumber, string FullName, string Mobile, string University, string Depot, string ParentName, string ParentEmail, decimal Bursary);

public sealed record RepaymentNotice(string NoticeId, string SponsorshipId, string CustomerReference, string StudentName, decimal Amount, int Months);

/// <summary>A rail operator's sponsored engineering students: enrolment, bursary instalments and repayments when a student leaves.</summary>
public static partial class SponsoredStudentEndpoints
{
    private static readonly ActivitySource Source = new("Rail.SponsoredStudents");
    private static readonly Meter RailMeter = new("Rail.SponsoredStudents");
    private static readonly Counter<long> Enrolments = RailMeter.CreateCounter<long>("sponsorship.enrolments");
    private static readonly Histogram<double> Repayments = RailMeter.CreateHistogram<double>("sponsorship.repayment.amount");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/sponsorships", Enrol);
        routes.MapPost("/sponsorships/{id}/repayments", RaiseRepaymentAsync);
    }

    private static ActionResult Enrol(SponsorshipEnrolment enrolment, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, Meter meter, ILogger<SponsorshipEnrolment> logger)
    {
        using var activity = Source.StartActivity("sponsorship.enrol");
        activity?.SetTag("sponsorship.id", enrolment.SponsorshipId); // clean precision-names
        activity?.SetTag("sponsorship.university", enrolment.University); // clean precision-names
        activity?.SetTag("sponsorship.depot", enrolment.Depot); // clean precision-names
        activity?.SetTag("sponsorship.bursary", enrolment.Bursary); // clean precision-about
        activity?.SetTag("sponsorship.student.number", enrolment.StudentNumber); // leak TC1001 direct
        activity?.SetTag("sponsorship.student.name", enrolment.FullName); // leak TC1001 direct
        activity?.SetTag("sponsorship.student.mobile", enrolment.Mobile); // leak TC1001 direct
        activity?.SetTag("sponsorship.student.mobile_prefix", enrolment.Mobile[..3]); // clean precision-about
        activity?.SetTag("sponsorship.parent.name", enrolment.ParentName); // leak TC1001 direct
        activity?.SetTag("sponsorship.parent.email", enrolment.ParentEmail); // leak TC1001 direct
        activity?.SetTag("sponsorship.parent.given", !string.IsNullOrWhiteSpace(enrolment.ParentEmail)); // clean precision-about
        activity?.SetTag("sponsorship.parentDeclarationStatus", "pending"); // clean precision-names
        activity?.SetTag("sponsorship.studentCount", 1); // clean precision-names
        activity?.SetTag("sponsorship.student.pseudonym", pseudonymizer.ComputeRailsponsorStudentId(enrolment.StudentNumber)); // clean precision-pseudonym
        activity?.SetTag("sponsorship.student.raw_pseudonym", pseudonymizer.Compute("student", enrolment.StudentNumber)); // clean precision-pseudonym
        Enrolments.Add(1, new KeyValuePair<string, object?>("depot", enrolment.Depot)); // clean precision-names
        Enrolments.Add(1, new KeyValuePair<string, object?>("student", enrolment.FullName)); // leak TC1003 direct
        Enrolments.Add(1, new KeyValuePair<string, object?>("student", pseudonymizer.ComputeRailsponsorStudentId(enrolment.StudentNumber))); // leak TC1003 precision-pseudonym
        Activity.Current?.AddBaggage("sponsorship.student", enrolment.StudentNumber); // leak TC1001 direct
        Activity.Current?.AddBaggage("sponsorship.depot", enrolment.Depot); // clean precision-names

        using var op = Source.StartRailsponsorOperation(enrolment.Depot);
        op.SetRailsponsorStudentId(pseudonymizer.PseudonymizeRailsponsorStudentId(enrolment.StudentNumber)); // clean generated-api
        op.SetRailsponsorScheme("engineering-sponsorship"); // clean generated-api
        op.SetRailsponsorNote($"enrolled at {enrolment.University} for {enrolment.Depot}"); // clean generated-api
        op.SetRailsponsorNote($"parent {enrolment.ParentName} <{enrolment.ParentEmail}>"); // leak TC1001 generated-api
        logger.LogRailsponsorOperationFailedEvent(enrolment.Depot, enrolment.Mobile); // leak TC1001 generated-api

        logger.LogInformation("Enrolled {Enrolment}", enrolment); // leak TC1001 logging-objects
        logger.LogInformation("Enrolled {@Enrolment}", enrolment with { Mobile = enrolment.Mobile[..3] + "********" }); // leak TC1001 logging-objects
        logger.LogInformation("Enrolled {Enrolment}", new { enrolment.SponsorshipId, enrolment.University, enrolment.Depot, enrolment.Bursary }); // clean logging-objects
        logger.LogInformation("Enrolled {Enrolment}", new { enrolment.SponsorshipId, Contact = enrolment.Mobile }); // leak TC1001 logging-objects
        using (logger.BeginScope(new Dictionary<string, object?> { ["SponsorshipId"] = enrolment.SponsorshipId, ["Depot"] = enrolment.Depot })) // clean logging-objects
        using (logger.BeginScope(new Dictionary<string, object?> { ["ParentEmail"] = enrolment.ParentEmail })) // leak TC1001 logging-objects
        {
            LogEnrolled(logger, enrolment.SponsorshipId, enrolment.FullName); // clean logging-objects
            LogEnrolledContact(logger, enrolment.SponsorshipId, enrolment.Mobile); // leak TC1001 logging-objects
        }

        var welcome = $"Welcome {enrolment.FullName} to the {enrolment.Depot} depot";
        logger.LogInformation("Welcome message {Message}", welcome); // leak TC1001 strings
        var route = $"{enrolment.University} -> {enrolment.Depot}";
        logger.LogInformation("Placement route {Route}", route); // clean strings
        var names = string.Concat(enrolment.FullName, " / ", enrolment.ParentName);
        Activity.Current?.SetTag("sponsorship.people", names); // leak TC1001 strings

        using var sha = SHA256.Create();
        var studentHash = Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(enrolment.StudentNumber)));
        logger.LogInformation("Student hash {Hash}", studentHash); // leak TC1002 hashes
        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        var studentMac = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(enrolment.StudentNumber)));
        logger.LogInformation("Student mac {Mac}", studentMac); // clean hashes
        Activity.Current?.SetTag("sponsorship.mobile_hash", enrolment.Mobile.GetHashCode()); // leak TC1002 hashes
        Activity.Current?.SetTag("sponsorship.id_hash", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(enrolment.SponsorshipId)))); // clean hashes
        return Ok(enrolment.SponsorshipId);
    }

    private static async Task<ActionResult> RaiseRepaymentAsync(string id, RepaymentNotice notice, IFundingStore store, Pseudonymizer pseudonymizer, Meter meter, ILogger<RepaymentNotice> logger, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = Source.StartActivity("sponsorship.repayment");
        activity?.SetTag("repayment.notice", notice.NoticeId); // clean precision-names
        activity?.SetTag("repayment.amount", notice.Amount); // clean precision-about
        activity?.SetTag("repayment.months", notice.Months); // clean precision-about
        activity?.SetTag("repayment.crn", notice.CustomerReference); // leak TC1001 direct
        activity?.SetTag("repayment.student", notice.StudentName); // leak TC1001 direct
        Repayments.Record((double)notice.Amount, new KeyValuePair<string, object?>("months", notice.Months)); // clean precision-about
        Repayments.Record((double)notice.Amount, new KeyValuePair<string, object?>("crn", notice.CustomerReference)); // leak TC1003 direct
        logger.LogInformation("Repayment notice {@Notice}", notice); // leak TC1001 logging-objects
        logger.LogInformation("Repayment notice {NoticeId} for sponsorship {SponsorshipId}", notice.NoticeId, notice.SponsorshipId); // clean precision-names
        var reference = NoticeReference(notice);
        activity?.SetTag("repayment.reference", reference); // leak TC1001 cross-member
        activity?.SetTag("repayment.ledger", LedgerFor(notice)); // clean cross-member
        try
        {
            var student = await store.FindStudentAsync(notice.CustomerReference, cancellationToken) ?? throw new StudentNotFoundException(notice.CustomerReference);
            activity?.SetTag("repayment.student_email_domain", student.Email.Split('@').Last()); // clean precision-about
            activity?.SetTag("repayment.student_email", student.Email); // leak TC1001 direct
            if (notice.Amount > 20_000m)
            {
                throw new FundExhaustedException("sponsorship-repayments", "2025/26");
            }
        }
        catch (StudentNotFoundException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            activity?.SetTag("exception.type", ex.GetType().Name); // clean exceptions
            logger.LogRailsponsorOperationFailedEvent("repayments", "student-not-found", pseudonymizer.PseudonymizeRailsponsorStudentId(notice.CustomerReference), "no student record"); // clean generated-api
        }
        catch (FundExhaustedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogError(ex, "Repayment {NoticeId} refused", notice.NoticeId); // clean exceptions
        }

        meter.CreateRailsponsorOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "repayments"); // clean generated-api
        meter.CreateRailsponsorOperationsCounter().Add(1, "repayments", "raised"); // clean generated-api
        meter.CreateRailsponsorOperationsCounter().Add(1, notice.StudentName, "raised"); // leak TC1003 generated-api
        return Ok(notice.NoticeId);
    }

    private static ActionResult Ok(object? value) => new OkResult(value);

    private static string NoticeReference(RepaymentNotice notice) => $"SPONSOR-REPAY {notice.CustomerReference}/{notice.Months}";

    private static string LedgerFor(RepaymentNotice notice) => $"RPY-{notice.SponsorshipId}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrolled {SponsorshipId} for {StudentName}")]
    private static partial void LogEnrolled(ILogger logger, string sponsorshipId, [PrivateData] string studentName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrolled {SponsorshipId}, contact {Mobile}")]
    private static partial void LogEnrolledContact(ILogger logger, string sponsorshipId, string mobile);
}
