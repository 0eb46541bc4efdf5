namespace PrivacyHoldout114.Healthcare;

/// <summary>Reads the lab results dead-letter queue, and a timer that chases results overdue for review.</summary>
public sealed class ResultsDeadLetterFunctions(ILogger<ResultsDeadLetterFunctions> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, IOverdueResults overdue)
{
    private static readonly ActivitySource Source = new("Trust.LabResults.DeadLetters");
    private static readonly Meter Meter = new("Trust.LabResults.DeadLetters");
    private static readonly Counter<long> Parked = Meter.CreateCounter<long>("labfn.deadletter.parked");
    private static readonly Histogram<double> OverdueHours = Meter.CreateHistogram<double>("labfn.results.overdue_hours");

    [Function("LabResultsDeadLetter")]
    public void ReadDeadLetter(
        [ServiceBusTrigger("lab-results/$deadletterqueue", Connection = "LimsBus")] ServiceBusReceivedMessage message,
        FunctionContext context)
    {
        using var span = Source.StartLabfnInvoke("LabResultsDeadLetter", "servicebus");
        span.SetLabfnOutcome("parked").SetLabfnNote(message.DeadLetterReason ?? "none"); // clean generated-api
        logger.LogWarning("Dead-lettered result {MessageId} after {DeliveryCount} deliveries: {Reason}", message.MessageId, message.DeliveryCount, message.DeadLetterReason); // clean precision-names
        logger.LogWarning("Dead-letter description: {Description}", message.DeadLetterErrorDescription); // leak TC1001 cross-member
        Parked.Add(1, new KeyValuePair<string, object?>("reason", message.DeadLetterReason)); // clean precision-about
        var mrn = message.ApplicationProperties.TryGetValue("mrn", out var value) ? value.ToString()! : "";
        Parked.Add(1, new KeyValuePair<string, object?>("patient.mrn", mrn)); // leak TC1003 direct
        span.SetLabfnPatientId(Pseudonym.FromComputed(mrn)); // leak TC1001 precision-pseudonym
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(mrn))[0] % 16;
        span.Activity?.SetTag("labfn.patient.shard", shard); // clean hashes
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(mrn)))[..16];
        logger.LogInformation("Parked result for patient {PatientRef}", digest); // leak TC1002 hashes
        logger.LogInformation("Parked result for patient {PatientRef}", pseudonymizer.ComputeLabfnPatientId(mrn)); // clean precision-pseudonym
        span.Activity?.SetTag("labfn.has_mrn", mrn.Length > 0); // clean precision-about
    }

    [Function("ChaseOverdueResults")]
    public async Task ChaseOverdue([TimerTrigger("0 0 */2 * * *")] TimerInfo timer, FunctionContext context)
    {
        var log = context.GetLogger<ResultsDeadLetterFunctions>();
        log.LogInformation("Overdue chase due {Next}, past due: {PastDue}", timer.ScheduleStatus?.Next, timer.IsPastDue); // clean precision-about
        var results = await overdue.ListAsync(context.CancellationToken);
        foreach (var result in results)
        {
            OverdueHours.Record(result.Overdue.TotalHours, new KeyValuePair<string, object?>("ward", result.Ward)); // clean precision-about
            if (result.Overdue > TimeSpan.FromHours(48))
            {
                log.LogWarning("Result {OrderNumber} overdue for review by {Clinician}", result.OrderNumber, result.ReviewerEmail); // leak TC1001 direct
                log.LogWarning("Result {OrderNumber} overdue for review by {Clinician}", result.OrderNumber, pseudonymizer.ComputeLabfnClinicianId(result.ReviewerStaffId)); // clean precision-pseudonym
            }
        }
        log.LogInformation("Chased {Count} overdue results on wards {Wards}", results.Count, string.Join(",", results.Select(r => r.Ward).Distinct())); // clean strings
        log.LogInformation("Overdue patients: {Patients}", string.Join(",", results.Select(r => r.Mrn))); // leak TC1001 strings
    }
}

public sealed record OverdueResult(string OrderNumber, string Mrn, string Ward, string ReviewerStaffId, string ReviewerEmail, TimeSpan Overdue);

public interface IOverdueResults
{
    Task<IReadOnlyList<OverdueResult>> ListAsync(CancellationToken cancellationToken);
}
