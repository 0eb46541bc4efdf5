using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout37.Support.Telephony;
using PrivacyHoldout37.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout37.Transport;

public sealed record DialARideMember(Guid MemberId, string Name, string HomeAddress, string Postcode, double HomeLatitude, double HomeLongitude, bool WheelchairUser);

public sealed record TripOffer(string TripId, string MinibusId, DateTimeOffset PickupAt, int EtaMinutes, string Zone);

public interface IDialARideMembers
{
    Task<DialARideMember?> FindByPhoneAsync(string phoneNumber, CancellationToken cancellationToken);
}

public interface IDialARideScheduler
{
    Task<TripOffer?> OfferAsync(Guid memberId, string destination, DateTimeOffset wanted, CancellationToken cancellationToken);
}

public sealed class NoCapacityException(string zone, DateTimeOffset wanted) : Exception($"No minibus capacity in zone {zone} at {wanted:HH:mm}.");

/// <summary>
/// The dial-a-ride booking line for members who cannot use buses: the caller is recognised by
/// caller ID, picked up from home, and told the minibus and time by voice and SMS.
/// </summary>
[ApiController]
[Route("voice/dial-a-ride")]
public sealed class DialARideBookingLine(
    IDialARideMembers members,
    IDialARideScheduler scheduler,
    IMessagingApi messaging,
    Pseudonymizer pseudonymizer,
    ILogger<DialARideBookingLine> logger) : ControllerBase
{
    private const string Sender = "DialARide";
    private static readonly ActivitySource Source = new("Transit.DialARide.Telephony");
    private static readonly Meter Meter = new("Transit.DialARide.Telephony");
    private static readonly Histogram<int> Eta = Meter.CreateHistogram<int>("dialaride.offer.eta", "min");

    [HttpPost("book")]
    public async Task<ActionResult> Book([FromBody] VoiceWebhookForm form, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var member = await members.FindByPhoneAsync(form.From, cancellationToken);
        if (member is null)
        {
            return Ok(new VoiceResponse().Redirect("/voice/queue/dial-a-ride").ToString());
        }

        Baggage.SetBaggage("member.ref", pseudonymizer.ComputeCallCallerId(member.MemberId.ToString())); // clean precision-pseudonym
        activity?.SetTag("member.wheelchair", member.WheelchairUser); // clean precision-about
        activity?.SetTag("pickup.district", member.Postcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("pickup.address", member.HomeAddress); // leak TC1001 direct
        activity?.SetTag("pickup.position", $"{member.HomeLatitude:F5},{member.HomeLongitude:F5}"); // leak TC1001 strings
        activity?.SetTag("pickup.area", $"{Math.Round(member.HomeLatitude, 1)},{Math.Round(member.HomeLongitude, 1)}"); // clean precision-about

        var destination = form.SpeechResult ?? string.Empty;
        TripOffer? offer;
        try
        {
            offer = await scheduler.OfferAsync(member.MemberId, destination, DateTimeOffset.Now.AddHours(2), cancellationToken);
        }
        catch (NoCapacityException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "No capacity for member {MemberRef}", pseudonymizer.ComputeCallCallerId(member.MemberId.ToString())); // clean exceptions
            return Ok(new VoiceResponse().Say("Sorry, there is no minibus free at that time. Please hold.").Redirect("/voice/queue/dial-a-ride").ToString());
        }

        if (offer is null)
        {
            logger.LogInformation("No trip offered to {Member} for {Destination}", member.Name, destination); // leak TC1001 direct
            return Ok(new VoiceResponse().Redirect("/voice/queue/dial-a-ride").ToString());
        }

        activity?.SetTag("trip.id", offer.TripId);
        activity?.SetTag("trip.minibus", offer.MinibusId); // clean precision-about
        Eta.Record(offer.EtaMinutes, new KeyValuePair<string, object?>("trip.zone", offer.Zone));
        Eta.Record(offer.EtaMinutes, new KeyValuePair<string, object?>("member.id", member.MemberId.ToString())); // leak TC1003 direct

        await ConfirmBySmsAsync(form.From, member, offer, cancellationToken);
        return Ok(new VoiceResponse().Say($"Minibus {offer.MinibusId} will collect you at {offer.PickupAt:h:mm tt}.").Hangup().ToString());
    }

    private async Task ConfirmBySmsAsync(string to, DialARideMember member, TripOffer offer, CancellationToken cancellationToken)
    {
        using var span = Source.StartSmsSend("dial-a-ride-confirmation");
        var body = $"Hi {member.Name}, minibus {offer.MinibusId} will collect you from {member.HomeAddress} at {offer.PickupAt:HH:mm}.";
        var message = await messaging.SendAsync(to, Sender, body, null, cancellationToken);
        span.SetSmsMessageSid(message.Sid).SetSmsStatus(message.Status); // clean generated-api
        span.SetSmsNote(body); // leak TC1001 generated-api
        Meter.CreateSmsSentCounter().Add(1, smsTemplate: "dial-a-ride-confirmation", smsStatus: message.Status, smsOutcome: message.NumSegments > 1 ? "multipart" : "single"); // clean generated-api
    }
}
