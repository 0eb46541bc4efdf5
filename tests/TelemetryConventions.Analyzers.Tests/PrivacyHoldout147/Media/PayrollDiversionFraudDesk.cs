namespace PrivacyHoldout147.Media;

/// <summary>The fraud desk's record of calls about payroll diversion (a fraudster asking the broadcaster to change an employee's bank details).</summary>
public sealed class PayrollDiversionFraudDesk(IAccountLedger ledger, Pseudonymizer pseudonymizer, BankOptions options, ILogger<PayrollDiversionFraudDesk> logger)
{
    private static readonly ActivitySource Source = new("Bank.FraudDesk");
    private static readonly Counter<long> Calls = new Meter("Bank.FraudDesk").CreateCounter<long>("fraud.calls");

    public async Task RecordAsync(FraudCall call, string muleAccountNumber, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("fraud.call");
        activity?.SetTag("fraud.case_id", call.CaseId); // clean direct
        activity?.SetTag("fraud.scam_type", call.ScamType); // clean direct
        activity?.SetTag("fraud.line", options.FraudLineNumber); // clean direct
        activity?.SetTag("fraud.caller_number", call.CallerNumber); // leak TC1001 direct
        activity?.SetTag("fraud.caller_prefix", call.CallerNumber[..3]); // clean precision-about
        activity?.SetTag("fraud.agent", pseudonymizer.ComputePayrollAgentId(call.AgentStaffId)); // clean precision-pseudonym
        logger.LogInformation("Fraud call {@Call}", call); // leak TC1001 logging-objects
        logger.LogInformation("Fraud call notes: {Notes}", call.Notes); // leak TC1001 direct
        Calls.Add(1, new KeyValuePair<string, object?>("scam_type", call.ScamType)); // clean direct
        Calls.Add(1, new KeyValuePair<string, object?>("agent", call.AgentStaffId)); // leak TC1003 direct

        try
        {
            await ledger.FreezeAsync(muleAccountNumber, "suspected-mule", cancellationToken);
            throw new SuspectedMuleAccountException(muleAccountNumber);
        }
        catch (SuspectedMuleAccountException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
        }
    }
}
