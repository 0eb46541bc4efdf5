namespace PrivacyHoldout150.Education;

/// <summary>Pairs students on the same module who asked for a study buddy, nightly, from the requests of the day.</summary>
public sealed partial class StudyBuddyMatcher(
    IStudentRecords records,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<StudyBuddyMatcher> logger)
{
    private readonly Counter<long> _pairings = meter.CreateCounter<long>("campus.buddy.pairings");
    private readonly Histogram<int> _clashes = meter.CreateHistogram<int>("campus.buddy.clashes");

    public async Task<IReadOnlyList<BuddyPairing>> PairAsync(string moduleCode, IReadOnlyList<string> studentNumbers, CancellationToken cancellationToken)
    {
        using var span = source.StartCampusOperation("uni-leeds");
        span.SetCampusModule(moduleCode).SetCampusPairCount(studentNumbers.Count / 2); // clean generated-api
        var pairings = new List<BuddyPairing>();
        var seekers = new List<BuddySeeker>();
        foreach (var number in studentNumbers)
        {
            var seeker = await records.FindAsync(number, cancellationToken);
            if (seeker is null)
            {
                var ex = new StudentNotEnrolledException(number);
                logger.LogWarning(ex, "Skipping a request on {ModuleCode}", moduleCode); // leak TC1001 exceptions
                Activity.Current?.AddEvent(new ActivityEvent("campus.skipped", tags: new ActivityTagsCollection { ["exception.type"] = ex.GetType().FullName })); // clean exceptions
                span.SetCampusNote(ex.Message); // leak TC1001 exceptions
                continue;
            }

            seekers.Add(seeker);
        }

        for (var i = 0; i + 1 < seekers.Count; i += 2)
        {
            var pairing = new BuddyPairing(Guid.NewGuid().ToString("N"), seekers[i].StudentNumber, seekers[i + 1].StudentNumber, moduleCode, 0);
            pairings.Add(pairing);
            LogPaired(logger, pairing.PairingId, seekers[i].StudentNumber, seekers[i + 1].StudentNumber); // clean logging-objects
            LogPairedForTutors(logger, seekers[i].DisplayName, seekers[i + 1].DisplayName, moduleCode); // leak TC1001 logging-objects
            Activity.Current?.AddEvent(new ActivityEvent("campus.paired", tags: new ActivityTagsCollection { ["campus.pairing.id"] = pairing.PairingId, ["campus.year"] = seekers[i].Year })); // clean precision-names
            Activity.Current?.AddEvent(new ActivityEvent("campus.paired.emails", tags: new ActivityTagsCollection { ["campus.first"] = seekers[i].UniversityEmail })); // leak TC1001 direct
            _clashes.Record(pairing.TimetableClashes, new KeyValuePair<string, object?>("campus.module", moduleCode)); // clean precision-about
            _pairings.Add(1, new KeyValuePair<string, object?>("campus.student", seekers[i].StudentNumber)); // leak TC1003 direct
            _pairings.Add(1, new KeyValuePair<string, object?>("campus.lane", LaneOf(seekers[i].StudentNumber))); // clean hashes
            Activity.Current?.SetTag("campus.pair.key", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(seekers[i].StudentNumber + seekers[i + 1].StudentNumber)))); // leak TC1002 hashes
        }

        span.SetCampusStudentId(pseudonymizer.PseudonymizeCampusStudentId(studentNumbers[0])); // clean precision-pseudonym
        span.SetCampusNote(DescribeRun(moduleCode, pairings.Count, seekers.Count - pairings.Count * 2)); // clean strings
        span.SetCampusNote(OddOneOut(seekers)); // leak TC1001 strings
        meter.CreateCampusPairingsCounter().Add(pairings.Count, "uni-leeds", "paired"); // clean generated-api
        return pairings;
    }

    private static string DescribeRun(string moduleCode, int pairs, int leftOver) => $"{moduleCode}: {pairs} pairs, {leftOver} left over";

    private static string OddOneOut(List<BuddySeeker> seekers) => seekers.Count % 2 == 1 ? $"unpaired: {seekers[^1].DisplayName} <{seekers[^1].UniversityEmail}>" : "none unpaired";

    private int LaneOf(string studentNumber)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(studentNumber))[1] % 8;
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Pairing {PairingId}: {First} with {Second}")]
    private static partial void LogPaired(ILogger logger, string pairingId, [PrivateData] string first, [PrivateData] string second);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Tell the tutors: {First} and {Second} study {ModuleCode} together")]
    private static partial void LogPairedForTutors(ILogger logger, string first, string second, string moduleCode);
}
