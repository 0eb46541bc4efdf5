namespace PrivacyHoldout172.Energy;

/// <summary>
/// Files money claims for referred debts through the court's e-filing portal on behalf of the panel firm, and
/// keeps the generated operation span, failure event and counters.
/// </summary>
public sealed partial class MoneyClaimFilingWorker(
    IQueueReceiver<DebtReferral> referrals,
    IEfilingPortal portal,
    ILogger<MoneyClaimFilingWorker> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private const string Firm = "Lowell Solicitors";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await referrals.ReceiveAsync(stoppingToken) is { } referral)
        {
            var started = Stopwatch.GetTimestamp();
            var customer = pseudonymizer.PseudonymizeEnergylegalClientId(referral.AccountNumber);
            using var span = source.StartEnergylegalOperation(Firm);
            span.SetEnergylegalClientId(customer); // clean generated-api
            span.SetEnergylegalStep("filing"); // clean generated-api
            span.SetEnergylegalMatterId(referral.ReferralId); // clean generated-api

            var submission = new FilingSubmission(Guid.NewGuid().ToString("N"), "", "County Court Business Centre", "Supplier Energy Ltd", referral.CustomerName, "", 1);
            LogFiling(logger, submission.SubmissionId, referral.CustomerName); // leak TC1001 direct
            LogFilingRedacted(logger, submission.SubmissionId, referral.CustomerName); // clean direct

            try
            {
                var receipt = await portal.SubmitAsync(submission, stoppingToken);
                span.SetEnergylegalOutcome(receipt.Status); // clean generated-api
                span.SetEnergylegalNote($"claim {receipt.CaseNumber} issued, fee {receipt.FeePaid}"); // clean generated-api
                meter.CreateEnergylegalOperationsCounter().Add(1, Firm, "issued"); // clean generated-api
            }
            catch (PartyNameMismatchException ex)
            {
                span.RecordException(ex); // clean exceptions
                span.RecordException(ex, "defendant name mismatch", includeMessage: true); // leak TC1001 exceptions
                logger.LogEnergylegalOperationFailedEvent(Firm, "rejected", customer, ex.Message); // leak TC1001 exceptions
            }
            catch (FilingRejectedException ex)
            {
                logger.LogEnergylegalOperationFailedEvent(Firm, "rejected", customer, ex.Message); // clean exceptions
            }

            var key = BitConverter.ToString(SHA1.HashData(Encoding.UTF8.GetBytes(referral.Mpan)));
            span.SetEnergylegalNote("supply " + key); // leak TC1002 hashes
            span.SetEnergylegalNote("supply " + referral.Mpan); // leak TC1001 generated-api
            meter.CreateEnergylegalOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, Firm); // clean generated-api
        }
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Filing {SubmissionId} against {Defendant}")]
    private static partial void LogFiling(ILogger logger, string submissionId, string defendant);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Information, Message = "Filing {SubmissionId} against {Defendant} (redacted)")]
    private static partial void LogFilingRedacted(ILogger logger, string submissionId, [PrivateData] string defendant);
}
