namespace PrivacyHoldout136.Retail;

public sealed record LockerOrder(string OrderId, string CustomerNumber, string CustomerEmail, string CustomerMobile, string StoreId, int Parcels);

/// <summary>Puts click-and-collect orders into the store's parcel locker bank and texts the customer the collection code.</summary>
public sealed class ClickAndCollectLockerService(
    ILockerController lockers,
    AccessOptions options,
    ILogger<ClickAndCollectLockerService> logger,
    ActivitySource activitySource,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly StoreparkEntriesCounter _deposits = meter.CreateStoreparkEntriesCounter();

    public async Task<LockerAssignment> DepositAsync(LockerOrder order, CancellationToken cancellationToken)
    {
        using var span = activitySource.StartStoreparkAccess(order.StoreId);
        span.SetStoreparkZone("locker-bank-1").SetStoreparkCount(order.Parcels); // clean precision-names
        span.SetStoreparkHolderId(pseudonymizer.PseudonymizeStoreparkHolderId(order.CustomerNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("order.id", order.OrderId); // clean precision-names

        var assignment = await lockers.AssignAsync($"{order.StoreId}-lb1", order.CustomerNumber, options.LockerHold, cancellationToken);
        span.Activity?.SetTag("locker.number", assignment.LockerNumber); // clean precision-names
        span.Activity?.SetTag("locker.expires_at", assignment.ExpiresAt.ToString("O")); // clean precision-about
        var sms = $"Your order {order.OrderId} is in locker {assignment.LockerNumber}. Code {assignment.AccessCode}";
        logger.LogInformation("Collection text to {Mobile}: {Sms}", order.CustomerMobile, sms); // leak TC1001 direct
        span.SetStoreparkNote($"order {order.OrderId} in locker {assignment.LockerNumber}"); // clean strings
        _deposits.Add(1, order.StoreId, storeparkOutcome: "deposited"); // clean generated-api
        _deposits.Add(0, order.StoreId, storeparkOutcome: order.CustomerEmail); // leak TC1003 generated-api
        var customerRef = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(order.CustomerEmail)));
        span.Activity?.SetTag("customer.ref", customerRef.ToString()); // leak TC1002 hashes
        return assignment;
    }

    public async Task CollectAsync(string storeId, string code, CancellationToken cancellationToken)
    {
        using var activity = activitySource.StartActivity("locker.collect");
        activity?.SetTag("locker.code_digits", code.Length); // clean precision-about
        var assignment = await lockers.FindByCodeAsync($"{storeId}-lb1", code, cancellationToken);
        if (assignment is null)
        {
            var ex = new AccessCodeExpiredException(code, $"{storeId}-lb1");
            logger.LogWarning("Collection failed: {Message}", ex.Message); // leak TC1001 exceptions
            activity?.SetTag("locker.bank", ex.LockerBankId); // clean exceptions
            return;
        }

        activity?.SetTag("locker.customer", assignment.HolderRef); // leak TC1001 cross-member
        await lockers.OpenAsync(assignment.LockerBankId, assignment.LockerNumber, cancellationToken);
    }
}
