namespace PrivacyHoldout128.Gaming;

public sealed record ApprovalDecision(string RequestId, bool Approved, Guid ParentPlayerId);

public interface IStoreLedger
{
    Task<decimal> SpentThisMonthAsync(Guid childPlayerId, CancellationToken cancellationToken = default);

    Task CompleteAsync(string requestId, CancellationToken cancellationToken = default);
}

/// <summary>A child's purchase waits for a parent in the family group; the parent approves or declines on their phone.</summary>
public sealed partial class AskToBuyHandler(
    IStoreLedger ledger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<AskToBuyHandler> logger)
{
    private static readonly ActivitySource Source = new("Studio.AskToBuy");
    private static readonly Meter Meter = new("Studio.AskToBuy");
    private static readonly Counter<long> Decisions = Meter.CreateCounter<long>("studio.ask_to_buy.decisions");
    private static readonly FamplayInviteAcceptDurationHistogram WaitHours = Meter.CreateFamplayInviteAcceptDurationHistogram();

    public async Task HandleAsync(AskToBuyRequest request, ApprovalDecision decision, decimal monthlyLimit, DateTimeOffset requestedAt, CancellationToken ct)
    {
        using var activity = Source.StartActivity("ask_to_buy.decide");
        activity?.SetTag("purchase.request.id", request.RequestId); // clean precision-names
        activity?.SetTag("purchase.sku", request.Sku); // clean precision-names
        activity?.SetTag("purchase.price", (double)request.Price); // clean precision-about
        activity?.SetTag("purchase.child", request.ChildPlayerId); // leak TC1001 direct
        activity?.SetTag("purchase.parent", pseudonymizer.ComputeFamplayDelegateId(decision.ParentPlayerId.ToString())); // clean precision-pseudonym
        activity?.SetBaggage("purchase.child", request.ChildPlayerId.ToString()); // leak TC1001 direct
        logger.LogInformation("Ask to buy {Request}", request); // leak TC1001 logging-objects
        WaitHours.Record((DateTimeOffset.UtcNow - requestedAt).TotalHours, "family-6", "child"); // clean precision-names

        try
        {
            var spent = await ledger.SpentThisMonthAsync(request.ChildPlayerId, ct);
            if (spent + request.Price > monthlyLimit)
            {
                throw new SpendingLimitException(monthlyLimit, request.Price);
            }
            if (decision.Approved)
            {
                await ledger.CompleteAsync(request.RequestId, ct);
            }
            Decisions.Add(1, new("sku", request.Sku), new("approved", decision.Approved)); // clean precision-names
            Decisions.Add(1, new KeyValuePair<string, object?>("child", pseudonymizer.PseudonymizeFamplayMemberId(request.ChildPlayerId.ToString()))); // leak TC1003 precision-pseudonym
        }
        catch (SpendingLimitException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            activity?.AddException(ex); // clean exceptions
            LogOverLimit(logger, request.ChildPlayerId, request.Price); // leak TC1001 direct
        }

        var cohort = BitConverter.ToUInt16(SHA256.HashData(request.ChildPlayerId.ToByteArray()), 0) % 10;
        activity?.SetTag("purchase.cohort", cohort); // leak TC1002 hashes
        var lane = HashCode.Combine(decision.ParentPlayerId) & 0xF;
        activity?.SetTag("purchase.lane", lane); // leak TC1002 hashes
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Child {ChildPlayerId} over the monthly limit by {Price}")]
    private static partial void LogOverLimit(ILogger logger, Guid childPlayerId, decimal price);
}
