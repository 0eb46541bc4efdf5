namespace PrivacyHoldout174.Education;

/// <summary>The school's young carers lead keeps support plans for pupils who look after someone at home.</summary>
public sealed class YoungCarersService(ILogger<YoungCarersService> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("SchoolTrust.YoungCarers");
    private string? _lastStudent;

    public void Review(YoungCarerPlan plan)
    {
        _lastStudent = plan.StudentNumber;
        using var span = Source.StartHometuitionOperation("north-academy");
        span.SetHometuitionItemCount(plan.HoursPerWeek); // clean generated-api
        span.SetHometuitionNote($"Cares for {plan.CaresFor}, {plan.HoursPerWeek} h a week, {plan.YearGroup}"); // clean generated-api
        span.SetHometuitionOutcome(plan.StudentNumber); // leak TC1001 generated-api

        logger.LogInformation("Plan reviewed for year {YearGroup}, cares for {Relationship}", plan.YearGroup, plan.CaresFor); // clean precision-about
        logger.LogInformation("Plan {@Plan} reviewed", plan); // leak TC1001 logging-objects

        HometuitionOperationsCounter.For(meter).Add(1, hometuitionSchool: "north-academy", hometuitionOutcome: "reviewed"); // clean generated-api
        HometuitionOperationsCounter.For(meter).Add(1, hometuitionSchool: "north-academy", hometuitionOutcome: plan.StudentNumber); // leak TC1003 generated-api
    }

    public void Escalate(string reason)
    {
        Activity.Current?.SetTag("young_carers.escalated_student", _lastStudent); // leak TC1001 cross-member
        Activity.Current?.SetTag("young_carers.reason", reason); // clean precision-about
        var pseudonym = pseudonymizer.PseudonymizeHometuitionClientId(_lastStudent ?? string.Empty);
        logger.LogHometuitionOperationFailedEvent(hometuitionSchool: "north-academy", hometuitionOutcome: "escalated", hometuitionClientId: pseudonym); // clean precision-pseudonym
        logger.LogWarning("Escalated plan for {Student}", _lastStudent); // leak TC1001 cross-member
    }

    public void RecordAbsence(YoungCarerPlan plan, DateOnly day, TelemetrySecrets secrets)
    {
        var key = $"{plan.StudentNumber}:{day:yyyyMMdd}";
        Activity.Current?.SetTag("attendance.key", key); // leak TC1001 strings
        Activity.Current?.SetTag("attendance.day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // clean precision-about
        Activity.Current?.SetTag("attendance.year_group", plan.YearGroup); // clean precision-about
        using var hmac = new HMACSHA256(secrets.ShardKey);
        var group = hmac.ComputeHash(Encoding.UTF8.GetBytes(plan.StudentNumber))[1] % 5;
        HometuitionOperationsCounter.For(meter).Add(1, hometuitionSchool: "north-academy", hometuitionOutcome: "absence-" + group); // clean hashes
        var weak = BitConverter.ToString(SHA256.HashData(Encoding.UTF8.GetBytes(plan.StudentNumber)))[..8];
        logger.LogInformation("Absence for pupil ref {Ref}", weak); // leak TC1002 hashes
        logger.LogInformation("Absence recorded, {Hours} caring hours a week", plan.HoursPerWeek); // clean precision-about
        logger.LogInformation("Absence recorded: {Summary}", Describe(plan)); // leak TC1001 cross-member
        logger.LogInformation("Absence recorded for {Relationship} carer", plan.CaresFor); // clean precision-names
    }

    private static string Describe(YoungCarerPlan plan) => $"{plan.StudentNumber} ({plan.YearGroup})";
}
