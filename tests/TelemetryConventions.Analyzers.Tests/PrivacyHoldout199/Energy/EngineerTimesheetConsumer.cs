namespace PrivacyHoldout199.Energy;

/// <summary>Contract engineers' weekly timesheets for a network operator, from a topic keyed by worker id, on to payroll.</summary>
public sealed partial class EngineerTimesheetConsumer(
    IConsumer<string, Timesheet> consumer,
    PayrollGateway payroll,
    ILogger<EngineerTimesheetConsumer> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    AgencyOptions options,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("TalentBridge.FieldCrew");
    private readonly Histogram<double> _hours = meter.CreateHistogram<double>("fieldcrew.timesheet.hours");
    private readonly Dictionary<string, string> _workerByAssignment = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var span = Source.StartFieldcrewOperation(options.Region);
            span.SetFieldcrewStage("timesheet"); // clean generated-api
            var activity = span.Activity;
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names

            var sheet = result.Message.Value;
            _workerByAssignment[sheet.AssignmentId] = sheet.WorkerId;
            await ProcessAsync(sheet, span);
            consumer.Commit(result);
        }
    }

    private async Task ProcessAsync(Timesheet sheet, FieldcrewOperationSpan span)
    {
        var activity = span.Activity;
        span.SetFieldcrewHours((int)sheet.Hours); // clean generated-api
        span.SetFieldcrewClientId(pseudonymizer.PseudonymizeFieldcrewClientId(sheet.WorkerId)); // clean precision-pseudonym
        span.SetFieldcrewNote("timesheet for worker " + sheet.WorkerId); // leak TC1001 generated-api
        span.SetFieldcrewNote($"assignment {sheet.AssignmentId}, {sheet.Hours} hours"); // clean generated-api

        activity?.SetTag("fieldcrew.timesheet.id", sheet.TimesheetId); // clean precision-names
        activity?.SetTag("fieldcrew.assignment.id", sheet.AssignmentId); // clean precision-names
        activity?.SetTag("fieldcrew.worker.id", sheet.WorkerId); // leak TC1001 direct
        activity?.SetTag("fieldcrew.worker.ni_number", sheet.NiNumber); // leak TC1001 direct
        activity?.SetTag("fieldcrew.timesheet.pay_rate", sheet.PayRate); // clean precision-about
        activity?.SetTag("fieldcrew.worker.ni_prefix_valid", sheet.NiNumber.Length == 9); // clean precision-about

        _hours.Record((double)sheet.Hours, new KeyValuePair<string, object?>("assignment", sheet.AssignmentId)); // clean precision-names
        _hours.Record((double)sheet.Hours, new KeyValuePair<string, object?>("worker", sheet.WorkerId)); // leak TC1003 direct
        _hours.Record((double)sheet.Hours, new KeyValuePair<string, object?>("worker", pseudonymizer.PseudonymizeFieldcrewClientId(sheet.WorkerId))); // leak TC1003 precision-pseudonym

        var md5 = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(sheet.NiNumber)));
        logger.LogInformation("Duplicate-check key {Key}", md5); // leak TC1002 hashes
        var keyed = Convert.ToBase64String(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(sheet.WorkerId)));
        logger.LogInformation("Duplicate-check key {Key}", keyed); // clean hashes
        var lane = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sheet.AssignmentId)))[..4];
        activity?.SetTag("fieldcrew.lane", lane); // clean hashes

        logger.LogInformation("Timesheet received {Timesheet}", sheet); // leak TC1001 logging-objects
        logger.LogInformation("Timesheet received {@Sheet}", new TimesheetTotals(sheet.AssignmentId, 1, sheet.Hours)); // clean logging-objects
        logger.LogInformation("Timesheet received {@Sheet}", sheet with { NiNumber = "***" }); // leak TC1001 logging-objects
        LogTimesheetApproved(logger, sheet.TimesheetId, sheet.NiNumber); // clean logging-objects
        LogWorkerPaid(logger, sheet.AssignmentId, sheet.WorkerId); // leak TC1001 logging-objects

        if (sheet.Hours > options.MaxTimesheetHours)
        {
            var rejected = new TimesheetRejectedException(sheet.TimesheetId, "HOURS_OVER_CAP");
            span.RecordException(rejected); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, rejected.Message); // clean exceptions
            logger.LogFailedTimesheet(rejected.ReasonCode, sheet.AssignmentId); // clean exceptions
            return;
        }

        try
        {
            var run = await payroll.SubmitAsync(sheet);
            activity?.SetTag("fieldcrew.payrun", run); // clean precision-names
        }
        catch (PayrollRejectedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"payroll rejected: {ex.Message}"); // leak TC1001 exceptions
            logger.LogError(ex, "Payroll rejected timesheet {TimesheetId}", sheet.TimesheetId); // leak TC1001 exceptions
            logger.LogFieldcrewOperationFailedEvent(options.Region, "payroll-rejected", fieldcrewNote: ex.Message); // leak TC1001 generated-api
            logger.LogFieldcrewOperationFailedEvent(options.Region, "payroll-rejected", fieldcrewNote: ex.GetType().Name); // clean generated-api
        }
    }

    public void ReportAssignment(string assignmentId)
    {
        var activity = Activity.Current;
        activity?.SetTag("fieldcrew.assignment.id", assignmentId); // clean cross-member
        activity?.SetTag("fieldcrew.assignment.worker", _workerByAssignment[assignmentId]); // leak TC1001 cross-member
        activity?.SetTag("fieldcrew.assignment.workers", _workerByAssignment.Count); // clean cross-member
        Baggage.SetBaggage("fieldcrew.worker", _workerByAssignment.GetValueOrDefault(assignmentId)); // leak TC1001 cross-member
        meter.CreateFieldcrewOperationsCounter().Add(1, options.Region, fieldcrewOutcome: "reported"); // clean generated-api
    }

    public void OnEngineerRegistered(GasSafeEngineer engineer)
    {
        var activity = Activity.Current;
        activity?.SetTag("fieldcrew.engineer.gas_safe", engineer.GasSafeNumber); // leak TC1001 direct
        activity?.SetTag("fieldcrew.engineer.name", engineer.Name); // leak TC1001 direct
        activity?.SetTag("fieldcrew.engineer.id", engineer.EngineerId); // leak TC1001 direct
        activity?.SetTag(FieldcrewAttributes.Contact, engineer.Mobile); // leak TC1001 generated-api
        activity?.SetTag("fieldcrew.engineer.mobile_supplied", engineer.Mobile.Length > 0); // clean precision-about
        logger.LogInformation("Engineer registered {@Engineer}", engineer); // leak TC1001 logging-objects
        logger.LogInformation("Engineer registered {EngineerRef}", pseudonymizer.ComputeFieldcrewClientId(engineer.EngineerId)); // clean precision-pseudonym
        Baggage.SetBaggage("fieldcrew.engineer", pseudonymizer.ComputeFieldcrewClientId(engineer.EngineerId)); // clean precision-pseudonym
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timesheet {TimesheetId} approved for NI {NiNumber}")]
    private static partial void LogTimesheetApproved(ILogger logger, string timesheetId, [PrivateData] string niNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Assignment {AssignmentId} paid to worker {WorkerId}")]
    private static partial void LogWorkerPaid(ILogger logger, string assignmentId, string workerId);
}

internal static partial class FieldCrewLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Timesheet rejected ({Reason}) on assignment {AssignmentId}")]
    public static partial void LogFailedTimesheet(this ILogger logger, string reason, string assignmentId);
}
