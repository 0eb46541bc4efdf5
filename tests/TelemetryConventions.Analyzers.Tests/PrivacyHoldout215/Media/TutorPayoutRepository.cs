namespace PrivacyHoldout215.Media;

/// <summary>Pays freelance studio tutors monthly through the payments provider.</summary>
public sealed class TutorPayoutRepository(IPayoutGateway gateway, Pseudonymizer pseudonymizer, ILogger<TutorPayoutRepository> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout215.Media.Payouts");

    private readonly Counter<decimal> _paid = meter.CreateCounter<decimal>("academy.payouts.amount", "GBP");

    public async Task RunAsync(PayoutRun run, IReadOnlyList<TutorPayout> payouts, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("payout.run");
        activity?.SetTag("payout.run_id", run.RunId); // clean precision-names
        activity?.SetTag("payout.count", run.Payouts); // clean precision-about
        logger.LogInformation("Payout run {@Run}", run); // clean logging-objects

        foreach (var payout in payouts)
        {
            using var one = Source.StartActivity("payout.pay");
            one?.SetTag("payout.id", payout.PayoutId); // clean precision-names
            one?.SetTag("payee.sort_code", payout.SortCode); // clean precision-about
            one?.SetTag("payee.account_last2", payout.AccountNumber[^2..]); // clean precision-about
            one?.SetTag("payee.account", payout.AccountNumber); // leak TC1001 direct
            one?.SetTag("payee.tutor", pseudonymizer.Pseudonymize("tutor", payout.TutorId)); // clean precision-pseudonym
            _paid.Add(payout.Amount, new KeyValuePair<string, object?>("currency", run.Currency)); // clean precision-names
            _paid.Add(payout.Amount, new KeyValuePair<string, object?>("tutor", payout.TutorId)); // leak TC1003 direct

            try
            {
                var reference = await gateway.PayAsync(payout, cancellationToken);
                one?.SetTag("payout.reference", reference); // clean precision-names
            }
            catch (PayoutRejectedException ex)
            {
                one?.AddException(ex); // leak TC1001 exceptions
                logger.LogError("Payout {PayoutId} rejected: {Message}", payout.PayoutId, ex.Message); // leak TC1001 exceptions
                var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(payout.SortCode + payout.AccountNumber)));
                logger.LogError("Rejected account digest {Digest}", digest); // leak TC1002 hashes
            }
            catch (PaymentsProviderUnavailableException ex)
            {
                one?.AddException(ex); // clean exceptions
                logger.LogError(ex, "Provider unavailable for run {RunId}", run.RunId); // clean exceptions
                one?.SetTag("provider.status", ex.StatusCode); // clean exceptions
            }
        }

        var payees = new StringBuilder();
        foreach (var payout in payouts)
        {
            payees.Append(payout.PayeeName).Append(';');
        }

        logger.LogInformation("Paid {Payees}", payees.ToString()); // leak TC1001 strings
        logger.LogInformation("Paid {Count} tutors, {Total} {Currency}", run.Payouts, run.Total, run.Currency); // clean precision-names
        logger.LogInformation("Payouts {Amounts}", payouts.ToDictionary(p => p.PayoutId, p => p.Amount)); // clean logging-objects
    }
}
