namespace PrivacyHoldout201.Education;

public sealed record CaseLogEntry(string CaseLogId, string StudentNumber, string Rotation, string PetId, string Species, string Procedure, string Reflection);

public sealed record CaseLogSignOff(string CaseLogId, string Rotation, string Procedure, bool SignedOff);

public sealed record BodyDonation(string DonationId, string PetId, string ClientNumber, string OwnerName, string Species, DateOnly DateOfDeath);

public sealed class DuplicateCaseLogException(string studentNumber, string caseLogId)
    : Exception($"Student {studentNumber} already logged case {caseLogId}");

public sealed class RotationClosedException(string rotation, DateOnly week)
    : Exception($"Rotation {rotation} is closed for the week of {week:yyyy-MM-dd}");

public interface ICaseLogStore
{
    Task<bool> ExistsAsync(string studentNumber, string caseLogId, CancellationToken cancellationToken);

    Task SaveAsync(CaseLogEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<CaseLogEntry>> AwaitingSignOffAsync(string rotation, CancellationToken cancellationToken);
}

public interface IDonationRegister
{
    Task RegisterAsync(BodyDonation donation, CancellationToken cancellationToken);
}

public static partial class TeachingHospitalEndpoints
{
    private static readonly ActivitySource Source = new("PrivacyHoldout201.Education.TeachingHospital");
    private static readonly Meter Meter = new("PrivacyHoldout201.Education.TeachingHospital");
    private static readonly Counter<long> CaseLogs = Meter.CreateCounter<long>("vetschool.case_logs");
    private static readonly ConcurrentDictionary<string, int> LogsByStudent = new();
    private static string? _lastRejectedReflection;
    private static string? _lastRejectedCaseLogId;

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/caselogs", LogCaseAsync);
        routes.MapPost("/donations", RegisterDonationAsync);
        routes.MapGet("/caselogs/pending/{rotation}", PendingAsync);
        routes.MapGet("/caselogs/report", Report);
    }

    private static async Task<ActionResult> LogCaseAsync(CaseLogEntry entry, ICaseLogStore store, Pseudonymizer pseudonymizer, PracticeOptions options, ILogger<CaseLogEntry> logger, CancellationToken ct)
    {
        using var activity = Source.StartActivity("caselog.create");
        activity?.SetTag("vetschool.caselog.id", entry.CaseLogId); // clean precision-names
        activity?.SetTag("vetschool.rotation", entry.Rotation); // clean precision-about
        activity?.SetTag("vetschool.procedure", entry.Procedure); // clean precision-about
        activity?.SetTag("vetschool.student.number", entry.StudentNumber); // leak TC1001 direct
        activity?.SetTag("vetschool.reflection.words", entry.Reflection.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        activity?.SetTag("vetschool.student_count", LogsByStudent.Count); // clean precision-names

        if (await store.ExistsAsync(entry.StudentNumber, entry.CaseLogId, ct))
        {
            var ex = new DuplicateCaseLogException(entry.StudentNumber, entry.CaseLogId);
            activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            activity?.SetTag("exception.type", ex.GetType().FullName); // clean exceptions
            _lastRejectedReflection = entry.Reflection;
            _lastRejectedCaseLogId = entry.CaseLogId;
            return new BadRequestResult("duplicate");
        }

        await store.SaveAsync(entry, ct);
        LogsByStudent.AddOrUpdate(entry.StudentNumber, 1, (_, n) => n + 1);
        logger.LogInformation("Case log saved {Entry}", entry); // leak TC1001 logging-objects
        logger.LogInformation("Case log saved {@SignOff}", new CaseLogSignOff(entry.CaseLogId, entry.Rotation, entry.Procedure, false)); // clean logging-objects
        logger.LogInformation("Case log saved {@Entry}", new { entry.CaseLogId, entry.Species, entry.Procedure }); // clean logging-objects
        logger.LogInformation("Case log saved {@Entry}", new { entry.CaseLogId, entry.StudentNumber }); // leak TC1001 logging-objects
        logger.LogDebug("Reflection preview: {Preview}", entry.Reflection.Length > 40 ? entry.Reflection[..40] : entry.Reflection); // leak TC1001 strings
        LogCaseSaved(logger, entry.CaseLogId, entry.StudentNumber); // clean logging-objects
        LogCaseSavedUnclassified(logger, entry.CaseLogId, entry.StudentNumber); // leak TC1001 logging-objects

        var student = pseudonymizer.Pseudonymize("student", entry.StudentNumber);
        activity?.SetTag("vetschool.student", student); // clean precision-pseudonym
        logger.LogInformation("Case log by {Student}", student); // clean precision-pseudonym
        CaseLogs.Add(1, new KeyValuePair<string, object?>("rotation", entry.Rotation)); // clean precision-about
        CaseLogs.Add(1, new KeyValuePair<string, object?>("student", student.Value)); // leak TC1003 precision-pseudonym
        CaseLogs.Add(1, new KeyValuePair<string, object?>("student.bucket", entry.StudentNumber.GetHashCode() & 15)); // leak TC1003 hashes
        var lane = HMACSHA256.HashData(options.Secrets.ShardKey, Encoding.UTF8.GetBytes(entry.StudentNumber))[0] % options.ShardCount;
        CaseLogs.Add(1, new KeyValuePair<string, object?>("lane", lane)); // clean hashes
        return new OkResult(entry.CaseLogId);
    }

    private static async Task<ActionResult> RegisterDonationAsync(BodyDonation donation, IDonationRegister register, Pseudonymizer pseudonymizer, Meter meter, ILogger<BodyDonation> logger, CancellationToken ct)
    {
        await register.RegisterAsync(donation, ct);
        var owner = pseudonymizer.PseudonymizeVetschoolClientId(donation.ClientNumber);
        using (var span = Source.StartVetschoolOperation("anatomy"))
        {
            span.SetVetschoolClientId(owner); // clean generated-api
            span.SetVetschoolSpecies(donation.Species); // clean generated-api
            span.SetVetschoolMode("collection"); // clean generated-api
            span.SetVetschoolNote($"donation {donation.DonationId}, died {donation.DateOfDeath:yyyy-MM-dd}"); // clean generated-api
            span.SetVetschoolNote($"donated by {donation.OwnerName}"); // leak TC1001 generated-api
        }

        meter.CreateVetschoolOperationsCounter().Add(1, "anatomy", "registered"); // clean generated-api
        meter.CreateVetschoolOperationsCounter().Add(1, "anatomy", donation.ClientNumber); // leak TC1003 generated-api
        meter.CreateVetschoolOperationDurationHistogram().Record(0.4, "anatomy"); // clean generated-api
        logger.LogInformation("Donation {DonationId} of a {Species} registered", donation.DonationId, donation.Species); // clean precision-names
        logger.LogInformation("Donation {@Donation}", donation); // leak TC1001 logging-objects
        Activity.Current?.AddBaggage("vetschool.donor", donation.ClientNumber); // leak TC1001 direct
        Activity.Current?.AddBaggage("vetschool.donor", pseudonymizer.ComputeVetschoolClientId(donation.ClientNumber)); // clean precision-pseudonym
        return new OkResult(donation.DonationId);
    }

    private static async Task<ActionResult> PendingAsync(string rotation, ICaseLogStore store, ILogger<CaseLogEntry> logger, CancellationToken ct)
    {
        try
        {
            var pending = await store.AwaitingSignOffAsync(rotation, ct);
            logger.LogInformation("Pending sign-off on {Rotation}: {Count}", rotation, pending.Count); // clean precision-about
            logger.LogInformation("Students awaiting sign-off: {Students}", string.Join(",", pending.Select(p => p.StudentNumber))); // leak TC1001 strings
            logger.LogInformation("Cases awaiting sign-off: {Cases}", string.Join(",", pending.Select(p => p.CaseLogId))); // clean strings
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["rotation"] = rotation, ["pending"] = pending.Count }); // clean precision-about
            using var scope2 = logger.BeginScope(new Dictionary<string, object> { ["students"] = pending.Select(p => p.StudentNumber).ToArray() }); // leak TC1001 logging-objects
            return new OkResult(pending.Count);
        }
        catch (RotationClosedException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Rotation closed"); // clean exceptions
            return new NotFoundResult(rotation);
        }
    }

    private static ActionResult Report(ILogger<CaseLogEntry> logger)
    {
        logger.LogInformation("Last rejected reflection: {Reflection}", _lastRejectedReflection); // leak TC1001 cross-member
        logger.LogInformation("Last rejected case: {CaseLogId}", _lastRejectedCaseLogId); // clean cross-member
        logger.LogInformation("Students with logs: {Students}", LogsByStudent.Count); // clean cross-member
        logger.LogInformation("Logs by student: {Logs}", LogsByStudent); // leak TC1001 cross-member
        return new OkResult(null);
    }

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Case {CaseLogId} saved for {StudentNumber}")]
    private static partial void LogCaseSaved(ILogger logger, string caseLogId, [PrivateData] string studentNumber);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "Case {CaseLogId} saved for student {StudentNumber}")]
    private static partial void LogCaseSavedUnclassified(ILogger logger, string caseLogId, string studentNumber);
}
