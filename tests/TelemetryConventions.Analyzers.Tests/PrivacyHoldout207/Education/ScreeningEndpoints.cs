using PrivacyHoldout207.Telemetry;

namespace PrivacyHoldout207.Education;

public sealed record ScreeningSubmission(string Upn, string PupilName, string School, string RoundId, string HearingOutcome, string VisionOutcome, string ParentEmail, int LeftAcuityLogMar, int RightAcuityLogMar);

/// <summary>The school nursing team's screening API: reception-year hearing and vision checks.</summary>
public static partial class ScreeningEndpoints
{
    private static readonly ActivitySource Source = new("SchoolScreening");
    private static readonly Meter ScreeningMeter = new("SchoolScreening");
    private static readonly Counter<long> Referrals = ScreeningMeter.CreateCounter<long>("screening.referrals");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/screening/results", SubmitAsync);
        routes.MapGet("/screening/rounds/{roundId}", RoundAsync);
    }

    private static async Task<object> SubmitAsync(ScreeningSubmission submission, ScreeningStore store, ILogger<ScreeningStore> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, CancellationToken ct)
    {
        using var span = Source.StartSchoolsightOperation(submission.School);
        var pupil = pseudonymizer.PseudonymizeSchoolsightClientId(submission.Upn);
        span.SetSchoolsightClientId(pupil); // clean precision-pseudonym
        span.SetSchoolsightService("hearing-test"); // clean generated-api
        span.SetSchoolsightOutcome(submission.HearingOutcome); // clean generated-api
        span.SetSchoolsightNote($"{submission.PupilName} referred for {submission.VisionOutcome}"); // leak TC1001 generated-api

        var activity = Activity.Current;
        activity?.SetTag("screening.round.id", submission.RoundId); // clean precision-names
        activity?.SetTag("screening.pupil.upn", submission.Upn); // leak TC1001 direct
        activity?.SetTag("screening.pupil_count", 1); // clean precision-names
        activity?.SetTag("screening.vision.logmar_worse_eye", Math.Max(submission.LeftAcuityLogMar, submission.RightAcuityLogMar)); // clean precision-about
        activity?.SetTag("screening.parent.email_domain", submission.ParentEmail.Split('@')[1]); // clean precision-about
        activity?.SetTag("screening.parent.email", submission.ParentEmail); // leak TC1001 direct
        activity?.SetTag(SchoolsightAttributes.Contact, submission.ParentEmail); // leak TC1001 generated-api

        var result = new ScreeningResult(submission.Upn, submission.PupilName, submission.School, submission.HearingOutcome, submission.VisionOutcome, submission.ParentEmail);
        await store.SaveAsync(result, ct);
        logger.LogInformation("Screened {Result}", result); // leak TC1001 logging-objects
        logger.LogInformation("Screened {Result}", result with { Upn = "", PupilName = "", ParentEmail = "" }); // clean logging-objects
        logger.LogInformation("Screened {Result}", result with { PupilName = "" }); // leak TC1001 logging-objects

        if (submission.HearingOutcome == "refer")
        {
            Referrals.Add(1, new KeyValuePair<string, object?>("school", submission.School)); // clean precision-about
            Referrals.Add(1, new KeyValuePair<string, object?>("pupil", submission.Upn)); // leak TC1003 direct
            Referrals.Add(1, new KeyValuePair<string, object?>("pupil", pupil)); // leak TC1003 precision-pseudonym
        }

        var bucket = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(submission.Upn))) % 16;
        activity?.SetTag("screening.bucket", bucket); // clean hashes
        activity?.SetTag("screening.pupil_hash", submission.Upn.GetHashCode()); // leak TC1002 hashes
        var md5 = Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(submission.PupilName + submission.School)));
        logger.LogDebug("Pupil key {Key}", md5); // leak TC1002 hashes

        LogParentLetter(logger, submission.RoundId, submission.ParentEmail); // clean logging-objects
        LogParentLetterUnclassified(logger, submission.RoundId, submission.ParentEmail); // leak TC1001 logging-objects
        return new { submission.RoundId };
    }

    private static async Task<object> RoundAsync(string roundId, ScreeningStore store, ILogger<ScreeningStore> logger, CancellationToken ct)
    {
        var activity = Activity.Current;
        try
        {
            var summary = await store.SummaryAsync(roundId, ct);
            logger.LogInformation("Round {@Summary}", summary); // clean logging-objects
            activity?.SetTag("screening.round.referred", summary.Referred); // clean precision-about
            activity?.SetTag("screening.school", summary.School); // clean precision-about
            return summary;
        }
        catch (RoundClosedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Round {RoundId} closed", roundId); // clean exceptions
            logger.LogSchoolsightOperationFailedEvent("screening", "round-closed", schoolsightNote: ex.Message); // clean generated-api
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Letter for round {RoundId} sent to {ParentEmail}")]
    private static partial void LogParentLetter(ILogger logger, string roundId, [PrivateData] string parentEmail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Letter for round {RoundId} queued for {ParentEmail}")]
    private static partial void LogParentLetterUnclassified(ILogger logger, string roundId, string parentEmail);
}
