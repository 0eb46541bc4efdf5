namespace PrivacyHoldout99.Energy;

public sealed record ExportStatement(string AccountNumber, string MeterSerial, string ConnectedAccountId, decimal ExportedKwh, decimal RatePencePerKwh, string Quarter);

/// <summary>Pays households with solar panels for what they exported under the export tariff, quarterly, to their bank accounts.</summary>
public sealed class ExportPaymentPayouts(
    IConnectClient connect,
    Pseudonymizer pseudonymizer,
    ILogger<ExportPaymentPayouts> logger)
{
    private static readonly ActivitySource Source = new("Energy.Export.Payouts");

    public async Task PayQuarterAsync(IReadOnlyList<ExportStatement> statements, CancellationToken ct)
    {
        var perAccount = statements.ToDictionary(s => s.AccountNumber, s => s.ExportedKwh);
        logger.LogInformation("Export payouts for {Quarter}: {Count} households, {Kwh} kWh", statements.FirstOrDefault()?.Quarter, perAccount.Count, perAccount.Values.Sum()); // clean precision-about
        logger.LogDebug("Exported per account {PerAccount}", perAccount); // leak TC1001 logging-objects

        foreach (var statement in statements)
        {
            var amount = (long)Math.Round(statement.ExportedKwh * statement.RatePencePerKwh);
            using var span = Source.StartEnergypayPayout($"seg-{statement.Quarter}").SetEnergypayAmount(amount);
            span.SetEnergypayPayeeId(pseudonymizer.PseudonymizeEnergypayPayeeId(statement.AccountNumber)); // clean precision-pseudonym
            span.Activity?.SetTag("export.kwh", statement.ExportedKwh); // clean precision-about
            span.Activity?.SetTag("export.quarter", statement.Quarter); // clean precision-names
            try
            {
                var account = await connect.GetAccountAsync(statement.ConnectedAccountId, ct);
                span.Activity?.SetTag("payee.business_type", account.BusinessType);
                span.Activity?.SetTag("payee.requirements_due", account.RequirementsCurrentlyDue.Count); // clean precision-about
                span.Activity?.SetTag("payee.bank.holder", account.DefaultBankAccount?.AccountHolderName); // leak TC1001 direct
                logger.LogInformation("Export payout for {Holder}", account.Individual?.LastName); // leak TC1001 cross-member
                logger.LogInformation("Payee requirements {@Requirements}", account.RequirementsCurrentlyDue); // clean logging-objects
                span.Activity?.SetTag("payee.bank.sort_code", account.DefaultBankAccount?.RoutingNumber);

                var payout = await connect.PayoutAsync(amount, "gbp", new RequestOptions { StripeAccount = statement.ConnectedAccountId, IdempotencyKey = Idempotency.NewKey() }, ct);
                span.SetEnergypayPaymentId(payout.Id).SetEnergypayOutcome(payout.Status);
                logger.LogInformation("Payout {PayoutId} arrives {Arrival} by {Method} as {Descriptor}", payout.Id, payout.ArrivalDate, payout.Method, payout.StatementDescriptor); // clean precision-names
                if (payout.FailureCode is not null)
                {
                    logger.LogWarning("Payout {PayoutId} failed: {FailureCode} {FailureMessage}", payout.Id, payout.FailureCode, payout.FailureMessage); // clean exceptions
                }
            }
            catch (AccountRestrictedException ex)
            {
                logger.LogWarning(ex, "Export payout held for meter {MeterSerial}", statement.MeterSerial); // leak TC1001 direct
                span.SetEnergypayNote($"held: {ex.Requirements.Count} requirements due"); // clean exceptions
            }
        }
    }
}
