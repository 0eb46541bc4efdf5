using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout37.Support.Telephony;
using PrivacyHoldout37.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout37.Transport;

public sealed record AssistanceBooking(string Reference, string PassengerName, string FromStation, string ToStation, DateTimeOffset Departure, string AssistanceType, string? RailcardNumber);

public interface IAssistanceBookings
{
    Task<AssistanceBooking> CreateAsync(string passengerName, string fromStation, string toStation, DateTimeOffset departure, string assistanceType, string? railcard, CancellationToken cancellationToken);
}

public interface IStationNames
{
    /// <summary>Matches what the caller said against the station list; null when nothing matches well enough.</summary>
    string? Match(string heard);
}

public sealed class AssistanceDraft
{
    public string? PassengerName { get; set; }

    public string? FromStation { get; set; }

    public string? ToStation { get; set; }

    public string? Railcard { get; set; }
}

/// <summary>
/// The Passenger Assist booking line: speech gathers for the passenger's name and the stations,
/// DTMF for the railcard number, then the booking is made and read back.
/// </summary>
[ApiController]
[Route("voice/assist")]
public sealed class AssistanceBookingLine(
    IAssistanceBookings bookings,
    IStationNames stations,
    Pseudonymizer pseudonymizer,
    ILogger<AssistanceBookingLine> logger) : ControllerBase
{
    private static readonly Meter Meter = new("Rail.Telephony.Assist");
    private static readonly Counter<long> Booked = Meter.CreateCounter<long>("assist.bookings");
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, AssistanceDraft> Drafts = new();

    [HttpPost("name")]
    public ActionResult Name([FromBody] VoiceWebhookForm form)
    {
        var draft = Drafts.GetOrAdd(form.CallSid, _ => new AssistanceDraft());
        draft.PassengerName = form.SpeechResult?.Trim();
        var span = Activity.Current.EnrichCallHandle(form.CallSid).SetCallIvrNode("assist-name"); // clean generated-api
        span.AddCallIvrInputEvent("assist-name", callNote: $"heard {draft.PassengerName?.Split(' ').Length ?? 0} words"); // clean generated-api
        span.Activity?.SetTag("assist.passenger.name", draft.PassengerName); // leak TC1001 direct
        return Ok(new VoiceResponse().Gather("/voice/assist/from", input: "speech", prompt: "Which station are you travelling from?").ToString());
    }

    [HttpPost("from")]
    public ActionResult From([FromBody] VoiceWebhookForm form)
    {
        var draft = Drafts[form.CallSid];
        draft.FromStation = stations.Match(form.SpeechResult ?? string.Empty);
        Activity.Current?.SetTag("assist.from.station", draft.FromStation); // clean precision-about
        Activity.Current?.SetTag("assist.from.matched", draft.FromStation is not null);
        if (draft.FromStation is null)
        {
            logger.LogInformation("No station matched for {CallSid}; heard {Heard}", form.CallSid, form.SpeechResult); // leak TC1001 direct
        }
        return Ok(new VoiceResponse().Gather("/voice/assist/railcard", numDigits: 13, prompt: "If you have a railcard, key in its number now, or press hash.").ToString());
    }

    [HttpPost("railcard")]
    public async Task<ActionResult> Railcard([FromBody] VoiceWebhookForm form, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var draft = Drafts[form.CallSid];
        draft.Railcard = string.IsNullOrEmpty(form.Digits) ? null : form.Digits;
        activity?.SetTag("assist.railcard.given", draft.Railcard is not null); // clean precision-about
        activity?.SetTag("assist.railcard", draft.Railcard); // leak TC1001 direct

        var booking = await bookings.CreateAsync(draft.PassengerName ?? "(not given)", draft.FromStation ?? "?", draft.ToStation ?? "?", DateTimeOffset.Now.AddDays(1), "ramp", draft.Railcard, cancellationToken);
        activity?.SetTag("assist.booking.reference", booking.Reference); // clean direct
        activity?.SetTag("assist.booking.type", booking.AssistanceType); // clean precision-about
        activity?.SetTag("assist.passenger.ref", pseudonymizer.ComputeCallCallerId($"{booking.Reference}:{booking.PassengerName}")); // clean precision-pseudonym
        Booked.Add(1, new TagList { { "assist.type", booking.AssistanceType }, { "assist.from", booking.FromStation } });
        logger.LogInformation("Assistance booked: {@Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Assistance booked {Reference} from {From} to {To}", booking.Reference, booking.FromStation, booking.ToStation); // clean logging-objects

        var readBack = $"Thank you {booking.PassengerName}. Your booking reference is {string.Join(' ', booking.Reference.ToCharArray())}.";
        activity?.AddEvent(new ActivityEvent("assist.read_back", tags: new ActivityTagsCollection { ["assist.read_back.text"] = readBack })); // leak TC1001 strings
        Drafts.TryRemove(form.CallSid, out _);
        return Ok(new VoiceResponse().Say(readBack).Hangup().ToString());
    }
}
