namespace PrivacyHoldout174.Retail;

/// <summary>Keeps mobility aid orders and their home fittings; logs its queries.</summary>
public sealed class MobilityAidRepository(ILogger<MobilityAidRepository> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Retail.MobilityAids");
    private readonly Dictionary<string, string> _fittingAddresses = new();

    public void Save(AidOrder order, string customerNumber, string fittingAddress)
    {
        using var activity = Source.StartActivity("aids.save");
        activity?.SetTag("db.operation", "INSERT"); // clean precision-about
        activity?.SetTag("aids.order", order); // clean logging-objects
        activity?.SetTag("aids.sku", order.Sku); // clean precision-about
        activity?.SetTag("db.statement", $"INSERT INTO aid_orders VALUES ('{order.OrderId}', '{customerNumber}')"); // leak TC1001 strings
        _fittingAddresses[order.OrderId] = fittingAddress;
        logger.LogInformation("Aid order {OrderId} saved for fitting at {Slot}", order.OrderId, order.FittingSlot); // clean precision-about
        logger.LogInformation("Aid order {OrderId} saved for customer {Customer}", order.OrderId, pseudonymizer.PseudonymizeCarepharmacyClientId(customerNumber)); // clean precision-pseudonym
    }

    public string? FittingAddress(string orderId)
    {
        var address = _fittingAddresses.GetValueOrDefault(orderId);
        logger.LogDebug("Fitting address for {OrderId}: {Address}", orderId, address); // leak TC1001 cross-member
        logger.LogDebug("Fitting address for {OrderId} found {Found}", orderId, address is not null); // clean precision-about
        return address;
    }

    public void Cancel(AidOrder order, string customerNumber, string reason, TelemetrySecrets secrets)
    {
        using var activity = Source.StartActivity("aids.cancel");
        activity?.SetTag("aids.order_id", order.OrderId); // clean precision-about
        activity?.SetTag("aids.store", order.Store); // clean precision-about
        activity?.SetTag("aids.reason", reason); // clean precision-about
        activity?.SetTag("aids.customer", customerNumber); // leak TC1001 direct
        activity?.SetTag("aids.address_known", _fittingAddresses.ContainsKey(order.OrderId)); // clean precision-about
        activity?.SetTag("aids.fitting_address", _fittingAddresses.GetValueOrDefault(order.OrderId)); // leak TC1001 cross-member
        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        var customerRef = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(customerNumber)))[..12];
        logger.LogInformation("Aid order cancelled for customer ref {Ref}", customerRef); // clean hashes
        logger.LogInformation("Aid order cancelled for customer hash {Ref}", customerNumber.GetHashCode()); // leak TC1002 hashes
        logger.LogInformation("Aid order {OrderId} cancelled after fitting slot {Slot:d}", order.OrderId, order.FittingSlot); // clean precision-about
    }
}
