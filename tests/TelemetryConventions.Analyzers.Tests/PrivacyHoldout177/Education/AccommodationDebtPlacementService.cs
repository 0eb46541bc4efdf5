namespace PrivacyHoldout177.Education;

/// <summary>Places accommodation debts of students who left with the collection agency and records the agency's call notes.</summary>
public sealed class AccommodationDebtPlacementService(
    IDebtorStore debtors,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<AccommodationDebtPlacementService> logger)
{
    private static readonly ActivitySource Source = new("University.Accommodation.Debt");
    private static readonly Meter Meter = new("University.Accommodation.Debt");
    private static readonly Counter<long> Placed = Meter.CreateCounter<long>("accommodation.debts.placed");

    public async Task PlaceAsync(string hallCode, CancellationToken ct)
    {
        using var span = Source.StartFeesrecoveryOperation(hallCode);
        var accounts = await debtors.InStageAsync("final_notice", ct);
        span.SetFeesrecoveryItemCount(accounts.Count); // clean generated-api
        span.Activity?.SetTag("placement.hall", hallCode); // clean precision-names
        span.Activity?.SetTag("placement.balance_total", accounts.Sum(a => a.Balance)); // clean precision-about
        span.Activity?.SetTag("placement.accounts", string.Join(",", accounts.Select(a => a.AccountNumber))); // leak TC1001 strings
        logger.LogInformation("Placing {Names}", accounts.Select(a => a.FullName).ToList()); // leak TC1001 logging-objects
        logger.LogInformation("Placing {Count} accounts, oldest {Days} days", accounts.Count, accounts.Max(a => a.DaysInArrears)); // clean precision-about
        foreach (var account in accounts)
        {
            var bucket = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(account.AccountNumber))) % 8;
            Placed.Add(1, new KeyValuePair<string, object?>("bucket", bucket)); // clean hashes
            Placed.Add(1, new KeyValuePair<string, object?>("stage", account.Stage)); // clean precision-about
            span.Activity?.AddEvent(new ActivityEvent("placed", tags: new ActivityTagsCollection { ["student.mobile"] = account.Mobile })); // leak TC1001 direct
            span.Activity?.AddEvent(new ActivityEvent("placed", tags: new ActivityTagsCollection { ["debtor"] = pseudonymizer.ComputeFeesrecoveryDebtorId(account.AccountNumber) })); // clean precision-pseudonym
            var sample = account.AccountNumber.GetHashCode() % 10;
            span.Activity?.SetTag("placement.sample", sample); // leak TC1002 hashes
        }
    }

    public void RecordCallNote(CallNote note, string hallCode)
    {
        using var span = Source.StartFeesrecoveryOperation(hallCode);
        span.SetFeesrecoveryAgentId(pseudonymizer.PseudonymizeFeesrecoveryAgentId(note.AgentStaffId)); // clean precision-pseudonym
        span.Activity?.SetTag("call.case", note.CaseId); // clean precision-names
        span.Activity?.SetTag("call.note_length", note.Text.Length); // clean precision-about
        span.SetFeesrecoveryNote(note.Text); // leak TC1001 generated-api
        logger.LogInformation("Call note {Note}", note); // leak TC1001 logging-objects
        logger.LogInformation("Call on {CalledOn} for case {CaseId}", note.CalledOn, note.CaseId); // clean precision-about
        var agentKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(note.AgentStaffId)));
        logger.LogInformation("Agent {AgentKey} logged a call", agentKey); // leak TC1002 hashes
        using (logger.BeginScope("Agent {AgentName}", note.AgentName)) // leak TC1001 direct
        {
            logger.LogInformation("Note saved"); // clean precision-about
        }
    }
}
