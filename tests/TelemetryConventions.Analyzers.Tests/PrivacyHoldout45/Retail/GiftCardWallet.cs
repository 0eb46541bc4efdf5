using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout45.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout45.Retail;

// Gift cards are stored value. A customer can add a gift card to the wallet in the shop's app by
// its number and PIN; from then on the card is registered to that customer's account and its
// balance shows in the app and can be spent online.

public sealed record GiftCard(string CardNumber, string Scheme, decimal Balance, bool Locked, string? RegisteredTo);

public sealed record AddGiftCardRequest(string CustomerNumber, string WalletRef, string CardNumber, string Pin);

public interface IGiftCardProcessor
{
    Task<GiftCard?> VerifyAsync(string cardNumber, string pin, CancellationToken cancellationToken);

    Task RegisterAsync(string cardNumber, string customerNumber, CancellationToken cancellationToken);
}

public sealed class GiftCardLockedException(string cardNumber)
    : Exception($"Gift card {cardNumber} is locked after too many PIN attempts");

[ApiController]
[Route("wallet/gift-cards")]
public sealed partial class GiftCardWalletController(IGiftCardProcessor processor, Meter meter, ILogger<GiftCardWalletController> logger) : ControllerBase
{
    private readonly Counter<long> _added = meter.CreateCounter<long>("wallet.giftcards.added");

    [HttpPost]
    public async Task<ActionResult> Add([FromBody] AddGiftCardRequest request, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        // WalletRef is written by the app's account service with the generated helper when the wallet is created.
        activity?.SetTag(AccountAttributes.HolderId, Pseudonym.FromComputed(request.WalletRef).Value); // clean precision-pseudonym
        activity?.SetTag("giftcard.last4", request.CardNumber[^4..]); // clean precision-about

        var card = await processor.VerifyAsync(request.CardNumber, request.Pin, cancellationToken);
        if (card is null)
        {
            logger.LogWarning("Gift card {CardNumber} not verified with PIN {Pin}", request.CardNumber, request.Pin); // leak TC1001 direct
            return BadRequest("card");
        }

        if (card.Locked)
        {
            // Nothing in the app's API catches it: the host logs it with the request.
            throw new GiftCardLockedException(card.CardNumber); // leak TC1001 exceptions
        }

        await processor.RegisterAsync(card.CardNumber, request.CustomerNumber, cancellationToken);
        activity?.SetTag("giftcard.scheme", card.Scheme); // clean precision-about
        activity?.SetTag("giftcard.balance", (double)card.Balance); // clean precision-about
        GiftCardRegistered(logger, request.CustomerNumber, card.Scheme); // leak TC1001 direct
        _added.Add(1, new KeyValuePair<string, object?>("giftcard.scheme", card.Scheme)); // clean precision-about
        _added.Add(1, new KeyValuePair<string, object?>("giftcard.number", card.CardNumber)); // leak TC1003 direct

        // Fraud asked for a stable key per card to link wallets that share one.
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("giftcard-link-2023"));
        var linkKey = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(card.CardNumber)))[..20];
        activity?.SetTag("giftcard.link_key", linkKey); // leak TC1002 hashes
        return Ok(new { card.Balance });
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Gift card registered to customer {CustomerNumber} ({Scheme})")]
    private static partial void GiftCardRegistered(ILogger logger, string customerNumber, string scheme);
}
