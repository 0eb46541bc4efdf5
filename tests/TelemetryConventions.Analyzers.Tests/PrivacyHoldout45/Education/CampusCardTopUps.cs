using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout45.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout45.Education;

// The campus card is a stored-value card: students top it up in the app, at kiosks or by auto
// top-up from a saved card, and spend it in catering outlets, printers and laundries. The card's
// UID is read by the tills; each card is issued to one student.

/// <summary>
/// A campus card account. <see cref="HolderRef"/> is written by the card issuing service with the
/// generated helper (<c>ComputeAccountHolderId</c>) when the card is issued.
/// </summary>
public sealed record CampusCardAccount(string CardUid, string StudentNumber, string HolderRef, decimal Balance, bool Suspended, string? AutoTopUpPaymentMethodId);

public sealed record TopUpRequest(string CardUid, decimal Amount, string Channel, string PaymentMethodId);

public interface ICampusCardLedger
{
    Task<CampusCardAccount?> FindByCardAsync(string cardUid, CancellationToken cancellationToken);

    Task<decimal> CreditAsync(string cardUid, decimal amount, string paymentReference, CancellationToken cancellationToken);
}

public interface ICardPaymentGateway
{
    Task<string> ChargeAsync(string paymentMethodId, decimal amount, CancellationToken cancellationToken);
}

public sealed class CampusCardSuspendedException(string cardUid, string studentNumber)
    : Exception($"Campus card {cardUid} of student {studentNumber} is suspended");

public static class CampusCardTelemetry
{
    public static void TagCardHolder(this Activity? activity, string studentNumber) =>
        activity?.SetTag("campus_card.holder.student_number", studentNumber); // leak TC1001 direct
}

[ApiController]
[Route("campus-card/top-ups")]
public sealed partial class CampusCardTopUpController(
    ICampusCardLedger ledger,
    ICardPaymentGateway payments,
    Meter meter,
    ILogger<CampusCardTopUpController> logger) : ControllerBase
{
    private static readonly Histogram<double> TopUpsByStudent = new Meter("Campus.Card").CreateHistogram<double>("campus_card.topup.by_holder");

    [HttpPost]
    public async Task<ActionResult> TopUp([FromBody] TopUpRequest request, CancellationToken cancellationToken)
    {
        var account = await ledger.FindByCardAsync(request.CardUid, cancellationToken);
        if (account is null)
        {
            CardNotFound(logger, request.CardUid, request.Channel); // leak TC1001 direct
            return NotFound("card");
        }

        if (account.Suspended)
        {
            // The controller has no handler for this; the host logs it with the request.
            throw new CampusCardSuspendedException(account.CardUid, account.StudentNumber); // leak TC1001 exceptions
        }

        var activity = Activity.Current;
        activity.TagCardHolder(account.StudentNumber); // leak TC1001 cross-member
        activity?.SetTag(AccountAttributes.HolderId, Pseudonym.FromComputed(account.HolderRef).Value); // clean precision-pseudonym
        activity?.SetTag("campus_card.payment_method", request.PaymentMethodId); // clean precision-about

        var paymentReference = await payments.ChargeAsync(request.PaymentMethodId, request.Amount, cancellationToken);
        var balance = await ledger.CreditAsync(account.CardUid, request.Amount, paymentReference, cancellationToken);
        activity?.SetTag("campus_card.balance", (double)balance); // clean precision-about

        meter.CreateAccountTopupAmountHistogram().Record((double)request.Amount, accountKind: "campus-card", accountChannel: request.Channel); // clean generated-api
        TopUpsByStudent.Record((double)request.Amount, new KeyValuePair<string, object?>("campus_card.holder", account.HolderRef)); // leak TC1003 precision-pseudonym
        TopUpsByStudent.Record((double)request.Amount, new KeyValuePair<string, object?>("campus_card.holder_kind", account.StudentNumber.StartsWith('P') ? "postgraduate" : "undergraduate")); // clean precision-names
        ToppedUp(logger, request.Amount, request.Channel, account.StudentNumber); // clean direct
        return Ok(new { balance });
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "No campus card {CardUid} for a top-up from {Channel}")]
    private static partial void CardNotFound(ILogger logger, string cardUid, string channel);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Top-up of {Amount} from {Channel} for {StudentNumber}")]
    private static partial void ToppedUp(ILogger logger, decimal amount, string channel, [PrivateData] string studentNumber);
}
