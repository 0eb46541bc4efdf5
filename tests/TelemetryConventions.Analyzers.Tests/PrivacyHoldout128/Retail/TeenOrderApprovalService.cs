namespace PrivacyHoldout128.Retail;

public interface IOrderHolds
{
    Task<IReadOnlyList<PendingApproval>> PendingForAdultAsync(string adultCustomerNumber, CancellationToken cancellationToken = default);

    Task ReleaseAsync(string orderId, CancellationToken cancellationToken = default);

    Task CancelAsync(string orderId, string reason, CancellationToken cancellationToken = default);
}

public sealed class ApprovalWindowClosedException(string orderId, DateTimeOffset closedAt)
    : Exception($"Order {orderId} approval window closed at {closedAt:O}")
{
}

/// <summary>Teen accounts: orders wait for the approving adult of the household, who approves or declines each one.</summary>
public sealed partial class TeenOrderApprovalService(
    IOrderHolds holds,
    Pseudonymizer pseudonymizer,
    ILogger<TeenOrderApprovalService> logger)
{
    private static readonly ActivitySource Source = new("Shop.TeenApprovals");
    private static readonly Meter Meter = new("Shop.TeenApprovals");
    private static readonly Counter<long> Decisions = Meter.CreateCounter<long>("shop.teen.decisions");
    private static readonly Histogram<double> OrderValue = Meter.CreateHistogram<double>("shop.teen.order_value", "GBP");
    private static readonly FamshopHouseholdChangesCounter Changes = Meter.CreateFamshopHouseholdChangesCounter();

    public async Task DecideAsync(string adultCustomerNumber, IReadOnlyDictionary<string, bool> decisions, CancellationToken ct)
    {
        using var span = Source.StartFamshopHouseholdChange("household-plus");
        span.SetFamshopDelegateId(pseudonymizer.PseudonymizeFamshopDelegateId(adultCustomerNumber)).SetFamshopRole("teen"); // clean precision-pseudonym
        var pending = await holds.PendingForAdultAsync(adultCustomerNumber, ct);
        span.SetFamshopMemberCount(pending.Select(p => p.TeenCustomerNumber).Distinct().Count()); // clean precision-about
        Activity.Current?.SetTag("approvals.pending", pending.Count); // clean precision-about
        Activity.Current?.SetTag("approvals.orders", string.Join(",", pending.Select(p => p.OrderId))); // clean precision-names
        logger.LogInformation("Pending approvals {Pending}", pending); // leak TC1001 logging-objects
        logger.LogInformation("Adult {Adult} deciding {Count} orders", adultCustomerNumber, pending.Count); // leak TC1001 direct

        foreach (var order in pending)
        {
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["OrderId"] = order.OrderId, ["Teen"] = order.TeenCustomerNumber }); // leak TC1001 logging-objects
            OrderValue.Record((double)order.Total, new KeyValuePair<string, object?>("items", order.ItemCount)); // clean precision-about
            try
            {
                if (decisions.TryGetValue(order.OrderId, out var approved) && approved)
                {
                    await holds.ReleaseAsync(order.OrderId, ct);
                    Decisions.Add(1, new KeyValuePair<string, object?>("decision", "approved")); // clean precision-names
                }
                else
                {
                    await holds.CancelAsync(order.OrderId, "declined-by-adult", ct);
                    Decisions.Add(1, new KeyValuePair<string, object?>("decision", "declined"), new KeyValuePair<string, object?>("teen", order.TeenCustomerNumber)); // leak TC1003 cross-member
                }
            }
            catch (ApprovalWindowClosedException ex)
            {
                logger.LogWarning(ex, "Too late to decide order {OrderId}", order.OrderId); // clean exceptions
                Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            }
        }

        LogDecided(logger, adultCustomerNumber, decisions.Count); // clean logging-objects
        Changes.Add(decisions.Count, "household-plus", "decided"); // clean precision-names
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "{Adult} decided {Count} teen orders")]
    private static partial void LogDecided(ILogger logger, [PrivateData] string adult, int count);
}
