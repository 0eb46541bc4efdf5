namespace PrivacyHoldout201.Energy;

/// <summary>A claim on the pet cover add-on sold with a home energy plan, as the claims queue carries it.</summary>
public sealed record PetCoverClaimMessage(string ClaimId, string AccountNumber, string PolicyNumber, string PetId, string PetName, string Species, decimal Amount, string ConditionCode, string VetPractice, string ClinicalHistory);

/// <summary>What the cover team's dashboard keeps of a claim.</summary>
public sealed record ClaimLine(string ClaimId, string Species, string ConditionCode, decimal Amount);

/// <summary>
/// Reads pet cover claims from the add-on queue (the topic <c>homecover.petclaims</c> is keyed by the energy account number),
/// forwards them to the underwriter and records the outcome.
/// </summary>
public sealed partial class PetCoverClaimsWorker(
    IConsumer<string, PetCoverClaimMessage> consumer,
    IInsurerGateway insurer,
    IOwnerMessenger messenger,
    Pseudonymizer pseudonymizer,
    PracticeOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<PetCoverClaimsWorker> logger) : BackgroundService
{
    private readonly Histogram<double> _payouts = meter.CreateHistogram<double>("homecover.payout");
    private readonly List<string> _rejectedPolicies = new();
    private string? _lastHistoryQueried;
    private int _handled;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = source.StartActivity("petclaim.process", ActivityKind.Consumer);
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            await HandleAsync(result.Message.Value, activity, stoppingToken);
            consumer.Commit(result);
            _handled++;
        }
    }

    private async Task HandleAsync(PetCoverClaimMessage message, Activity? activity, CancellationToken ct)
    {
        activity?.SetTag("homecover.claim.id", message.ClaimId); // clean precision-names
        activity?.SetTag("homecover.claim.amount", (double)message.Amount); // clean precision-about
        activity?.SetTag("homecover.condition.code", message.ConditionCode); // clean precision-about
        activity?.SetTag("homecover.pet.name", message.PetName); // clean precision-names
        activity?.SetTag("homecover.policy.number", message.PolicyNumber); // leak TC1001 direct
        activity?.SetTag("homecover.account.number", message.AccountNumber); // leak TC1001 direct
        activity?.SetTag("homecover.vet.practice", message.VetPractice); // clean precision-names
        logger.LogInformation("Claim received {Claim}", message); // leak TC1001 logging-objects
        logger.LogInformation("Claim received {@Line}", new ClaimLine(message.ClaimId, message.Species, message.ConditionCode, message.Amount)); // clean logging-objects
        logger.LogInformation("History for {ClaimId}: {History}", message.ClaimId, message.ClinicalHistory); // leak TC1001 direct
        logger.LogInformation("History length for {ClaimId}: {Length}", message.ClaimId, message.ClinicalHistory.Length); // clean precision-about
        _lastHistoryQueried = message.ClinicalHistory;

        var customer = pseudonymizer.PseudonymizeHomecoverClientId(message.AccountNumber);
        using var span = source.StartHomecoverOperation("pet-claims");
        span.SetHomecoverClientId(customer); // clean generated-api
        span.SetHomecoverSpecies(message.Species); // clean generated-api

        var claim = new PetClaim(message.ClaimId, message.PolicyNumber, message.PetId, message.Amount, message.ConditionCode, message.ClinicalHistory);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var decision = await insurer.SubmitAsync(claim, ct);
            span.SetHomecoverOutcome(decision.Outcome); // clean generated-api
            logger.LogInformation("Decision {@Decision}", decision); // clean logging-objects
            logger.LogInformation("Submitted {@Claim}", claim); // leak TC1001 logging-objects
            _payouts.Record((double)decision.Paid, new KeyValuePair<string, object?>("species", message.Species)); // clean precision-about
            _payouts.Record((double)decision.Paid, new KeyValuePair<string, object?>("policy", message.PolicyNumber)); // leak TC1003 direct
        }
        catch (PolicyNotFoundException ex)
        {
            _rejectedPolicies.Add(message.PolicyNumber);
            span.RecordException(ex); // clean exceptions
            span.SetHomecoverNote(ex.Message); // leak TC1001 generated-api
            logger.LogHomecoverOperationFailedEvent("pet-claims", "no-policy", customer, $"claim {message.ClaimId} has no live policy"); // clean generated-api
            logger.LogWarning("Claim {ClaimId} failed: {Error}", message.ClaimId, ex.Message); // leak TC1001 exceptions
        }
        catch (PreExistingConditionException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogInformation(ex, "Claim excluded"); // clean exceptions
        }
        catch (InsurerUnavailableException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogError("Underwriter {Insurer} unavailable: {Error}", insurer.Insurer, ex.Message); // clean exceptions
        }
        finally
        {
            meter.CreateHomecoverOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "pet-claims"); // clean generated-api
        }

        var sample = HMACSHA256.HashData(options.Secrets.PseudonymKey, Encoding.UTF8.GetBytes(message.PolicyNumber))[0] < 26;
        activity?.SetTag("homecover.sampled", sample); // clean hashes
        activity?.SetTag("homecover.policy.hash", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(message.PolicyNumber)))); // leak TC1002 hashes
        activity?.SetTag("homecover.account.bucket", message.AccountNumber.GetHashCode() % 64); // leak TC1002 hashes
        activity?.SetTag("homecover.account.last2", message.AccountNumber[^2..]); // clean precision-about
        await messenger.SendEmailAsync(message.AccountNumber, "Your pet claim", $"Claim {message.ClaimId} received", ct);
    }

    public void ReportBacklog()
    {
        logger.LogInformation("Handled {Count} claims", _handled); // clean cross-member
        logger.LogWarning("Policies rejected: {Policies}", string.Join(";", _rejectedPolicies)); // leak TC1001 cross-member
        logger.LogInformation("Policies rejected count: {Count}", _rejectedPolicies.Count); // clean cross-member
        Activity.Current?.AddEvent(new ActivityEvent("history.queried", tags: new ActivityTagsCollection { ["history"] = _lastHistoryQueried })); // leak TC1001 cross-member
        LogBacklog(logger, _rejectedPolicies.Count, _rejectedPolicies.LastOrDefault() ?? ""); // clean logging-objects
    }

    public void DescribeBatch(IReadOnlyList<PetCoverClaimMessage> batch)
    {
        var builder = new StringBuilder();
        foreach (var claim in batch)
        {
            builder.Append(claim.ClaimId).Append(':').Append(claim.PolicyNumber).Append(' ');
        }

        logger.LogInformation("Batch {Batch}", builder.ToString()); // leak TC1001 strings
        logger.LogInformation("Batch claims {Claims}", string.Join(",", batch.Select(c => c.ClaimId))); // clean strings
        logger.LogInformation("Batch pets {Pets}", string.Format("{0} pets: {1}", batch.Count, string.Join("/", batch.Select(c => c.PetName)))); // clean strings
        Activity.Current?.SetTag("homecover.batch.first", $"{batch[0].AccountNumber}-{batch[0].ClaimId}"); // leak TC1001 strings
        Activity.Current?.SetTag("homecover.customer", pseudonymizer.ComputeHomecoverClientId(batch[0].AccountNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag(HomecoverAttributes.Contact, pseudonymizer.ComputeHomecoverClientId(batch[0].AccountNumber)); // leak TC1001 precision-pseudonym
    }

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "{Count} rejected, last policy {PolicyNumber}")]
    private static partial void LogBacklog(ILogger logger, int count, [PrivateData] string policyNumber);
}
