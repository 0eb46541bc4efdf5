namespace PrivacyHoldout164.Energy;

public sealed record JointAccountRequest(Guid HouseId, string LeadTenantName, string LeadTenantEmail, string StudentNumber, string Address, string MeterSerial, int Tenants);

/// <summary>Opens a joint student-tariff account when a group of students moves into a private house.</summary>
public sealed partial class StudentHouseAccountHandler(
    IStudentRecords records,
    Pseudonymizer pseudonymizer,
    ILogger<StudentHouseAccountHandler> logger)
{
    private static readonly ActivitySource Source = new("Energy.StudentTariff.Accounts");
    private static readonly Meter Meter = new("Energy.StudentTariff.Accounts");
    private static readonly Counter<long> Opened = Meter.CreateCounter<long>("accounts.opened");

    public async Task<Guid> OpenAsync(JointAccountRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartHallpowerOperation("private-lets");
        span.SetHallpowerItemCount(request.Tenants); // clean generated-api
        span.SetHallpowerStudentId(pseudonymizer.PseudonymizeHallpowerStudentId(request.StudentNumber)); // clean generated-api
        span.SetHallpowerNote($"Joint account for {request.Address}"); // leak TC1001 generated-api
        span.SetHallpowerNote($"Joint account for {request.Tenants} tenants"); // clean generated-api

        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["HouseId"] = request.HouseId, ["Tenants"] = request.Tenants }); // clean precision-names
        using var leadScope = logger.BeginScope(new Dictionary<string, object?> { ["LeadTenant"] = request.LeadTenantEmail }); // leak TC1001 direct

        var student = await records.FindAsync(request.StudentNumber, cancellationToken);
        if (student is null)
        {
            var ex = new StudentNotFoundException(request.StudentNumber);
            logger.LogHallpowerOperationFailedEvent("private-lets", "student-not-verified", default, "student number not on record"); // clean generated-api
            Activity.Current?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("exception.type", ex.GetType().FullName); // clean exceptions
            return Guid.Empty;
        }

        LogOpened(logger, request.LeadTenantName, request.HouseId); // leak TC1001 direct
        LogOpenedClassified(logger, request.LeadTenantName, request.HouseId); // clean direct
        var welcome = "Welcome " + student.FullName + ", your account is ready";
        Activity.Current?.AddEvent(new ActivityEvent("account.welcome", tags: new ActivityTagsCollection { ["text"] = welcome })); // leak TC1001 strings
        var houseLabel = string.Concat("house-", request.HouseId.ToString("N")[..8], "-", request.Tenants.ToString(CultureInfo.InvariantCulture));
        Activity.Current?.SetTag("account.house", houseLabel); // clean strings
        Opened.Add(1, new KeyValuePair<string, object?>("tenants", request.Tenants), new KeyValuePair<string, object?>("meter", request.MeterSerial)); // leak TC1003 direct
        Opened.Add(1, new KeyValuePair<string, object?>("tenants", request.Tenants), new KeyValuePair<string, object?>("meter_model", request.MeterSerial[..3])); // clean precision-about
        return request.HouseId;
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Account opened by {LeadTenant} for house {HouseId}")]
    private static partial void LogOpened(ILogger logger, string leadTenant, Guid houseId);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Account opened by {LeadTenant} for house {HouseId}")]
    private static partial void LogOpenedClassified(ILogger logger, [PrivateData] string leadTenant, Guid houseId);
}
