using System;
using System.Diagnostics;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout30.Support.Operations;
using PrivacyHoldout30.Support.Web;
using PrivacyHoldout30.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout30.Transport;

public sealed record TravelCard(string CardNumber, Guid RiderId, string RiderEmail, string Concession, bool Blocked);

public sealed record FareRefund(Guid RefundId, string CardNumber, string RiderEmail, decimal Amount, string Reason);

public sealed class CardNotFoundException(string message) : Exception(message);

public sealed class HotlistSyncException(string message) : Exception(message);

public interface ICardRegistry
{
    Task<TravelCard?> FindAsync(string cardNumber, CancellationToken cancellationToken);

    Task UnblockAsync(string cardNumber, CancellationToken cancellationToken);

    /// <summary>Removes the card from the gates' hotlist; throws <see cref="HotlistSyncException"/> naming the card when a gate line refuses.</summary>
    Task PushHotlistRemovalAsync(string hotlistKey, string cardNumber, CancellationToken cancellationToken);

    Task RefundAsync(FareRefund refund, CancellationToken cancellationToken);
}

/// <summary>Customer-service back office of the transit operator: unblock a card, refund an overcharge.</summary>
public sealed class CardBackOffice(ICardRegistry cards, Pseudonymizer pseudonymizer, ILogger<CardBackOffice> logger)
{
    public async Task<IResult> UnblockAsync(string cardNumber, ClaimsPrincipal agent, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope("Unblocking card {CardNumber}", cardNumber); // leak TC1001 logging-objects
        var card = await cards.FindAsync(cardNumber, cancellationToken)
            ?? throw new CardNotFoundException($"No travel card {cardNumber} is registered"); // leak TC1001 exceptions

        var activity = Activity.Current;
        if (activity is not null)
        {
            activity.DisplayName = $"unblock {cardNumber}"; // leak TC1001 strings
        }

        activity?.SetTag("card.number", cardNumber); // leak TC1001 direct
        activity?.SetTag("card.last4", cardNumber[^4..]); // clean precision-about
        activity?.SetTag("card.concession", card.Concession); // clean precision-names
        activity?.SetBaggage("rider.id", card.RiderId.ToString()); // leak TC1001 direct
        activity?.SetBaggage("rider.ref", pseudonymizer.ComputeOpsSubjectId(card.RiderId.ToString())); // clean precision-pseudonym

        await cards.UnblockAsync(cardNumber, cancellationToken);
        var hotlistKey = Convert.ToHexString(SHA1.HashData(Encoding.ASCII.GetBytes(cardNumber)));
        activity?.SetTag("hotlist.key", hotlistKey); // leak TC1002 hashes
        try
        {
            await cards.PushHotlistRemovalAsync(hotlistKey, cardNumber, cancellationToken);
        }
        catch (HotlistSyncException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Hotlist removal pending: {ErrorType}", ex.GetType().Name); // clean exceptions
        }

        OperatorAudit.Log(logger, "card-unblock", agent.FindFirstValue("staff_number") ?? "unknown", cardNumber); // leak TC1001 cross-member
        return Results.NoContent();
    }

    public async Task<IResult> RefundAsync(string cardNumber, decimal amount, string reason, CancellationToken cancellationToken)
    {
        var card = await cards.FindAsync(cardNumber, cancellationToken);
        if (card is null)
        {
            return Results.NotFound();
        }

        var refund = new FareRefund(Guid.NewGuid(), cardNumber, card.RiderEmail, amount, reason);
        await cards.RefundAsync(refund, cancellationToken);
        Activity.Current?.SetTag("refund.id", refund.RefundId); // clean precision-names
        Activity.Current?.SetTag("refund.amount", refund.Amount); // clean precision-about
        logger.LogInformation("Refund confirmation goes to {RiderEmail}", card.RiderEmail); // leak TC1001 direct
        logger.LogInformation("Refund issued {@Refund}", refund); // leak TC1001 logging-objects
        AuditSpan.Tag(Activity.Current, "refund", card.RiderEmail); // leak TC1001 cross-member
        return Results.Ok(new { refund.RefundId });
    }
}
