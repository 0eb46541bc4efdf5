namespace PrivacyHoldout92.Energy;

/// <summary>A top-up voucher bought at a shop's till and typed into the app by the household.</summary>
public sealed record VoucherEntry(string AccountNumber, string MeterSerial, string VoucherCode, string RetailerId);

/// <summary>
/// Redeems shop vouchers: the 19-digit code printed on the till receipt is typed into the app and credited to
/// the household's meter. Failed attempts are counted per account to stop guessing.
/// </summary>
public sealed class ShopVoucherRedemption(IVendingClient vending, IVelocityStore velocity, TelemetrySecrets secrets, Pseudonymizer pseudonymizer, ILogger<ShopVoucherRedemption> logger)
{
    private static readonly ActivitySource Source = new("Energy.Prepay.Vouchers");
    private static readonly Meter Meter = new("Energy.Prepay.Vouchers");
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>("topup.voucher.failures");

    public async Task<bool> RedeemAsync(VoucherEntry entry, CancellationToken cancellationToken)
    {
        using var span = Source.StartTopupVend("shop");
        span.Activity?.SetTag("topup.retailer", entry.RetailerId); // clean precision-names
        span.Activity?.SetTag("topup.voucher.length", entry.VoucherCode.Length); // clean precision-about
        span.Activity?.SetTag("topup.voucher.issuer_prefix", entry.VoucherCode[..4]); // clean precision-about
        var failKey = $"voucher-fail:{entry.AccountNumber}";
        try
        {
            var result = await vending.VendAsync(new VendRequest(entry.AccountNumber, entry.MeterSerial, 0m, entry.VoucherCode, "shop"), cancellationToken);
            span.SetTopupTransactionId(result.TransactionId).SetTopupOutcome("vended");
            logger.LogInformation("Voucher {Voucher} credited to meter {Meter}", entry.VoucherCode, entry.MeterSerial); // leak TC1001 direct
            return true;
        }
        catch (VoucherRejectedException ex)
        {
            var failures = await velocity.IncrementAsync(failKey, TimeSpan.FromHours(1), cancellationToken);
            logger.LogWarning("Voucher rejected ({Reason}), {Failures} failures this hour", ex.Reason, failures); // clean exceptions
            logger.LogWarning(ex, "Voucher rejected"); // leak TC1001 exceptions
            Activity.Current?.SetTag("topup.velocity.key", failKey); // leak TC1001 strings
            Failures.Add(1, new KeyValuePair<string, object?>("topup.reason", ex.Reason));
            Failures.Add(1, new KeyValuePair<string, object?>("topup.account", pseudonymizer.PseudonymizeTopupAccountId(entry.AccountNumber).Value)); // leak TC1003 precision-pseudonym
            if (failures > 5)
            {
                var lane = BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(entry.AccountNumber))) % 8;
                span.Activity?.SetTag("topup.review_lane", lane); // clean hashes
                span.Activity?.SetTag("topup.guessing_account", Convert.ToBase64String(Encoding.UTF8.GetBytes(entry.AccountNumber))); // leak TC1001 hashes
            }
            return false;
        }
    }
}
