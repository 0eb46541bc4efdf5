namespace PrivacyHoldout186.Healthcare;

/// <summary>Pays the hospital travel costs scheme's claims from the cashier's queue.</summary>
public sealed partial class TravelCostClaimsWorker(IQueueReceiver<TravelCostClaim> queue, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<TravelCostClaimsWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.TravelCosts");
    private static readonly Meter Meter = new("Trust.TravelCosts");
    private static readonly Histogram<double> Amounts = Meter.CreateHistogram<double>("travel_costs.claim.amount", "GBP");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claim = await queue.ReceiveAsync(stoppingToken);
            if (claim is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("travel_costs.pay");
            activity?.SetTag("claim.id", claim.ClaimId); // clean precision-names
            activity?.SetTag("claim.benefit_code", claim.BenefitCode); // clean precision-names
            activity?.SetTag("claim.amount_pence", claim.AmountPence); // clean precision-about
            activity?.SetTag("claim.payee.sort_code", claim.SortCode); // clean precision-about
            activity?.SetTag("claim.payee.account", claim.AccountNumber); // leak TC1001 direct
            activity?.SetTag("claim.payee.account_last2", claim.AccountNumber[^2..]); // clean precision-about
            activity?.SetTag("claim.patient.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(claim.NhsNumber)))); // leak TC1002 hashes
            activity?.SetTag("claim.patient.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(claim.NhsNumber))[0] % 16); // clean hashes
            activity?.SetTag("claim.dedupe", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(claim.SortCode + claim.AccountNumber)))); // leak TC1002 hashes
            activity?.AddEvent(new ActivityEvent("claim.received", tags: new ActivityTagsCollection { ["claim.id"] = claim.ClaimId, ["claim.benefit_code"] = claim.BenefitCode })); // clean precision-names
            activity?.AddEvent(new ActivityEvent("claim.patient", tags: new ActivityTagsCollection { ["nhs_number"] = claim.NhsNumber })); // leak TC1001 direct

            Amounts.Record(claim.AmountPence / 100.0, new KeyValuePair<string, object?>("benefit", claim.BenefitCode)); // clean precision-names
            Amounts.Record(claim.AmountPence / 100.0, new KeyValuePair<string, object?>("nhs_number", claim.NhsNumber)); // leak TC1003 direct

            using (logger.BeginScope(new Dictionary<string, object> { ["ClaimId"] = claim.ClaimId, ["BenefitCode"] = claim.BenefitCode })) // clean logging-objects
            using (logger.BeginScope(new Dictionary<string, object> { ["NhsNumber"] = claim.NhsNumber })) // leak TC1001 logging-objects
            {
                LogClaimPaid(logger, claim.ClaimId, claim.AmountPence); // clean precision-names
                LogPayee(logger, claim.AccountNumber); // clean logging-objects
                LogClaimPatient(logger, claim.NhsNumber); // leak TC1001 direct
                logger.LogInformation("Claim paid: {Claim}", claim); // leak TC1001 logging-objects
                logger.LogInformation("Claim for patient {PatientRef}", pseudonymizer.ComputeCarepassClientId(claim.NhsNumber)); // clean precision-pseudonym
            }

            var summary = new StringBuilder().Append("claim ").Append(claim.ClaimId).Append(" paid to ").Append(claim.AccountNumber).ToString();
            logger.LogDebug("{Summary}", summary); // leak TC1001 strings
            logger.LogDebug("{Summary}", string.Join('/', claim.ClaimId, claim.BenefitCode, claim.AmountPence)); // clean strings
            Amounts.Record(claim.AmountPence / 100.0, new KeyValuePair<string, object?>("site", "cashier")); // clean precision-names
            Meter.CreateCarepassOperationsCounter().Add(1, "travel-costs", "paid"); // clean generated-api
            Meter.CreateCarepassOperationsCounter().Add(1, "travel-costs", claim.NhsNumber); // leak TC1003 generated-api
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Claim {ClaimId} paid, {AmountPence}p")]
    private static partial void LogClaimPaid(ILogger logger, string claimId, int amountPence);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Paid to account {AccountNumber}")]
    private static partial void LogPayee(ILogger logger, [PrivateData] string accountNumber);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "Claim for NHS number {NhsNumber}")]
    private static partial void LogClaimPatient(ILogger logger, string nhsNumber);
}
