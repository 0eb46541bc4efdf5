namespace PrivacyHoldout82.Gaming;

/// <summary>
/// The detail of the legacy entitlement service's faults: a fault code, the account it was for, the SKU and
/// the catalogue's text about the SKU ("SKU not on sale in realm EU1").
/// </summary>
public sealed record EntitlementFault(string FaultCode, string AccountRef, string Sku, string Text);

/// <summary>
/// Grants store purchases through the legacy entitlement service (WCF, basicHttpBinding, action
/// GrantEntitlement) until the new entitlement service owns the catalogue. Legacy account references are
/// "ACC-" followed by the ACCT_NO.
/// </summary>
public sealed class EntitlementSoapBridge(ISoapChannel legacy, ActivitySource source, Meter meter, ILogger<EntitlementSoapBridge> logger)
{
    private const string GrantAction = "urn:studio:entitlements:2011/IEntitlementService/GrantEntitlement";

    private readonly Counter<long> _faults = meter.CreateCounter<long>("entitlements.legacy.faults");

    public async Task<bool> GrantAsync(long legacyAccountNumber, string gamertag, string sku, string receiptId, CancellationToken cancellationToken)
    {
        using var span = source.StartAcctbridgeTranslate("GrantEntitlement");
        Activity.Current?.SetTag("rpc.method", "GrantEntitlement"); // clean precision-about
        Activity.Current?.SetTag("store.sku", sku); // clean precision-about
        Activity.Current?.SetTag("store.receipt_id", receiptId); // clean precision-about
        Activity.Current?.SetTag("legacy.account_ref", "ACC-" + legacyAccountNumber.ToString(CultureInfo.InvariantCulture)); // leak TC1001 strings

        var body = new XElement("GrantEntitlement",
            new XElement("AccountRef", "ACC-" + legacyAccountNumber.ToString(CultureInfo.InvariantCulture)),
            new XElement("Sku", sku),
            new XElement("Receipt", receiptId));
        var envelope = new SoapEnvelope(GrantAction, body);
        logger.LogDebug("Calling {Action} for {Sku}", envelope.Action, sku); // clean precision-about
        logger.LogTrace("Envelope body {Body}", body); // leak TC1001 logging-objects

        try
        {
            var response = await legacy.InvokeAsync(envelope, cancellationToken);
            var granted = response.XPathSelectElements("//Granted/Sku").Select(e => e.Value).ToList();
            logger.LogInformation("Legacy granted {Skus}", granted); // clean precision-about
            span.SetAcctbridgeOutcome(granted.Contains(sku) ? "granted" : "not-granted"); // clean precision-about
            return granted.Contains(sku);
        }
        catch (FaultException<EntitlementFault> fault)
        {
            _faults.Add(1, new KeyValuePair<string, object?>("fault_code", fault.Detail.FaultCode), new KeyValuePair<string, object?>("sku", fault.Detail.Sku)); // clean precision-about
            _faults.Add(0, new KeyValuePair<string, object?>("account_ref", fault.Detail.AccountRef)); // leak TC1003 cross-member
            logger.LogWarning("Entitlement fault {Fault}", fault.Detail); // leak TC1001 logging-objects
            span.SetAcctbridgeLegacyStatus(fault.Detail.FaultCode).SetAcctbridgeNote(fault.Detail.Text); // clean generated-api
            if (fault.Detail.FaultCode == "ENT-DUP")
            {
                Activity.Current?.AddEvent(new ActivityEvent($"duplicate grant for {gamertag}")); // leak TC1001 strings
            }
            return false;
        }
    }
}
