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
using PrivacyHoldout37.Support.Telephony;
using PrivacyHoldout37.Telemetry;

namespace PrivacyHoldout37.Retail;

public sealed record PhonePayment(string CallSid, string OrderNumber, decimal Amount, string RecordingSid);

public interface IPaymentGateway
{
    /// <summary>The fallback when the provider's card capture is down: the agent's desktop posts the keyed card to the gateway.</summary>
    Task<string> AuthoriseAsync(string cardNumber, string expiry, string cvv, decimal amount, string reference, CancellationToken cancellationToken);
}

/// <summary>
/// Card payments taken over the phone (PCI DSS): the call's recording is paused, the provider's
/// &lt;Pay&gt; verb captures the card by DTMF, and the result comes back masked.
/// </summary>
[ApiController]
[Route("voice/payments")]
public sealed class PhonePaymentHandler(
    IVoiceApi voice,
    IPaymentGateway gateway,
    ILogger<PhonePaymentHandler> logger) : ControllerBase
{
    private static readonly Meter Meter = new("Shop.Telephony.Payments");
    private static readonly Counter<long> Captures = Meter.CreateCounter<long>("ivr.card.captures");
    private static readonly Dictionary<string, PhonePayment> Pending = new();

    [HttpPost("start")]
    public async Task<ActionResult> Start([FromBody] PhonePayment payment, CancellationToken cancellationToken)
    {
        await voice.UpdateRecordingAsync(payment.CallSid, payment.RecordingSid, "paused", cancellationToken);
        Activity.Current?.SetTag("payment.recording.paused", true);
        Pending[payment.CallSid] = payment;
        var twiml = new VoiceResponse()
            .Say($"You are paying {payment.Amount:0.00} pounds for order {payment.OrderNumber}.")
            .Pay("/voice/payments/complete", payment.Amount.ToString("0.00"))
            .ToString();
        logger.LogDebug("Card capture TwiML for {CallSid}: {Twiml}", payment.CallSid, twiml); // clean strings
        return Ok(twiml);
    }

    [HttpPost("complete")]
    public async Task<ActionResult> Complete([FromBody] PayCallbackForm result, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var payment = Pending[result.CallSid];
        await voice.UpdateRecordingAsync(result.CallSid, payment.RecordingSid, "in-progress", cancellationToken);

        activity?.SetTag("payment.result", result.Result);
        activity?.SetTag("payment.card.masked", result.PaymentCardNumber); // clean precision-about
        activity?.SetTag("payment.card.brand", result.PaymentCardType); // clean precision-about
        activity?.SetTag("payment.card.expiry", result.ExpirationDate); // clean precision-about
        activity?.SetTag("payment.confirmation", result.PaymentConfirmationCode); // clean direct
        Captures.Add(1, new KeyValuePair<string, object?>("payment.result", result.Result), new KeyValuePair<string, object?>("payment.card.brand", result.PaymentCardType));
        activity?.EnrichCallHandle(result.CallSid).SetCallNote($"card capture {result.Result}, card {result.PaymentCardNumber}"); // clean generated-api
        logger.LogInformation("Card capture on {CallSid} for order {Order}: {Result} {Error}", result.CallSid, payment.OrderNumber, result.Result, result.PaymentError); // clean direct
        Pending.Remove(result.CallSid);
        return Ok(new VoiceResponse().Say("Thank you, your payment is complete.").ToString());
    }

    /// <summary>The agent-assisted fallback: the agent keys what the customer reads out.</summary>
    [HttpPost("assisted")]
    public async Task<ActionResult> Assisted([FromBody] AssistedCard card, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var duplicateKey = Convert.ToHexString(SHA1.HashData(Encoding.ASCII.GetBytes(card.CardNumber + card.Expiry)));
        activity?.SetTag("payment.duplicate_key", duplicateKey); // leak TC1002 hashes
        activity?.SetTag("payment.card.bin", card.CardNumber[..6]); // clean precision-about
        activity?.SetTag("payment.card.length", card.CardNumber.Length); // clean precision-about
        try
        {
            var authorisation = await gateway.AuthoriseAsync(card.CardNumber, card.Expiry, card.Cvv, card.Amount, card.OrderNumber, cancellationToken);
            activity?.SetTag("payment.authorisation", authorisation);
        }
        catch (Exception ex)
        {
            logger.LogError("Assisted payment failed for order {Order}, card {Card}: {Error}", card.OrderNumber, card.CardNumber, ex.GetType().Name); // leak TC1001 direct
            return BadRequest("The payment could not be taken.");
        }
        return Ok();
    }
}

public sealed record AssistedCard(string OrderNumber, decimal Amount, string CardNumber, string Expiry, string Cvv);
