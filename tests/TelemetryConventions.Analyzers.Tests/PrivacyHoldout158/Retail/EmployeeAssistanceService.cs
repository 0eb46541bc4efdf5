namespace PrivacyHoldout158.Retail;

/// <summary>The retailer's employee assistance programme: colleagues call the EAP line and a case is opened with the counselling partner.</summary>
public sealed partial class EmployeeAssistanceService(
    ICaseStore store,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<EmployeeAssistanceService> logger)
{
    private static readonly Counter<long> Opened = new Meter("Helplines.Eap").CreateCounter<long>("eap.cases.opened");

    private readonly Dictionary<string, string> openCasesByEmployee = new();
    private EapCase? lastEscalated;

    public async Task OpenAsync(EapCase eapCase, string division, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartEapOperation(division);
        span.SetEapEmployeeId(pseudonymizer.PseudonymizeEapEmployeeId(eapCase.EmployeeNumber)); // clean precision-pseudonym
        span.SetEapCategory(eapCase.Category); // clean generated-api
        Activity.Current?.SetTag("eap.case.id", eapCase.CaseId); // clean precision-names
        Activity.Current?.SetTag("eap.employee.number", eapCase.EmployeeNumber); // leak TC1001 direct
        Activity.Current?.SetTag("eap.employee.name", eapCase.EmployeeName); // leak TC1001 direct
        Activity.Current?.SetTag("eap.employee.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(eapCase.EmployeeNumber)))[..12]); // leak TC1002 hashes
        Activity.Current?.SetTag("eap.employee.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(eapCase.EmployeeNumber))[0] % 16); // clean hashes

        await store.SaveAsync(eapCase, cancellationToken);
        openCasesByEmployee[eapCase.EmployeeNumber] = eapCase.CaseId;
        Opened.Add(1, new KeyValuePair<string, object?>("category", eapCase.Category), new KeyValuePair<string, object?>("division", division)); // clean precision-about
        Opened.Add(1, new KeyValuePair<string, object?>("employee", pseudonymizer.PseudonymizeEapEmployeeId(eapCase.EmployeeNumber).ToString())); // leak TC1003 precision-pseudonym
        meter.CreateEapCasesCounter().Add(1, division, eapOutcome: "opened"); // clean generated-api
        meter.CreateEapFirstContactDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, division); // clean generated-api
        LogOpened(logger, eapCase.CaseId, eapCase.EmployeeName); // clean logging-objects
        LogOpenedFor(logger, eapCase.CaseId, eapCase.EmployeeNumber); // leak TC1001 logging-objects
        logger.LogInformation("EAP case opened {@Case}", eapCase); // leak TC1001 logging-objects
    }

    public void Escalate(EapCase eapCase, string division)
    {
        lastEscalated = eapCase;
        using var span = source.StartEapOperation(division);
        try
        {
            throw new CaseClosedException(eapCase.CaseId);
        }
        catch (CaseClosedException ex)
        {
            span.SetEapNote(ex.Message); // clean generated-api
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Escalation refused"); // clean exceptions
            logger.LogEapOperationFailedEvent(division, "closed", eapEmployeeId: pseudonymizer.PseudonymizeEapEmployeeId(eapCase.EmployeeNumber), eapNote: $"Case for {eapCase.EmployeeName} closed"); // leak TC1001 generated-api
            Activity.Current?.SetTag(EapAttributes.Contact, eapCase.EmployeeName); // leak TC1001 generated-api
        }
    }

    public void Report()
    {
        logger.LogInformation("Open EAP cases by employee: {Cases}", openCasesByEmployee); // leak TC1001 cross-member
        logger.LogInformation("Open EAP case ids: {Cases}", openCasesByEmployee.Values); // clean cross-member
        logger.LogInformation("Last escalated: {Name}", lastEscalated?.EmployeeName); // leak TC1001 cross-member
        logger.LogInformation("Last escalated category: {Category}", lastEscalated?.Category); // clean cross-member
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "EAP case {CaseId} opened for {EmployeeName}")]
    private static partial void LogOpened(ILogger logger, string caseId, [PrivateData] string employeeName);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "EAP case {CaseId} opened for employee {EmployeeNumber}")]
    private static partial void LogOpenedFor(ILogger logger, string caseId, string employeeNumber);
}
