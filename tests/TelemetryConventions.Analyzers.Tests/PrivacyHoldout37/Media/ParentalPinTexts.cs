using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout37.Support.Vonage;
using PrivacyHoldout37.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout37.Media;

public sealed record PinResetRequest(Guid SubscriberId, string MobileNumber, string ProfileName, string RequestedBy);

/// <summary>
/// Parental-control PIN resets requested on the help line: the agent triggers a text with a reset
/// link to the account holder's mobile, and the provider posts a delivery receipt back.
/// </summary>
[ApiController]
[Route("sms/pin-reset")]
public sealed class ParentalPinTexts(ISmsClient sms, Pseudonymizer pseudonymizer, ILogger<ParentalPinTexts> logger) : ControllerBase
{
    private const string Sender = "Streamly";
    private static readonly ActivitySource Source = new("Streamly.ContactCentre.Sms");

    public async Task SendAsync(PinResetRequest request, Uri resetLink, CancellationToken cancellationToken)
    {
        using var span = Source.StartSmsSend("parental-pin-reset");
        span.SetSmsRecipientId(pseudonymizer.PseudonymizeSmsRecipientId(request.SubscriberId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("sms.profile", request.ProfileName); // leak TC1001 direct
        span.Activity?.SetTag("sms.requested_by.role", "help-line-agent"); // clean precision-names

        var response = await sms.SendAsync(new SmsRequest(request.MobileNumber, Sender, $"Reset the PIN for {request.ProfileName}: {resetLink}", ClientRef: request.SubscriberId.ToString("N")), cancellationToken);
        var first = response.Messages[0];
        span.SetSmsMessageSid(first.MessageId).SetSmsStatus(first.Status); // clean generated-api
        span.SetSmsNote($"{response.MessageCount} part(s), network {first.Network}"); // clean generated-api
        if (first.Status != "0")
        {
            span.SetSmsNote($"not accepted for {first.To}: {first.ErrorText}"); // leak TC1001 generated-api
            span.Activity?.SetTag(SmsAttributes.RecipientContact, pseudonymizer.ComputeSmsRecipientId(request.SubscriberId.ToString())); // leak TC1001 precision-pseudonym
        }
        logger.LogInformation("PIN reset link sent for {SubscriberRef}: {Link}", pseudonymizer.ComputeSmsRecipientId(request.SubscriberId.ToString()), resetLink); // leak TC1001 strings
    }

    [HttpPost("receipt")]
    public ActionResult Receipt([FromBody] DeliveryReceipt receipt)
    {
        var activity = Activity.Current;
        activity?.SetTag("sms.message_id", receipt.MessageId);
        activity?.SetTag("sms.network_code", receipt.NetworkCode); // clean precision-about
        activity?.SetTag("sms.err_code", receipt.ErrCode);
        if (receipt.Status is "failed" or "rejected")
        {
            activity?.AddSmsDeliveryFailedEvent(receipt.Status, smsNote: $"err-code {receipt.ErrCode} on network {receipt.NetworkCode}"); // clean generated-api
            logger.LogWarning("PIN reset text {MessageId} to {Msisdn} failed with {ErrCode}", receipt.MessageId, receipt.Msisdn, receipt.ErrCode); // leak TC1001 direct
        }
        return Ok();
    }
}
