namespace PrivacyHoldout127.Retail;

public sealed record TillSignOffRequest(string PayrollNumber, string ColleagueName, string StoreId, string Role, string ManagerPayrollNumber, IReadOnlyList<string> CompletedCourses);

/// <summary>Colleagues may only be given a till login once the age-restricted sales and Challenge 25 courses are complete.</summary>
public sealed partial class ColleagueMandatoryTrainingService(IComplianceStore store, Pseudonymizer pseudonymizer, ILogger<ColleagueMandatoryTrainingService> logger)
{
    private static readonly ActivitySource Source = new("Retail.ColleagueTraining");
    private static readonly Meter Meter = new("Retail.ColleagueTraining");
    private readonly ColleaguetrainCompletionsCounter _completions = Meter.CreateColleaguetrainCompletionsCounter();
    private static readonly string[] TillCourses = ["challenge-25", "age-restricted-sales", "fraud-awareness"];

    public async Task<bool> SignOffTillAsync(TillSignOffRequest request, CancellationToken ct)
    {
        var colleague = pseudonymizer.PseudonymizeColleaguetrainColleagueId(request.PayrollNumber);
        using var span = Source.StartColleaguetrainRecord("till-access", spanName: "colleaguetrain.till.sign_off")
            .SetColleaguetrainStore(request.StoreId) // clean precision-names
            .SetColleaguetrainRole(request.Role) // clean precision-names
            .SetColleaguetrainColleagueId(colleague) // clean precision-pseudonym
            .SetColleaguetrainManagerId(pseudonymizer.PseudonymizeColleaguetrainManagerId(request.ManagerPayrollNumber)); // clean precision-pseudonym
        var missing = TillCourses.Except(request.CompletedCourses).ToList();
        span.Activity?.SetTag("colleaguetrain.missing", string.Join(",", missing)); // clean precision-names
        span.Activity?.SetTag("colleaguetrain.manager", request.ManagerPayrollNumber); // leak TC1001 direct
        span.Activity?.SetTag("colleaguetrain.sign_off", request.StoreId + "/" + request.PayrollNumber); // leak TC1001 strings
        span.Activity?.SetTag("colleaguetrain.sign_off.scope", request.StoreId + "/" + request.Role); // clean strings
        LogSignOff(logger, request.StoreId, request.ColleagueName, missing.Count); // leak TC1001 logging-objects
        if (missing.Count > 0)
        {
            logger.LogColleaguetrainRecordFailedEvent("till-access", "missing-courses", colleague, $"missing {string.Join(",", missing)}"); // clean generated-api
            logger.LogColleaguetrainRecordFailedEvent("till-access", "missing-courses", colleague, $"{request.ColleagueName} at {request.StoreId}"); // leak TC1001 generated-api
            return false;
        }
        foreach (var course in request.CompletedCourses)
        {
            await store.RecordCompletionAsync(request.PayrollNumber, course, DateOnly.FromDateTime(DateTime.UtcNow), ct);
            _completions.Add(1, course, "till-sign-off"); // clean precision-names
        }
        logger.LogInformation("Till access for {Request}", request); // leak TC1001 logging-objects
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Till sign-off at {Store} for {Colleague}: {Missing} courses missing")]
    private static partial void LogSignOff(ILogger logger, string store, string colleague, int missing);
}
