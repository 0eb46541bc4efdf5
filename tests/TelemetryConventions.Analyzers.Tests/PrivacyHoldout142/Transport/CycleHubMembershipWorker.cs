namespace PrivacyHoldout142.Transport;

/// <summary>A membership change from the rider app. Prints rider account, smartcard number, email, kind, plan, freeze dates and the rider's comment.</summary>
public sealed record HubMembershipChange(Guid RiderAccountId, string SmartcardNumber, string Email, string Kind, string PlanCode, DateOnly? FreezeFrom, DateOnly? FreezeUntil, string? Comment);

/// <summary>Applies cycle hub membership freezes and cancellations from the rider app, and follows failed collections.</summary>
public sealed class CycleHubMembershipWorker(
    IQueueReceiver<HubMembershipChange> queue,
    IMemberDirectory members,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<CycleHubMembershipWorker> logger) : BackgroundService
{
    private HubMembershipChange? _lastFailed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var change = await queue.ReceiveAsync(stoppingToken);
            if (change is null)
            {
                continue;
            }

            var rider = change.RiderAccountId.ToString();
            using var span = source.StartCyclehubOperation("memberships");
            span.SetCyclehubRiderId(pseudonymizer.PseudonymizeCyclehubRiderId(rider)).SetCyclehubOutcome(change.Kind); // clean generated-api
            Activity.Current?.SetTag("cyclehub.smartcard", change.SmartcardNumber); // leak TC1001 direct
            try
            {
                if (change.Kind == "freeze")
                {
                    var decision = await members.FreezeAsync(new FreezeRequest(rider, change.FreezeFrom!.Value, change.FreezeUntil!.Value, "rider-request", change.Comment), stoppingToken);
                    logger.LogInformation("Freeze {FreezeId}: {Days} days", decision.FreezeId, decision.Days); // clean precision-names
                    logger.LogInformation("Freeze comment {Comment}", change.Comment); // leak TC1001 direct
                }
                else if (change.Kind == "cancel")
                {
                    var outcome = await members.CancelAsync(new CancellationRequest(rider, "rider-request", change.Comment, DateOnly.FromDateTime(DateTime.Today)), stoppingToken);
                    logger.LogInformation("Cancellation {Outcome}", outcome); // clean logging-objects
                    span.SetCyclehubNote($"cancelled {change.PlanCode} from {outcome.EffectiveOn:yyyy-MM-dd} for card {change.SmartcardNumber}"); // leak TC1001 strings
                }
            }
            catch (FreezeLimitReachedException ex)
            {
                logger.LogWarning(ex, "Freeze limit at {UsedDays} days", ex.UsedDays); // clean exceptions
            }
            catch (PaymentFailedException ex)
            {
                _lastFailed = change;
                logger.LogCyclehubOperationFailedEvent("memberships", "collection-failed", cyclehubNote: $"rider {change.Email}"); // leak TC1001 generated-api
                Activity.Current?.SetTag(CyclehubAttributes.Contact, change.Email); // leak TC1001 generated-api
                Activity.Current?.SetTag("cyclehub.collection.reason", ex.ReasonCode); // clean exceptions
            }
        }
    }

    public void ReportLastFailed()
    {
        logger.LogWarning("Last failed collection {Change}", _lastFailed); // leak TC1001 cross-member
        logger.LogWarning("Last failed collection on plan {Plan}", _lastFailed?.PlanCode); // clean precision-about
    }
}
