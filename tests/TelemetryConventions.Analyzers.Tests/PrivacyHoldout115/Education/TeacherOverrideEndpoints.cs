namespace PrivacyHoldout115.Education;

public sealed record PilotRequest(string FlagKey, IReadOnlyList<string> StudentNumbers, string ClassCode);

/// <summary>
/// Lets a teacher put named students of their class into an early-access pilot (the reading tool's
/// new text-to-speech), as individual targets on the flag, and lists who is in it.
/// </summary>
public static class TeacherOverrideEndpoints
{
    private static readonly ActivitySource Source = new("Academy.Flags.Overrides");

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/flags/{flagKey}/pilot", AddToPilotAsync)
              .MapGet("/flags/{flagKey}/pilot", ListPilotAsync);

    public static async Task<ActionResult> AddToPilotAsync(PilotRequest request, HttpContextInfo http, IFlagStore store, FlagOptions options, Pseudonymizer pseudonymizer, ILogger<PilotRequest> logger, CancellationToken ct)
    {
        var teacher = http.User.SubjectId ?? "anonymous";
        using var span = Source.StartLearnflagChange(request.FlagKey).SetLearnflagOperatorId(pseudonymizer.PseudonymizeLearnflagOperatorId(teacher)); // clean precision-pseudonym
        var existing = await store.GetOverridesAsync(request.FlagKey, ct);
        if (existing.Count + request.StudentNumbers.Count > options.MaxOverridesPerFlag)
        {
            var ex = new OverrideLimitExceededException(request.FlagKey, options.MaxOverridesPerFlag);
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Pilot for {Flag} refused for class {Class}", request.FlagKey, request.ClassCode); // clean exceptions
            return BadRequestFor(ex.Message);
        }

        foreach (var student in request.StudentNumbers)
        {
            await store.SaveOverrideAsync(new FlagOverride(request.FlagKey, student, "on", teacher, DateTimeOffset.UtcNow.AddDays(14)), ct);
        }
        span.SetLearnflagNote($"class {request.ClassCode}: {request.StudentNumbers.Count} students added"); // clean generated-api
        span.SetLearnflagNote("added " + string.Join(" ", request.StudentNumbers)); // leak TC1001 generated-api
        Activity.Current?.SetTag("pilot.class", request.ClassCode); // clean precision-names
        Activity.Current?.SetTag("pilot.teacher_email", http.User.Email); // leak TC1001 direct
        logger.LogInformation("Teacher {Teacher} added {Count} students to {Flag}", teacher, request.StudentNumbers.Count, request.FlagKey); // leak TC1001 direct
        logger.LogInformation("Pilot request {@Request}", request); // leak TC1001 logging-objects
        return new OkResult(request.StudentNumbers.Count);
    }

    public static async Task<ActionResult> ListPilotAsync(string flagKey, IFlagStore store, ILogger<PilotRequest> logger, CancellationToken ct)
    {
        var overrides = await store.GetOverridesAsync(flagKey, ct);
        var expiringSoon = overrides.Where(o => o.Expires < DateTimeOffset.UtcNow.AddDays(2)).ToList();
        logger.LogInformation("{Flag} has {Count} pilot students, {Expiring} expiring soon", flagKey, overrides.Count, expiringSoon.Count); // clean precision-about
        logger.LogInformation("Expiring soon: {Overrides}", expiringSoon); // leak TC1001 logging-objects
        logger.LogDebug("Variants in the pilot: {Variants}", string.Join(",", overrides.Select(o => o.Variant).Distinct())); // clean strings
        return new OkResult(overrides.Select(o => o.SubjectKey).ToList());
    }

    private static ActionResult BadRequestFor(string detail) => new BadRequestResult(detail);
}

/// <summary>Nightly tidy-up of expired pilot targets, with a summary for the platform team.</summary>
public sealed class PilotExpiryJob(IFlagStore store, ILogger<PilotExpiryJob> logger)
{
    public async Task RunAsync(string flagKey, IReadOnlyDictionary<string, string> namesByStudentNumber, CancellationToken ct)
    {
        var overrides = await store.GetOverridesAsync(flagKey, ct);
        var expired = overrides.Where(o => o.Expires < DateTimeOffset.UtcNow).ToList();
        var text = expired.Aggregate("", (acc, o) => acc + namesByStudentNumber[o.SubjectKey] + " (" + o.SubjectKey + "), ");
        logger.LogInformation("Expired from {Flag}: {Students}", flagKey, text); // leak TC1001 strings
        logger.LogInformation("Expired from {Flag}: {Count} of {Total}", flagKey, expired.Count, overrides.Count); // clean precision-about
        Activity.Current?.SetTag("pilot.expired.hash", string.Join(",", expired.Select(o => o.SubjectKey.GetHashCode() % 64))); // leak TC1002 hashes
        Activity.Current?.SetTag("pilot.expired.added_by", expired.Select(o => o.AddedBy).Distinct().Count()); // clean precision-about
    }
}
