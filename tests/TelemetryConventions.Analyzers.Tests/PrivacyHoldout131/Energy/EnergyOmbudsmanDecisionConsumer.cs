using System.Text.Json;

namespace PrivacyHoldout131.Energy;

/// <summary>A final decision from the energy ombudsman, as its case feed sends it.</summary>
public sealed record EnergyOmbudsmanDecision(
    string CaseRef,
    string AccountNumber,
    string ComplainantName,
    string Outcome,
    decimal Award,
    decimal BillCorrection,
    bool ApologyRequired,
    string? CustomerComments);

/// <summary>
/// Applies the ombudsman's remedies: a goodwill award and a bill correction as credits on the account,
/// an apology queued for the complaints team. The feed's topic is keyed by case reference.
/// </summary>
public sealed partial class EnergyOmbudsmanDecisionConsumer(
    IConsumer<string, string> feed,
    IStoreCreditLedger accountCredit,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<EnergyOmbudsmanDecisionConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.Complaints.Ombudsman");
    private static readonly Meter Meter = new("Supplier.Complaints.Ombudsman");
    private static readonly Counter<long> Decisions = Meter.CreateCounter<long>("complaints.ombudsman.decisions");
    private static readonly Counter<long> Credited = Meter.CreateCounter<long>("complaints.ombudsman.credited");
    private readonly SupplycompCaseDurationHistogram _duration = Meter.CreateSupplycompCaseDurationHistogram();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var message = feed.Consume(stoppingToken);
            if (message is null)
            {
                continue;
            }

            Activity.Current?.SetTag("messaging.kafka.message.key", message.Message.Key); // clean cross-member
            var decision = JsonSerializer.Deserialize<EnergyOmbudsmanDecision>(message.Message.Value)!;
            var started = Stopwatch.GetTimestamp();
            using var span = Source.StartSupplycompCase(decision.CaseRef);
            span.SetSupplycompClaimantId(pseudonymizer.PseudonymizeSupplycompClaimantId(decision.AccountNumber)); // clean precision-pseudonym
            Baggage.SetBaggage("supply.account", decision.AccountNumber); // leak TC1001 direct
            Decisions.Add(1, new KeyValuePair<string, object?>("outcome", decision.Outcome), new KeyValuePair<string, object?>("apology", decision.ApologyRequired)); // clean precision-names

            LogDecision(logger, decision.CaseRef, decision.Outcome, decision.Award); // clean precision-about
            LogDecisionFor(logger, decision.CaseRef, decision.ComplainantName); // leak TC1001 direct
            logger.LogInformation("Decision received {@Decision}", decision); // leak TC1001 logging-objects
            if (decision.CustomerComments is { Length: > 0 } comments)
            {
                span.SetSupplycompNote(comments); // leak TC1001 generated-api
                logger.LogDebug("Customer comments: {Words} words", comments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
            }

            var total = decision.Award + decision.BillCorrection;
            if (total > 0)
            {
                var credit = await accountCredit.IssueAsync(decision.AccountNumber, total, "ombudsman", stoppingToken);
                span.SetSupplycompAmount((double)total).SetSupplycompOutcome("credited"); // clean precision-about
                logger.LogInformation("Remedy credited as {Credit}", credit); // leak TC1001 logging-objects
                var bucket = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(decision.AccountNumber))[0] % 32;
                Credited.Add(1, new KeyValuePair<string, object?>("account_bucket", bucket)); // clean hashes
                var legacyKey = decision.AccountNumber.GetHashCode() & 0x7fffffff;
                logger.LogDebug("Legacy remedy ledger key {LegacyKey}", legacyKey); // leak TC1002 hashes
            }

            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, decision.Outcome); // clean precision-names
            feed.Commit(message);
        }
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Ombudsman case {CaseRef}: {Outcome}, award {Award}")]
    private static partial void LogDecision(ILogger logger, string caseRef, string outcome, decimal award);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "Ombudsman case {CaseRef} decided for {ComplainantName}")]
    private static partial void LogDecisionFor(ILogger logger, string caseRef, string complainantName);
}
