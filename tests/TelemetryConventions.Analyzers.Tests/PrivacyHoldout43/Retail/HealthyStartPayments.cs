using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using TelemetryConventions;

namespace PrivacyHoldout43.Retail;

/// <summary>
/// A till payment with a prepaid card of the government's healthy food scheme for families on
/// benefits. Only eligible products (milk, fruit, vegetables, infant formula) may be paid with it.
/// </summary>
public sealed record SchemeCardPayment(string CardNumber, string TransactionId, string StoreId, string TillId, decimal Amount, IReadOnlyList<string> Gtins);

public sealed class CardDeclinedException(string message) : Exception(message);

public interface ISchemeCardProcessor
{
    /// <exception cref="CardDeclinedException">The card was declined.</exception>
    Task AuthoriseAsync(string cardNumber, decimal amount, CancellationToken cancellationToken);
}

public sealed class SchemeCardProcessor(IReadOnlyDictionary<string, decimal> balances) : ISchemeCardProcessor
{
    public Task AuthoriseAsync(string cardNumber, decimal amount, CancellationToken cancellationToken)
    {
        var balance = balances.GetValueOrDefault(cardNumber);
        if (balance < amount)
        {
            throw new CardDeclinedException($"Card {cardNumber} declined: balance {balance:0.00} below {amount:0.00}");
        }

        return Task.CompletedTask;
    }
}

public sealed class SchemeCardTender(
    ISchemeCardProcessor processor,
    IReadOnlySet<string> eligibleGtins,
    Meter meter,
    ILogger<SchemeCardTender> logger,
    Pseudonymizer pseudonymizer)
{
    private readonly Histogram<double> _spend = meter.CreateHistogram<double>("scheme_card.spend", "GBP");
    private readonly Counter<long> _declines = meter.CreateCounter<long>("scheme_card.declines", "{decline}");

    public async Task<bool> TenderAsync(SchemeCardPayment payment, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("scheme_card.transaction", payment.TransactionId); // clean direct
        activity?.SetTag("scheme_card.last4", payment.CardNumber[^4..]); // clean precision-about

        var ineligible = payment.Gtins.Where(g => !eligibleGtins.Contains(g)).ToList();
        if (ineligible.Count > 0)
        {
            logger.LogInformation("Ineligible items {Gtins} on {TransactionId}", string.Join(',', ineligible), payment.TransactionId); // clean logging-objects
            return false;
        }

        // Velocity rule: more than three declines an hour on one card.
        var cardKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(payment.CardNumber)));
        logger.LogDebug("Velocity key {CardKey}", cardKey); // leak TC1002 hashes

        try
        {
            await processor.AuthoriseAsync(payment.CardNumber, payment.Amount, cancellationToken);
        }
        catch (CardDeclinedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("scheme_card.card", payment.CardNumber); // leak TC1001 direct
            _declines.Add(1, new KeyValuePair<string, object?>("store", payment.StoreId), new KeyValuePair<string, object?>("card", pseudonymizer.Compute("scheme.card", payment.CardNumber))); // leak TC1003 precision-pseudonym
            return false;
        }

        _spend.Record((double)payment.Amount, new KeyValuePair<string, object?>("store", payment.StoreId), new KeyValuePair<string, object?>("till", payment.TillId)); // clean direct
        logger.LogInformation("Scheme card spend on {CardRef}", pseudonymizer.Compute("scheme.card", payment.CardNumber)); // clean precision-pseudonym
        return true;
    }
}
