namespace PrivacyHoldout193.Education;

public sealed record CCardRegistration(string StudentNumber, string PreferredName, DateOnly DateOfBirth, string CampusCode, string Mobile, bool GillickAssessed);

public sealed record DropInRequest(string StudentNumber, string CampusCode, string SessionId, string Topic);

public sealed record ConcernRequest(string StudentNumber, string YoungPersonName, DateOnly DateOfBirth, string Concern, string ReferrerStaffId, string RiskLevel);

/// <summary>A college's young people's service: C-card condom scheme, sexual health drop-ins and safeguarding concerns.</summary>
public static partial class YoungPeoplesServiceEndpoints
{
    private static readonly ActivitySource Source = new("College.YoungPeople");
    private static readonly Meter Meter = new("College.YoungPeople");
    private static readonly Counter<long> Registrations = Meter.CreateCounter<long>("ccard.registrations");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/ccard/register", async (CCardRegistration reg, Pseudonymizer pseudonymizer, SexualHealthOptions options, ILogger<CCardRegistration> logger) =>
        {
            using var span = Source.StartCcardOperation(reg.CampusCode);
            span.SetCcardKind("c-card"); // clean precision-names
            span.SetCcardClientId(pseudonymizer.PseudonymizeCcardClientId(reg.StudentNumber)); // clean precision-pseudonym
            var age = AgeOn(reg.DateOfBirth, DateOnly.FromDateTime(DateTime.UtcNow));
            Activity.Current?.SetTag("ccard.age_years", age); // clean precision-about
            Activity.Current?.SetTag("ccard.gillick_assessed", reg.GillickAssessed); // clean precision-about
            Activity.Current?.SetTag("ccard.date_of_birth", reg.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // leak TC1001 direct
            Activity.Current?.SetTag("ccard.student_number", reg.StudentNumber); // leak TC1001 direct

            if (age < options.SafeguardingReviewAge && !reg.GillickAssessed)
            {
                var refused = new AgeCheckFailedException(reg.DateOfBirth, "c-card");
                Activity.Current?.SetStatus(ActivityStatusCode.Error, refused.Message); // leak TC1001 exceptions
                span.SetCcardOutcome("gillick-needed"); // clean precision-about
                logger.LogCcardOperationFailedEvent(reg.CampusCode, "gillick-needed"); // clean generated-api
                return new { status = "refer", age };
            }

            logger.LogInformation("C-card registered {Registration}", reg); // leak TC1001 logging-objects
            logger.LogInformation("C-card registered at {Campus} for age {Age}", reg.CampusCode, age); // clean precision-about
            Registrations.Add(1, new KeyValuePair<string, object?>("campus", reg.CampusCode), new KeyValuePair<string, object?>("age", age)); // clean precision-about
            Registrations.Add(1, new KeyValuePair<string, object?>("student", reg.StudentNumber)); // leak TC1003 direct
            LogCardIssued(logger, reg.PreferredName, reg.CampusCode); // clean logging-objects
            return new { status = "registered", age };
        });

        routes.MapPost("/dropins", async (DropInRequest req, Pseudonymizer pseudonymizer, ILogger<DropInRequest> logger) =>
        {
            using var span = Source.StartCcardOperation(req.CampusCode);
            span.SetCcardKind("drop-in"); // clean precision-names
            span.SetCcardChannel("walk-in"); // clean precision-about
            Activity.Current?.SetTag("dropin.session_id", req.SessionId); // clean precision-names
            Activity.Current?.SetTag("dropin.topic", req.Topic); // clean precision-about
            var student = pseudonymizer.ComputeCcardClientId(req.StudentNumber);
            logger.LogInformation("Drop-in {Session} booked by {Student}", req.SessionId, student); // clean precision-pseudonym
            Meter.CreateCcardOperationsCounter().Add(1, req.CampusCode, "booked"); // clean generated-api
            Meter.CreateCcardOperationsCounter().Add(1, student, "booked"); // leak TC1003 generated-api
            var bucket = req.StudentNumber.GetHashCode() % 32;
            Activity.Current?.SetTag("dropin.student_bucket", bucket); // leak TC1002 hashes
            Activity.Current?.SetTag("dropin.student_number_length", req.StudentNumber.Length); // clean precision-about
            return new { req.SessionId };
        });

        routes.MapPost("/concerns", async (ConcernRequest req, ISafeguardingRegister register, Pseudonymizer pseudonymizer, ILogger<ConcernRequest> logger, CancellationToken ct) =>
        {
            using var span = Source.StartCcardOperation("safeguarding");
            span.SetCcardKind("safeguarding"); // clean precision-names
            span.SetCcardClientId(Pseudonym.FromComputed(req.StudentNumber)); // leak TC1001 generated-api
            Activity.Current?.SetTag("safeguarding.risk_level", req.RiskLevel); // clean precision-about
            Activity.Current?.SetTag("safeguarding.concern_length", req.Concern.Length); // clean precision-about
            Activity.Current?.SetTag("safeguarding.referrer", req.ReferrerStaffId); // leak TC1001 direct
            Activity.Current?.SetTag("safeguarding.referrer", pseudonymizer.Compute(Spaces.Staff, req.ReferrerStaffId)); // clean precision-pseudonym

            var referral = new SafeguardingReferral(Guid.NewGuid().ToString("N"), req.YoungPersonName, req.DateOfBirth, req.Concern, req.ReferrerStaffId, req.RiskLevel);
            var triage = await register.FileAsync(referral, ct);
            logger.LogInformation("Referral triaged {@Triage}", triage); // clean logging-objects
            logger.LogInformation("Referral filed {@Referral}", referral); // leak TC1001 logging-objects
            logger.LogInformation("Referral filed {@Referral}", referral with { YoungPersonName = "[withheld]", Concern = "[withheld]", DateOfBirth = default }); // clean logging-objects
            span.SetCcardNote(req.Concern); // leak TC1001 generated-api
            span.SetCcardNote($"referral {triage.ReferralId}, risk {triage.RiskLevel}, strategy meeting {triage.StrategyMeeting}"); // clean generated-api
            var summary = string.Format(CultureInfo.InvariantCulture, "{0} ({1:d}) referred: {2}", req.YoungPersonName, req.DateOfBirth, req.RiskLevel);
            Activity.Current?.AddEvent(new ActivityEvent("referral.filed", tags: new ActivityTagsCollection { ["summary"] = summary })); // leak TC1001 strings
            Activity.Current?.AddEvent(new ActivityEvent("referral.triaged", tags: new ActivityTagsCollection { ["referral.id"] = triage.ReferralId, ["age"] = triage.AgeInYears })); // clean precision-names
            LogConcernFiled(logger, req.YoungPersonName, triage.ReferralId); // clean logging-objects
            return new { triage.ReferralId };
        });
    }

    private static int AgeOn(DateOnly dateOfBirth, DateOnly today) =>
        today.Year - dateOfBirth.Year - (today.DayOfYear < dateOfBirth.DayOfYear ? 1 : 0);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "C-card issued to {PreferredName} at {Campus}")]
    private static partial void LogCardIssued(ILogger logger, [PrivateData] string preferredName, string campus);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Safeguarding concern about {YoungPerson} filed as {ReferralId}")]
    private static partial void LogConcernFiled(ILogger logger, [PrivateData] string youngPerson, string referralId);
}
