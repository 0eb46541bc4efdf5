namespace PrivacyHoldout153.Education;

/// <summary>Runs a reception-year vision screening round at a school and writes to parents of pupils who are referred.</summary>
public sealed partial class VisionScreeningService(
    IScreeningRoster roster,
    IParentLetters letters,
    HighStreetOptions options,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<VisionScreeningService> logger)
{
    private static readonly ActivitySource Source = new("HighStreet.Screening.Vision");
    private static readonly Meter Meter = new("HighStreet.Screening.Vision");
    private static readonly Counter<long> Referrals = Meter.CreateCounter<long>("screening.vision.referrals");

    private readonly Dictionary<string, decimal> _worstEyes = new();
    private string? _lastAbsentPupil;

    public async Task RunRoundAsync(ScreeningRound round, IReadOnlyList<VisionResult> results, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartScreeningOperation(round.SchoolUrn);
        span.SetScreeningTest("vision-logmar").SetScreeningPupilCount(round.Pupils); // clean precision-about
        logger.LogInformation("Round {RoundId} at {School} on {Date}", round.RoundId, round.SchoolUrn, round.On); // clean precision-names

        var pupils = await roster.ListAsync(round.SchoolUrn, cancellationToken);
        foreach (var pupil in pupils.Where(p => results.All(r => r.Upn != p.Upn)))
        {
            _lastAbsentPupil = pupil.Upn;
            logger.LogInformation("Absent on the day: {Pupil}", $"{pupil.FirstName} {pupil.LastName[0]}."); // leak TC1001 strings
        }

        foreach (var result in results)
        {
            _worstEyes[result.Upn] = Math.Max(result.LeftLogMar, result.RightLogMar);
            if (!result.Refer)
            {
                continue;
            }

            Referrals.Add(1, new KeyValuePair<string, object?>("screening.school", round.SchoolUrn)); // clean precision-about
            Referrals.Add(1, new KeyValuePair<string, object?>("screening.pupil", result.Upn)); // leak TC1003 direct
            var parent = await roster.ParentOfAsync(result.Upn, cancellationToken);
            if (parent is null)
            {
                logger.LogScreeningOperationFailedEvent(round.SchoolUrn, "no-parent", screeningPupilId: pseudonymizer.PseudonymizeScreeningPupilId(result.Upn)); // clean generated-api
                continue;
            }

            await letters.SendAsync(parent.ParentEmail, options.ReferralLetterTemplateId, result, cancellationToken);
            logger.LogInformation("Referral letter {TemplateId} sent for {Result}", options.ReferralLetterTemplateId, result); // leak TC1001 logging-objects
            logger.LogInformation("Referral letter sent to {ParentEmailDomain}", parent.ParentEmail[(parent.ParentEmail.IndexOf('@') + 1)..]); // clean precision-about
            LogLetterSent(logger, parent.ParentName, result.Refer); // clean logging-objects
            LogLetterFailedOver(logger, parent.ParentMobile); // leak TC1001 logging-objects
            span.SetScreeningParentId(pseudonymizer.PseudonymizeScreeningParentId(parent.ParentEmail)); // clean precision-pseudonym
        }

        RecordRoundDuration(round.SchoolUrn, Stopwatch.GetElapsedTime(started).TotalSeconds);
        span.SetScreeningOutcome("recorded");
    }

    private static void RecordRoundDuration(string school, double seconds) =>
        Meter.CreateScreeningRoundDurationHistogram().Record(seconds, school); // clean generated-api

    public void Summarise(Activity? activity)
    {
        activity?.SetTag("screening.vision.referred_count", _worstEyes.Count(e => e.Value > 0.2m)); // clean cross-member
        activity?.SetTag("screening.vision.worst", _worstEyes.OrderByDescending(e => e.Value).First().Key); // leak TC1001 cross-member
        activity?.SetTag("screening.vision.last_absent", _lastAbsentPupil); // leak TC1001 cross-member
        activity?.SetTag("screening.vision.any_absent", _lastAbsentPupil is not null); // clean cross-member
        var lane = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(_lastAbsentPupil ?? string.Empty))[0] % 8;
        activity?.SetTag("screening.vision.lane", lane); // clean hashes
        activity?.SetTag("screening.vision.absent_hash", (_lastAbsentPupil ?? string.Empty).GetHashCode() & 0xFFFF); // leak TC1002 hashes
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Referral letter for {ParentName} (referred: {Referred})")]
    private static partial void LogLetterSent(ILogger logger, [PrivateData] string parentName, bool referred);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Email bounced, falling back to text to {ParentMobile}")]
    private static partial void LogLetterFailedOver(ILogger logger, string parentMobile);
}
