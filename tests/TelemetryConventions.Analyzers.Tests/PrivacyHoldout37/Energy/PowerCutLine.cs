using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout37.Support.Telephony;
using PrivacyHoldout37.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout37.Energy;

public sealed record OutageIncident(string IncidentId, string Zone, DateTimeOffset EstimatedRestore, int PropertiesAffected);

public interface IOutageMap
{
    Task<OutageIncident?> IncidentForPostcodeAsync(string postcode, CancellationToken cancellationToken);

    Task<bool> IsOnPriorityRegisterAsync(string phoneNumber, CancellationToken cancellationToken);
}

/// <summary>
/// The 105 power-cut line of the network operator: the caller says their postcode, hears the
/// incident's restore estimate and can ask for text updates.
/// </summary>
[ApiController]
[Route("voice/powercut")]
public sealed class PowerCutLine(
    IOutageMap outages,
    ILookupApi lookup,
    IMessagingApi messaging,
    Pseudonymizer pseudonymizer,
    ILogger<PowerCutLine> logger) : ControllerBase
{
    private const string UpdatesSender = "PowerCut105";
    private static readonly Meter Meter = new("Network.Telephony.PowerCut");
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("powercut.calls");

    private static readonly Regex PostcodePattern = new(@"^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$", RegexOptions.Compiled);

    [HttpPost("incoming")]
    public async Task<ActionResult> Incoming([FromBody] VoiceWebhookForm form, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var number = await lookup.LookupAsync(form.From, includeCallerName: true, cancellationToken);
        activity?.SetTag("caller.line_type", number.LineType); // clean precision-about
        activity?.SetTag("caller.carrier", number.CarrierName); // clean precision-about
        activity?.SetTag("caller.country", number.CountryCode); // clean precision-about
        activity?.SetTag("caller.name", number.CallerName); // leak TC1001 direct
        activity?.SetTag("caller.stir", form.StirVerstat);

        var priority = await outages.IsOnPriorityRegisterAsync(form.From, cancellationToken);
        activity?.SetTag("caller.priority_services", priority); // clean precision-about
        logger.LogInformation("Power cut call {CallSid} from {Number} ({LineType}), priority register: {Priority}", form.CallSid, number.NationalFormat, number.LineType, priority); // leak TC1001 direct

        return Ok(new VoiceResponse()
            .Gather("/voice/powercut/postcode", input: "speech", hints: "postcode",
                prompt: "You have called 105. Please say the postcode of the property without power.")
            .ToString());
    }

    [HttpPost("postcode")]
    public async Task<ActionResult> PostcodeHeard([FromBody] VoiceWebhookForm form, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var heard = (form.SpeechResult ?? string.Empty).ToUpperInvariant().Trim().TrimEnd('.');
        var match = PostcodePattern.Match(heard);
        if (!match.Success)
        {
            activity?.SetTag("powercut.postcode.heard", heard); // leak TC1001 direct
            return Ok(new VoiceResponse().Redirect("/voice/queue/powercut").ToString());
        }

        var district = match.Groups[1].Value;
        var postcode = $"{district} {match.Groups[2].Value}";
        activity?.SetTag("powercut.district", district); // clean precision-about
        Calls.Add(1, new KeyValuePair<string, object?>("powercut.district", district)); // clean precision-about
        Calls.Add(1, new KeyValuePair<string, object?>("powercut.postcode", postcode)); // leak TC1003 direct

        var incident = await outages.IncidentForPostcodeAsync(postcode, cancellationToken);
        activity?.SetTag("powercut.incident", incident?.IncidentId);
        activity?.SetTag("powercut.zone", incident?.Zone); // clean precision-about
        if (incident is null)
        {
            logger.LogInformation("No known incident for {Postcode}; offering a fault report", postcode); // leak TC1001 direct
            return Ok(new VoiceResponse().Redirect("/voice/queue/powercut").ToString());
        }

        await SendUpdateAsync(form.From, incident, cancellationToken);
        return Ok(new VoiceResponse()
            .Say($"We know about a power cut in your area. We expect power back by {incident.EstimatedRestore:h:mm tt}. We will text you updates.")
            .Hangup()
            .ToString());
    }

    private async Task SendUpdateAsync(string to, OutageIncident incident, CancellationToken cancellationToken)
    {
        using var span = new ActivitySource("Network.Telephony.PowerCut").StartSmsSend("powercut-update");
        span.SetSmsRecipientId(pseudonymizer.PseudonymizeSmsRecipientId(to)); // clean precision-pseudonym
        try
        {
            var message = await messaging.SendAsync(to, UpdatesSender, $"Power cut {incident.IncidentId}: we expect power back by {incident.EstimatedRestore:HH:mm}. Reply STOP to stop updates.", null, cancellationToken);
            span.SetSmsMessageSid(message.Sid).SetSmsStatus(message.Status); // clean generated-api
            Meter.CreateSmsSentCounter().Add(1, smsTemplate: "powercut-update", smsStatus: message.Status, smsOutcome: message.ErrorCode is null ? "sent" : $"error-{message.ErrorCode}"); // clean generated-api
        }
        catch (ApiException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.SetSmsNote($"provider error {ex.Code} ({ex.Status})"); // clean exceptions
            logger.LogWarning("Update for incident {Incident} not sent: provider error {Code}, see {MoreInfo}", incident.IncidentId, ex.Code, ex.MoreInfo); // clean exceptions
        }
    }
}
