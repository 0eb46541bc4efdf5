namespace PrivacyHoldout99.Healthcare;

public sealed record LocumShift(string ShiftId, string StaffNumber, string ConnectedAccountId, long FeePence, string Ward);

/// <summary>Pays locum clinicians for their shifts through their connected accounts (each one an individual, a sole trader).</summary>
public sealed class LocumPayoutWorker(
    IConnectClient connect,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<LocumPayoutWorker> logger)
{
    private static readonly ActivitySource Source = new("Clinic.Payouts");
    private static readonly Meter Meter = new("Clinic.Payouts");
    private static readonly Counter<long> PayoutsByClinician = Meter.CreateCounter<long>("clinic.locum.payouts");
    private static readonly Histogram<long> PayoutAmount = Meter.CreateHistogram<long>("clinic.locum.payout.amount", "p");

    public async Task PayAsync(IReadOnlyList<LocumShift> shifts, CancellationToken ct)
    {
        foreach (var group in shifts.GroupBy(s => s.ConnectedAccountId))
        {
            var first = group.First();
            var total = group.Sum(s => s.FeePence);
            var payee = pseudonymizer.PseudonymizeClinicpayPayeeId(first.StaffNumber);
            using var span = Source.StartClinicpayPayout("pending").SetClinicpayPayeeId(payee).SetClinicpayAmount(total); // clean precision-pseudonym
            span.Activity?.SetTag("payout.shift.count", group.Count()); // clean precision-about
            logger.LogInformation("Payout batch {Batch}", $"locum-{DateTime.UtcNow:yyyy-MM-dd}-{group.Count()}"); // clean strings
            span.Activity?.SetTag("payout.destination", first.ConnectedAccountId); // leak TC1001 direct
            span.Activity?.SetTag("payout.wards", string.Join(",", group.Select(s => s.Ward).Distinct())); // clean precision-names

            try
            {
                var account = await connect.GetAccountAsync(first.ConnectedAccountId, ct);
                logger.LogInformation("Paying {Name} for {Shifts} shifts", $"{account.Individual?.FirstName} {account.Individual?.LastName}", group.Count()); // leak TC1001 strings
                logger.LogInformation("Paying {BusinessType} account in {Country}, payouts enabled {Enabled}", account.BusinessType, account.Country, account.PayoutsEnabled);
                logger.LogDebug("Bank account ends {Last4} at {Bank}", account.DefaultBankAccount?.Last4, account.DefaultBankAccount?.BankName); // clean precision-about
                logger.LogDebug("Bank account {Iban}", account.DefaultBankAccount?.Iban); // leak TC1001 direct

                var transfer = await connect.TransferAsync(total, "gbp", first.ConnectedAccountId, $"locum-{DateTime.UtcNow:yyyy-MM-dd}", new RequestOptions { IdempotencyKey = Idempotency.NewKey() }, ct);
                span.SetClinicpayPaymentId(transfer.Id).SetClinicpayOutcome("paid");
                logger.LogInformation("Transfer {TransferId} in group {Group}", transfer.Id, transfer.TransferGroup); // clean precision-names
                PayoutAmount.Record(total, new KeyValuePair<string, object?>("ward", first.Ward));
                PayoutsByClinician.Add(1, new KeyValuePair<string, object?>("clinician", payee.Value)); // leak TC1003 precision-pseudonym
            }
            catch (AccountRestrictedException ex)
            {
                span.SetClinicpayOutcome("restricted").SetClinicpayNote(ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Payout held: requirements due {Requirements}", string.Join(", ", ex.Requirements)); // clean exceptions
                logger.LogWarning(ex, "Locum payout held for the shift batch"); // leak TC1001 exceptions
                var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(first.StaffNumber)))[..4];
                span.Activity?.SetTag("payout.clinician.shard", shard); // clean hashes
                span.Activity?.SetTag("payout.clinician.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(first.StaffNumber)))); // leak TC1002 hashes
            }
        }
    }
}
